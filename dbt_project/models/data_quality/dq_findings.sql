{{ config(schema='marts', tags=['after_validation']) }}

-- One row per data-quality finding of the latest run: every failed check of every family, with its
-- severity and family from the catalogue (seed dq_checks), the company, the metric's unit, and the
-- report's own note on the figure where it printed one (captured at parse time), and the data
-- team's decision on it (seed dq_reviews). finding_id is derived from the check, company, metric,
-- year and the value's source (file and lines), not from the run or the report's content hash, so a
-- decision attaches to the same finding on every run; a finding whose value has changed since its
-- decision is open again.
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
    union all by name
    select * from {{ ref('dq_unconverted_money') }}
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
),

corrections as (
    select * from {{ ref('int_reviews__corrections') }}
),

reviews as (
    select
        decided.*,
        corrections.value as corrected_canonical_value
    from {{ ref('dq_reviews') }} as decided
    left join corrections on decided.finding_id = corrections.finding_id
),

-- A file landed again with other bytes is a new version of the report; its findings replace the
-- earlier version's (whose facts no longer count), so a finding has one id across versions.
superseded_reports as (
    select report_id from {{ ref('dim_report') }}
    qualify row_number() over (partition by company_id, source_file order by landed_at desc, report_id desc) > 1
),

findings as (
    select
        checks.*,
        checks.check_name || '-' || left(md5(concat_ws(
            '|', checks.check_name, checks.company_id, checks.metric_code, checks.fiscal_year,
            checks.source_file, checks.source_lines, replace(checks.check_id, checks.report_id, '')
        )), 12) as finding_id
    from checks
    where
        not checks.passed
        and not exists (
            select 1 from superseded_reports
            where superseded_reports.report_id = checks.report_id
        )
),

-- A decision stands while the finding's value is the one it was made on (or the reviewer's own
-- correction of it); a finding whose value has changed since is open again.
reviewed as (
    select
        findings.*,
        reviews.status as decision,
        reviews.note as decision_note,
        reviews.value_at_review,
        reviews.reviewed_by,
        reviews.reviewed_at,
        reviews.corrected_value,
        reviews.corrected_unit,
        (
            reviews.status != 'reopened'
            and (reviews.value_at_review is distinct from findings.observed)
            and (reviews.corrected_canonical_value is distinct from findings.observed)
        ) as decided_on_another_value
    from findings
    left join reviews on findings.finding_id = reviews.finding_id
)

select
    checks.finding_id,
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
    || coalesce('. ' || observations.explaining_note, '') as message,
    case
        when checks.decision = 'reopened' or checks.decided_on_another_value then null
        else checks.decision
    end as review_status,
    case
        when checks.decided_on_another_value
            then format('open again: the value was {} when decided ({})', checks.value_at_review, checks.decision_note)
        else checks.decision_note
    end as review_note,
    checks.reviewed_by,
    checks.reviewed_at,
    checks.corrected_value,
    checks.corrected_unit
from reviewed as checks
left join catalogue on checks.check_name = catalogue.check_name
left join companies on checks.company_id = companies.company_id
left join metrics on checks.metric_code = metrics.metric_code
left join observations
    on
        checks.report_id = observations.report_id
        and checks.metric_code = observations.metric_code
        and checks.fiscal_year = observations.fiscal_year
