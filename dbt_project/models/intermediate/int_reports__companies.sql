-- One row per parsed report with the company it belongs to. A company is its stock code: the
-- report's own, else the one code its other reports under the same name give; else its name
-- folded to simplified script (so 醫脈通 = 医脉通). A name shared by several codes is no key.
with

reports as (
    select * from {{ ref('stg_raw__reports') }}
),

manifest as (
    select * from {{ ref('stg_raw__manifest') }}
),

codes_by_name as (
    select
        company_key,
        max(stock_code) as stock_code,
        max(exchange) as exchange
    from reports
    where company_key is not null and stock_code is not null
    group by company_key
    having count(distinct stock_code) = 1
)

select
    reports.report_id,
    reports.source_file,
    reports.company_name,
    reports.company_key,
    coalesce(reports.stock_code, codes_by_name.stock_code) as stock_code,
    coalesce(reports.exchange, codes_by_name.exchange) as exchange,
    reports.report_year,
    reports.period_start,
    reports.period_end,
    reports.fiscal_year,
    reports.script,
    reports.standards,
    reports.parser_version,
    reports.parsed_at,
    manifest.content_sha256,
    manifest.landed_at,
    coalesce('code:' || coalesce(reports.stock_code, codes_by_name.stock_code), 'name:' || reports.company_key)
        as company_id
from reports
left join codes_by_name on reports.company_key = codes_by_name.company_key
left join manifest on reports.report_id = manifest.report_id
