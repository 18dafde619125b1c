{{
    config(
        materialized='incremental',
        unique_key='company_id',
        incremental_strategy='delete+insert',
        on_schema_change='sync_all_columns',
        post_hook="
            delete from {{ this }}
            where company_id not in (select facts.company_id from {{ ref('fct_metric_observation') }} as facts)"
    )
}}

-- Grain: one company x one metric x one fiscal year. The value of the most recent report that
-- states it for the whole company (a figure of stated partial scope only where no report gives a
-- whole-company one); how many reports stated it; whether they disagreed beyond printed rounding.
-- Impossible values (seed dq_range_rules: negative quantities, percentages above 100) stay in
-- fct_metric_observation with an `error` finding but never count here.
-- Incremental: a run rebuilds the companies with a report parsed since the last run, and those
-- whose set of reports changed (a report withdrawn, or moved to another company), so no row
-- outlives the report it came from.
with

range_rules as (
    select * from {{ ref('dq_range_rules') }}
),

observations as (
    select * from {{ ref('fct_metric_observation') }} as facts
    where not exists (
        select 1 from range_rules
        where {{ breaks_range_rule('range_rules', 'facts') }}
    )
),

company_reports as (
    select
        company_id,
        count(distinct report_id) as reports_of_company
    from observations
    group by company_id
),

companies_to_build as (
    select distinct observations.company_id
    from observations
    {% if is_incremental() %}
        inner join company_reports on observations.company_id = company_reports.company_id
        where
            observations.report_parsed_at > (
                select coalesce(max(built.last_report_parsed_at), '1900-01-01') from {{ this }} as built
            )
            or not exists (
                select 1 from {{ this }} as built
                where
                    built.company_id = observations.company_id
                    and built.reports_of_company = company_reports.reports_of_company
            )
    {% endif %}
),

ranked as (
    select
        *,
        row_number() over by_recency as recency_rank,
        lead(value) over by_recency as earlier_value,
        lead(report_id) over by_recency as earlier_report_id,
        count(*) over same_fact as reports_stating,
        max(value) over same_fact - min(value) over same_fact as value_spread,
        max(rounding_tolerance) over same_fact as spread_tolerance,
        max(report_parsed_at) over (partition by company_id) as last_report_parsed_at,
        count(distinct report_id) over (partition by company_id) as reports_of_company
    from observations
    where company_id in (select companies_to_build.company_id from companies_to_build)
    window
        same_fact as (partition by company_id, metric_code, fiscal_year),
        by_recency as (
            partition by company_id, metric_code, fiscal_year
            order by is_partial_scope asc, report_period_end desc, report_landed_at desc, report_id desc
        )
)

select
    company_id || ':' || metric_code || ':' || fiscal_year as company_metric_year_id,
    company_id,
    metric_code,
    fiscal_year,
    period_end,
    value,
    unit,
    report_id,
    source_file,
    source_line,
    scope_note,
    is_partial_scope,
    reports_stating,
    earlier_value,
    earlier_report_id,
    value_spread > spread_tolerance as is_restated,
    last_report_parsed_at,
    reports_of_company
from ranked
where recency_rank = 1
