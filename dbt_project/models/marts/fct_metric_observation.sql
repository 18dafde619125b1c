{{
    config(
        materialized='incremental',
        unique_key='report_id',
        incremental_strategy='delete+insert',
        on_schema_change='sync_all_columns',
        post_hook="
            delete from {{ this }} as built
            where not exists (
                select 1 from {{ ref('int_reports__companies') }} as reports
                where reports.report_id = built.report_id and reports.parsed_at <= built.report_parsed_at
            )"
    )
}}

-- Grain: one report x one metric x one fiscal period. Where a report states a value more than
-- once (a body table and the appendix), the parser's primary statement stands for it.
-- Incremental: a run rebuilds the rows of reports parsed since the last run, of reports whose
-- company key changed and of reports it has no rows of; the hook drops rows of reports that are
-- gone (withdrawn, quarantined) or were parsed again.
with

observations as (
    select * from {{ ref('int_observations__canonical') }}
    where is_primary
),

reports_to_build as (
    select reports.report_id
    from {{ ref('int_reports__companies') }} as reports
    {% if is_incremental() %}
        where
            reports.parsed_at > (select coalesce(max(built.report_parsed_at), '1900-01-01') from {{ this }} as built)
            or exists (
                select 1 from {{ this }} as built
                where built.report_id = reports.report_id and built.company_id != reports.company_id
            )
            -- a report loaded again with its earlier parse (a withdrawal undone)
            or not exists (
                select 1 from {{ this }} as built
                where built.report_id = reports.report_id
            )
    {% endif %}
)

select
    report_id || ':' || metric_code || ':' || fiscal_year as observation_id,
    report_id,
    company_id,
    metric_code,
    fiscal_year,
    strftime(period_end, '%Y-%m-%d') as period_id,
    period_end,
    value,
    unit,
    reported_value,
    reported_unit,
    raw_value,
    raw_label,
    section,
    layout,
    scope_note,
    explaining_note,
    is_partial_scope,
    label_line,
    source_file,
    source_line,
    rounding_tolerance,
    statements_in_report,
    statements_disagree,
    report_period_end,
    report_landed_at,
    report_parsed_at
from observations
where report_id in (select reports_to_build.report_id from reports_to_build)
