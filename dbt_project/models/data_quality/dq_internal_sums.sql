-- Parts against their whole within one report (seed dq_sum_rules): scope 1 + scope 2 against the
-- scope 1+2 total, male + female against the headcount, ... A check runs where the report prints
-- the whole and every part; the tolerance is the rounding every printed figure allows.
with

facts as (
    select * from {{ ref('dq_report_facts') }}
),

sum_rules as (
    select * from {{ ref('dq_sum_rules') }}
),

checks as (
    select * from {{ ref('dq_checks') }}
),

parts_needed as (
    select
        check_name,
        count(*) as parts_needed
    from sum_rules
    group by check_name
),

sum_parts as (
    select
        sum_rules.check_name,
        sum_rules.whole_metric,
        facts.report_id,
        facts.fiscal_year,
        sum(facts.value) as parts_value,
        sum(facts.tolerance) as parts_tolerance,
        count(*) as parts_found,
        string_agg(
            format('{} {} (line {})', facts.metric_code, round(facts.value, 4), facts.source_lines),
            ' + ' order by facts.metric_code
        ) as parts_detail,
        string_agg(facts.source_lines, ', ' order by facts.metric_code) as parts_lines
    from sum_rules
    inner join facts on sum_rules.part_metric = facts.metric_code and not facts.is_derived
    group by sum_rules.check_name, sum_rules.whole_metric, facts.report_id, facts.fiscal_year
),

compared as (
    select
        sum_parts.check_name,
        whole.report_id,
        whole.company_id,
        whole.source_file,
        whole.metric_code,
        whole.fiscal_year,
        whole.value as observed,
        sum_parts.parts_value as expected,
        whole.tolerance + sum_parts.parts_tolerance as tolerance,
        whole.source_lines || ', ' || sum_parts.parts_lines as source_lines,
        format(
            '{} {} (line {}) but {} = {}: {} (allowed difference for printed rounding {})',
            whole.metric_code, round(whole.value, 4), whole.source_lines, sum_parts.parts_detail,
            round(sum_parts.parts_value, 4), checks.explanation,
            round(whole.tolerance + sum_parts.parts_tolerance, 6)
        ) as message
    from sum_parts
    inner join parts_needed
        on sum_parts.check_name = parts_needed.check_name and sum_parts.parts_found = parts_needed.parts_needed
    inner join facts as whole
        on
            sum_parts.report_id = whole.report_id
            and sum_parts.fiscal_year = whole.fiscal_year
            and sum_parts.whole_metric = whole.metric_code
            and not whole.is_derived
    left join checks on sum_parts.check_name = checks.check_name
)

select
    {{ check_id() }} as check_id,
    *,
    abs(observed - expected) <= tolerance + 1e-9 as passed
from compared
