-- Coverage per report, for the data-quality page: the facts read, the numeric HKEX KPIs it discloses
-- and misses (dq_completeness), and the rows printed with a number whose label maps to no metric.
with

completeness as (
    select * from {{ ref('dq_completeness') }}
),

unmapped_rows as (
    select * from {{ ref('stg_raw__unmapped_rows') }}
),

unmapped_per_report as (
    select
        report_id,
        count(*) as unmapped_rows,
        count(distinct raw_label) as unmapped_labels
    from unmapped_rows
    group by report_id
)

select
    completeness.report_id,
    completeness.source_file,
    completeness.company_id,
    completeness.company_name,
    completeness.fiscal_year,
    completeness.observations_read as facts_read,
    completeness.kpis_disclosed,
    completeness.kpis_numeric,
    completeness.disclosed_share,
    completeness.kpis_missing,
    coalesce(unmapped_per_report.unmapped_rows, 0) as unmapped_rows,
    coalesce(unmapped_per_report.unmapped_labels, 0) as unmapped_labels
from completeness
left join unmapped_per_report on completeness.report_id = unmapped_per_report.report_id
