{{ config(schema='marts', tags=['after_validation']) }}

-- One row per data-quality finding of the latest run: every failed check of every family, with its
-- severity and family from the catalogue (seed dq_checks), the company, the metric's unit, and the
-- report's own note on the figure where it printed one (captured at parse time). finding_id is the
-- check's id, so the same finding keeps its id from run to run.
with

checks as (
    select * from {{ ref('dq_range') }}
    union all by name
    select * from {{ ref('dq_internal_sums') }}
    union all by name
    select * from {{ ref('dq_internal_ratios') }}
    union all by name
    select * from {{ ref('dq_year_over_year') }}
    union all by name
    select * from {{ ref('dq_cross_source') }}
    union all by name
    select * from {{ ref('dq_completeness') }}
    union all by name
    select * from {{ ref('dq_staging_contract') }}
),

catalogue as (
    select * from {{ ref('dq_checks') }}
),

companies as (
    select * from {{ ref('dim_company') }}
),

metrics as (
    select * from {{ ref('dim_metric') }}
),

observations as (
    select * from {{ ref('fct_metric_observation') }}
)

select
    checks.check_id as finding_id,
    current_timestamp as run_at,
    checks.check_name,
    catalogue.family as check_family,
    catalogue.severity,
    companies.company_name,
    checks.company_id,
    checks.metric_code,
    checks.fiscal_year,
    checks.source_file,
    checks.report_id,
    try_cast(regexp_extract(checks.source_lines, '[0-9]+') as integer) as source_line,
    checks.observed as value,
    metrics.canonical_unit as unit,
    checks.message
    || coalesce('. ' || observations.explaining_note, '') as message
from checks
left join catalogue on checks.check_name = catalogue.check_name
left join companies on checks.company_id = companies.company_id
left join metrics on checks.metric_code = metrics.metric_code
left join observations
    on
        checks.report_id = observations.report_id
        and checks.metric_code = observations.metric_code
        and checks.fiscal_year = observations.fiscal_year
where not checks.passed
