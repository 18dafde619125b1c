-- Year-over-year jumps on the values that count (fct_company_metric_year): a change by more than the
-- metric's factor (seed dq_year_over_year_thresholds; `*` is the default) is worth a look.
with

year_over_year as (
    select * from {{ ref('metric_year_over_year') }}
),

company_years as (
    select * from {{ ref('fct_company_metric_year') }}
),

thresholds as (
    select * from {{ ref('dq_year_over_year_thresholds') }}
),

default_threshold as (
    select * from thresholds
    where metric_code = '*'
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
)

select
    {{ check_id() }} as check_id,
    *,
    greatest(observed / expected, expected / observed) <= tolerance as passed
from jumps
