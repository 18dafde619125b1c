-- One row per company; its name as its most recent report gives it, and every spelling seen.
with reports as (
    select * from {{ ref('int_reports__companies') }}
)

select
    company_id,
    max(stock_code) as stock_code,
    max(exchange) as exchange,
    arg_max(company_name, period_end) as company_name,
    string_agg(distinct company_name, ' | ') as names_seen,
    count(*) as reports
from reports
group by company_id
