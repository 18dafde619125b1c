-- Completeness: which numeric KPIs of the HKEX ESG Reporting Guide (A1.1 ... B8.2) each report
-- discloses for its own fiscal year, as a share of all of them, and which it leaves out. The check
-- (seed dq_checks, hkex_kpi_completeness) passes at its threshold share; a report of no KPI fails.
with

dictionary as (
    select * from {{ ref('metric_dictionary') }}
),

reports as (
    select * from {{ ref('dim_report') }}
),

observations as (
    select * from {{ ref('fct_metric_observation') }}
),

threshold as (
    select
        threshold,
        explanation
    from {{ ref('dq_checks') }}
    where check_name = 'hkex_kpi_completeness'
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
),

per_report as (
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
)

select
    'hkex_kpi_completeness:' || per_report.report_id as check_id,
    'hkex_kpi_completeness' as check_name,
    per_report.*,
    cast(null as varchar) as metric_code,
    per_report.disclosed_share as observed,
    threshold.threshold as expected,
    0.0 as tolerance,
    cast(null as varchar) as source_lines,
    case
        when per_report.observations_read = 0
            then format(
                'no KPI read: {} landed and its metadata is stored, but no KPI value could be read from it '
                || '(prose only, or a layout the parser does not know yet); {}',
                per_report.source_file, threshold.explanation
            )
        else format(
            '{} discloses {} of {} numeric HKEX ESG KPIs for {} ({}%); missing: {}; {}',
            per_report.source_file, per_report.kpis_disclosed, per_report.kpis_numeric, per_report.fiscal_year,
            cast(round(100 * per_report.disclosed_share) as integer), per_report.kpis_missing,
            threshold.explanation
        )
    end as message,
    per_report.disclosed_share >= threshold.threshold as passed
from per_report
cross join threshold
