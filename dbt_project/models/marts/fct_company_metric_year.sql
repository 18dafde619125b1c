-- Grain: one company x one metric x one fiscal year. The value of the most recent report that
-- states it for the whole company (a figure of stated partial scope only where no report gives a
-- whole-company one); how many reports stated it; whether they disagreed beyond printed rounding.
-- Impossible values (seed dq_range_rules: negative quantities, percentages above 100) stay in
-- fct_metric_observation with an `error` finding but never count here.
-- A value the data team corrected (seed dq_reviews) counts instead of the printed one, with the
-- decision's lineage; the printed value stays in `reported_value` and in fct_metric_observation.
-- A plain table, rebuilt whole: a withdrawn report, a new decision or a reopened one can change
-- any company, and the rebuild costs a second at 10,000 reports.
with

range_rules as (
    select * from {{ ref('dq_range_rules') }}
),

all_observations as (
    select * from {{ ref('fct_metric_observation') }}
),

corrections as (
    select * from {{ ref('int_reviews__corrections') }}
),

observations as (
    select * from all_observations as facts
    where not exists (
        select 1 from range_rules
        where {{ breaks_range_rule('range_rules', 'facts') }}
    )
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
    window
        same_fact as (partition by company_id, metric_code, fiscal_year),
        by_recency as (
            partition by company_id, metric_code, fiscal_year
            order by is_partial_scope asc, report_period_end desc, report_landed_at desc, report_id desc
        )
),

counted as (
    select * from ranked
    where recency_rank = 1
),

-- A correction of a value that never counted (an impossible one) brings that printed value back as
-- the row's lineage, from the most recent report that printed it.
printed_only as (
    select all_observations.*
    from all_observations
    inner join corrections
        on
            all_observations.company_id = corrections.company_id
            and all_observations.metric_code = corrections.metric_code
            and all_observations.fiscal_year = corrections.fiscal_year
    where
        not exists (
            select 1 from counted
            where
                counted.company_id = all_observations.company_id
                and counted.metric_code = all_observations.metric_code
                and counted.fiscal_year = all_observations.fiscal_year
        )
    qualify row_number() over (
        partition by all_observations.company_id, all_observations.metric_code, all_observations.fiscal_year
        order by all_observations.report_period_end desc, all_observations.report_id desc
    ) = 1
),

facts as (
    select
        * exclude (recency_rank, value_spread, spread_tolerance),
        value_spread > spread_tolerance as is_restated
    from counted
    union all by name
    select
        *,
        1 as reports_stating,
        false as is_restated
    from printed_only
)

select
    facts.company_id || ':' || facts.metric_code || ':' || facts.fiscal_year as company_metric_year_id,
    facts.company_id,
    facts.metric_code,
    facts.fiscal_year,
    facts.period_end,
    coalesce(corrections.value, facts.value) as value,
    facts.unit,
    facts.value as reported_value,
    corrections.finding_id is not null as is_corrected,
    corrections.finding_id as correction_finding_id,
    corrections.corrected_value,
    corrections.corrected_unit,
    corrections.reviewed_by as corrected_by,
    corrections.reviewed_at as corrected_at,
    corrections.note as correction_note,
    facts.report_id,
    facts.source_file,
    facts.source_line,
    facts.scope_note,
    facts.is_partial_scope,
    facts.reports_stating,
    facts.earlier_value,
    facts.earlier_report_id,
    facts.is_restated,
    facts.last_report_parsed_at,
    facts.reports_of_company
from facts
left join corrections
    on
        facts.company_id = corrections.company_id
        and facts.metric_code = corrections.metric_code
        and facts.fiscal_year = corrections.fiscal_year
