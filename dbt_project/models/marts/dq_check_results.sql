-- One row per data-quality check applied: internal consistency within a report (parts against
-- wholes, ratios against their totals, a fact stated twice), year-over-year jumps and restatements
-- between reports. `passed` is what Great Expectations validates; the other columns explain a failure.
-- Tolerances come from the printed precision of every figure involved (half a unit of its last digit).
with

facts as (
    select * from {{ ref('int_dq__report_facts') }}
),

sum_rules as (
    select * from {{ ref('dq_sum_rules') }}
),

ratio_rules as (
    select * from {{ ref('dq_ratio_rules') }}
),

thresholds as (
    select * from {{ ref('dq_year_over_year_thresholds') }}
),

statements as (
    select * from {{ ref('int_observations__canonical') }}
),

company_years as (
    select * from {{ ref('fct_company_metric_year') }}
),

year_over_year as (
    select * from {{ ref('metric_year_over_year') }}
),

default_threshold as (
    select * from thresholds
    where metric_code = '*'
),

sum_parts as (
    select
        sum_rules.check_name,
        sum_rules.whole_metric,
        facts.report_id,
        facts.fiscal_year,
        any_value(sum_rules.explanation) as explanation,
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

parts_needed as (
    select
        check_name,
        count(*) as parts_needed
    from sum_rules
    group by check_name
),

sum_checks as (
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
            round(sum_parts.parts_value, 4), sum_parts.explanation,
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
),

ratio_inputs as (
    select
        ratio_rules.check_name,
        ratio_rules.explanation,
        ratio_rules.scale,
        ratio.report_id,
        ratio.company_id,
        ratio.source_file,
        ratio.metric_code,
        ratio.fiscal_year,
        ratio.value as observed,
        ratio.tolerance as ratio_tolerance,
        numerator.metric_code as numerator_metric,
        numerator.value as numerator_value,
        numerator.tolerance as numerator_tolerance,
        denominator.metric_code as denominator_metric,
        denominator.value as denominator_value,
        denominator.tolerance as denominator_tolerance,
        format(
            '{} (line {}), {} (line {}), {} (line {})',
            ratio.metric_code, ratio.source_lines, numerator.metric_code, numerator.source_lines,
            denominator.metric_code, denominator.source_lines
        ) as lines_detail,
        ratio.source_lines || ', ' || numerator.source_lines || ', ' || denominator.source_lines as source_lines
    from ratio_rules
    inner join facts as ratio on ratio_rules.ratio_metric = ratio.metric_code and not ratio.is_derived
    inner join facts as numerator
        on
            ratio.report_id = numerator.report_id
            and ratio.fiscal_year = numerator.fiscal_year
            and ratio_rules.numerator_metric = numerator.metric_code
    inner join facts as denominator
        on
            ratio.report_id = denominator.report_id
            and ratio.fiscal_year = denominator.fiscal_year
            and ratio_rules.denominator_metric = denominator.metric_code
            and not denominator.is_derived
    where denominator.value > denominator.tolerance
),

ratio_checks as (
    select
        check_name,
        report_id,
        company_id,
        source_file,
        metric_code,
        fiscal_year,
        observed,
        numerator_value * scale / denominator_value as expected,
        -- the widest quotient the printed figures allow, plus the printed ratio's own rounding
        ratio_tolerance
        + (
            (numerator_value + numerator_tolerance) * scale / (denominator_value - denominator_tolerance)
            - (numerator_value - numerator_tolerance) * scale / (denominator_value + denominator_tolerance)
        )
        / 2 as tolerance,
        source_lines,
        format(
            '{} {} but {} {} x {} / {} {} = {}: {} ({}; allowed difference for printed rounding {})',
            metric_code, round(observed, 6), numerator_metric, round(numerator_value, 4), scale,
            denominator_metric, round(denominator_value, 4), round(numerator_value * scale / denominator_value, 6),
            explanation, lines_detail,
            round(
                ratio_tolerance
                + (
                    (numerator_value + numerator_tolerance) * scale / (denominator_value - denominator_tolerance)
                    - (numerator_value - numerator_tolerance) * scale / (denominator_value + denominator_tolerance)
                )
                / 2,
                6
            )
        ) as message
    from ratio_inputs
),

repeated_statements as (
    select
        'statements_in_report_agree' as check_name,
        report_id,
        company_id,
        any_value(source_file) as source_file,
        metric_code,
        fiscal_year,
        max(value) as observed,
        min(value) as expected,
        max(rounding_tolerance) as tolerance,
        string_agg(cast(source_line as varchar), ', ' order by source_line) as source_lines,
        format(
            'the report states {} for {} {} times with different values: {}',
            metric_code, fiscal_year, count(*),
            string_agg(format('{} on line {}', raw_value, source_line), ', ' order by source_line)
        ) as message
    from statements
    group by report_id, company_id, metric_code, fiscal_year
    having count(*) > 1
),

jumps as (
    select
        'year_over_year_jump' as check_name,
        this_year.report_id,
        this_year.company_id,
        this_year.source_file,
        this_year.metric_code,
        this_year.fiscal_year,
        this_year.value as observed,
        year_over_year.prior_value as expected,
        coalesce(by_metric.max_factor, by_default.max_factor) as tolerance,
        this_year.source_line || ', ' || prior_year.source_line as source_lines,
        format(
            '{} {} {} against {} the year before ({} line {}): a change by a factor of {}, above {}; {}',
            this_year.metric_code, round(this_year.value, 4), this_year.unit, round(year_over_year.prior_value, 4),
            prior_year.source_file, prior_year.source_line,
            round(
                greatest(this_year.value / year_over_year.prior_value, year_over_year.prior_value / this_year.value), 2
            ),
            coalesce(by_metric.max_factor, by_default.max_factor),
            coalesce(by_metric.explanation, by_default.explanation)
        ) as message
    from year_over_year
    inner join company_years as this_year
        on
            year_over_year.company_id = this_year.company_id
            and year_over_year.metric_code = this_year.metric_code
            and year_over_year.fiscal_year = this_year.fiscal_year
    inner join company_years as prior_year
        on
            year_over_year.company_id = prior_year.company_id
            and year_over_year.metric_code = prior_year.metric_code
            and year_over_year.fiscal_year = prior_year.fiscal_year + 1
    left join thresholds as by_metric on year_over_year.metric_code = by_metric.metric_code
    cross join default_threshold as by_default
    where this_year.value > 0 and year_over_year.prior_value > 0
),

restatements as (
    select
        'restated_between_reports' as check_name,
        report_id,
        company_id,
        source_file,
        metric_code,
        fiscal_year,
        value as observed,
        earlier_value as expected,
        0.0 as tolerance,
        cast(source_line as varchar) as source_lines,
        format(
            '{} {} was {} in an earlier report ({}) and is {} in {} line {}; the later value counts',
            metric_code, fiscal_year, round(earlier_value, 4), earlier_report_id, round(value, 4), source_file,
            source_line
        ) as message
    from company_years
    where reports_stating > 1
),

checks as (
    select
        *,
        abs(observed - expected) <= tolerance + 1e-9 as passed
    from sum_checks
    union all
    select
        *,
        abs(observed - expected) <= tolerance + 1e-9 as passed
    from ratio_checks
    union all
    select
        *,
        observed - expected <= tolerance + 1e-9 as passed
    from repeated_statements
    union all
    select
        *,
        greatest(observed / expected, expected / observed) <= tolerance as passed
    from jumps
    union all
    select
        restatements.*,
        not company_years.is_restated as passed
    from restatements
    inner join company_years
        on
            restatements.company_id = company_years.company_id
            and restatements.metric_code = company_years.metric_code
            and restatements.fiscal_year = company_years.fiscal_year
)

select
    check_name || ':' || report_id || ':' || metric_code || ':' || fiscal_year as check_id,
    *
from checks
