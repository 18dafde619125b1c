-- Completeness: which numeric KPIs of the HKEX ESG Reporting Guide (A1.1 ... B8.2) each report
-- discloses for its own fiscal year, as a share of all of them, and which it leaves out.
with

dictionary as (
    select * from {{ ref('metric_dictionary') }}
),

metric_kpis as (
    select
        code as metric_code,
        unnest(string_split(hkex_kpi, '/')) as hkex_kpi
    from dictionary
    where regexp_matches(hkex_kpi, '^[AB][0-9]')
),

numeric_kpis as (
    select distinct hkex_kpi from metric_kpis
),

reports as (
    select * from {{ ref('dim_report') }}
),

observations as (
    select * from {{ ref('fct_metric_observation') }}
),

read_per_report as (
    select
        report_id,
        count(*) as observations_read
    from observations
    group by report_id
),

disclosed as (
    select distinct
        observations.report_id,
        metric_kpis.hkex_kpi
    from observations
    inner join metric_kpis on observations.metric_code = metric_kpis.metric_code
    inner join reports
        on observations.report_id = reports.report_id and observations.fiscal_year = reports.fiscal_year
)

select
    reports.report_id,
    reports.source_file,
    reports.company_id,
    reports.company_name,
    reports.fiscal_year,
    count(disclosed.hkex_kpi) as kpis_disclosed,
    count(*) as kpis_numeric,
    count(disclosed.hkex_kpi) / count(*) as disclosed_share,
    coalesce(any_value(read_per_report.observations_read), 0) as observations_read,
    coalesce(
        string_agg(numeric_kpis.hkex_kpi, ', ' order by numeric_kpis.hkex_kpi)
        filter (where disclosed.hkex_kpi is null),
        ''
    ) as kpis_missing
from reports
cross join numeric_kpis
left join disclosed
    on reports.report_id = disclosed.report_id and numeric_kpis.hkex_kpi = disclosed.hkex_kpi
left join read_per_report on reports.report_id = read_per_report.report_id
group by reports.report_id, reports.source_file, reports.company_id, reports.company_name, reports.fiscal_year
