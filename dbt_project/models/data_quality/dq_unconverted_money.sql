-- Money the parser kept out: an amount printed in another currency (港元, 新台幣) in a report that
-- states no exchange rate to CNY stays unconverted and out of the facts (CONTRACT); each such amount
-- is a finding, so the data team can add the rate by hand or ask for it. Only failed checks are rows.
with

unmapped_rows as (
    select * from {{ ref('stg_raw__unmapped_rows') }}
    where unconverted_metric is not null
),

reports as (
    select * from {{ ref('dim_report') }}
),

catalogue as (
    select explanation from {{ ref('dq_checks') }}
    where check_name = 'money_without_exchange_rate'
)

select
    'money_without_exchange_rate:' || unmapped_rows.report_id || ':' || unmapped_rows.row_number_in_report
        as check_id,
    'money_without_exchange_rate' as check_name,
    unmapped_rows.report_id,
    reports.company_id,
    unmapped_rows.source_file,
    unmapped_rows.unconverted_metric as metric_code,
    unmapped_rows.fiscal_year,
    unmapped_rows.reported_value as observed,
    cast(null as double) as expected,
    cast(null as double) as tolerance,
    cast(unmapped_rows.source_line as varchar) as source_lines,
    format(
        '{} {} = {} {} (label ''{}'', line {}) is in {} and the report states no rate to CNY; {}',
        unmapped_rows.unconverted_metric, unmapped_rows.fiscal_year, unmapped_rows.raw_value,
        coalesce(unmapped_rows.reported_unit, ''), trim(unmapped_rows.raw_label), unmapped_rows.source_line,
        unmapped_rows.unconverted_currency, catalogue.explanation
    ) as message,
    false as passed
from unmapped_rows
inner join reports on unmapped_rows.report_id = reports.report_id
cross join catalogue
