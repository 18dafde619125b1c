{{ config(materialized='view') }}

-- The analyst's view: every observation with its company, period and lineage.
select
    facts.observation_id,
    facts.source_file,
    reports.company_name,
    facts.company_id,
    facts.fiscal_year,
    facts.period_end,
    facts.metric_code,
    facts.value,
    facts.unit,
    facts.reported_value,
    facts.reported_unit,
    facts.raw_value,
    facts.raw_label,
    facts.section,
    facts.source_line,
    facts.label_line,
    facts.layout,
    facts.scope_note,
    facts.is_partial_scope,
    facts.report_id,
    metrics.name_en as metric_name,
    metrics.pillar
from {{ ref('fct_metric_observation') }} as facts
inner join {{ ref('dim_report') }} as reports on facts.report_id = reports.report_id
inner join {{ ref('dim_metric') }} as metrics on facts.metric_code = metrics.metric_code
