-- Each report's facts for the consistency checks: its primary value per metric and fiscal year with
-- the rounding its printing allows, plus a whole the report leaves out but whose parts it prints
-- (scope 1 + scope 2 where no scope 1+2 total is printed), marked derived.
with

observations as (
    select * from {{ ref('fct_metric_observation') }}
),

sum_rules as (
    select * from {{ ref('dq_sum_rules') }}
),

stated as (
    select
        report_id,
        company_id,
        source_file,
        metric_code,
        fiscal_year,
        value,
        rounding_tolerance as tolerance,
        cast(source_line as varchar) as source_lines,
        false as is_derived
    from observations
),

derivable as (
    select
        stated.report_id,
        stated.company_id,
        stated.source_file,
        sum_rules.whole_metric as metric_code,
        stated.fiscal_year,
        sum(stated.value) as value,
        sum(stated.tolerance) as tolerance,
        string_agg(stated.source_lines, '+' order by stated.metric_code) as source_lines,
        count(*) as parts_found
    from stated
    inner join sum_rules on stated.metric_code = sum_rules.part_metric
    group by all
),

parts_needed as (
    select
        whole_metric,
        count(*) as parts_needed
    from sum_rules
    group by whole_metric
),

derived as (
    select
        derivable.report_id,
        derivable.company_id,
        derivable.source_file,
        derivable.metric_code,
        derivable.fiscal_year,
        derivable.value,
        derivable.tolerance,
        derivable.source_lines,
        true as is_derived
    from derivable
    inner join parts_needed on derivable.metric_code = parts_needed.whole_metric
    where
        derivable.parts_found = parts_needed.parts_needed
        and not exists (
            select 1 from stated
            where
                stated.report_id = derivable.report_id
                and stated.metric_code = derivable.metric_code
                and stated.fiscal_year = derivable.fiscal_year
        )
)

select * from stated
union all
select * from derived
