-- Ratios against their totals within one report (seed dq_ratio_rules): a per-employee figure or an
-- intensity against numerator x scale / denominator. The tolerance is the widest quotient the
-- printed figures allow, plus the printed ratio's own rounding.
with

facts as (
    select * from {{ ref('dq_report_facts') }}
),

ratio_rules as (
    select * from {{ ref('dq_ratio_rules') }}
),

checks as (
    select * from {{ ref('dq_checks') }}
),

inputs as (
    select
        ratio_rules.check_name,
        checks.explanation,
        ratio_rules.scale,
        ratio.report_id,
        ratio.company_id,
        ratio.source_file,
        ratio.metric_code,
        ratio.fiscal_year,
        ratio.value as observed,
        numerator.metric_code as numerator_metric,
        numerator.value as numerator_value,
        denominator.metric_code as denominator_metric,
        denominator.value as denominator_value,
        numerator.value * ratio_rules.scale / denominator.value as expected,
        ratio.tolerance
        + (
            (numerator.value + numerator.tolerance) * ratio_rules.scale / (denominator.value - denominator.tolerance)
            - (numerator.value - numerator.tolerance) * ratio_rules.scale / (denominator.value + denominator.tolerance)
        )
        / 2 as tolerance,
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
    left join checks on ratio_rules.check_name = checks.check_name
    where denominator.value > denominator.tolerance
)

select
    {{ check_id() }} as check_id,
    check_name,
    report_id,
    company_id,
    source_file,
    metric_code,
    fiscal_year,
    observed,
    expected,
    tolerance,
    source_lines,
    format(
        '{} {} but {} {} x {} / {} {} = {}: {} ({}; allowed difference for printed rounding {})',
        metric_code, round(observed, 6), numerator_metric, round(numerator_value, 4), scale,
        denominator_metric, round(denominator_value, 4), round(expected, 6), explanation, lines_detail,
        round(tolerance, 6)
    ) as message,
    abs(observed - expected) <= tolerance + 1e-9 as passed
from inputs
