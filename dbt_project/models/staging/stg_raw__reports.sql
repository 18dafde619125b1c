select
    report_id,
    source_file,
    company_name,
    company_key,
    stock_code,
    exchange,
    script,
    standards,
    parser_version,
    parsed_at,
    cast(report_year as integer) as report_year,
    cast(period_start as date) as period_start,
    cast(period_end as date) as period_end,
    cast(fiscal_year as integer) as fiscal_year
from {{ source('raw', 'reports') }}
