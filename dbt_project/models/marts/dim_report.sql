select
    report_id,
    source_file,
    content_sha256,
    company_id,
    company_name,
    report_year,
    fiscal_year,
    period_start,
    period_end,
    script,
    standards,
    parser_version,
    landed_at
from {{ ref('int_reports__companies') }}
