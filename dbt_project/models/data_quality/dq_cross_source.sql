-- The same fact from two sources: stated twice in one report (a body table and the appendix) with
-- different values, or restated by a later report beyond printed rounding (the later value counts).
with

statements as (
    select * from {{ ref('int_observations__canonical') }}
),

company_years as (
    select * from {{ ref('fct_company_metric_year') }}
),

within_report as (
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

between_reports as (
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
        ) as message,
        not is_restated as passed
    from company_years
    where reports_stating > 1
)

select
    {{ check_id() }} as check_id,
    *,
    observed - expected <= tolerance + 1e-9 as passed
from within_report
union all
select
    {{ check_id() }} as check_id,
    *
from between_reports
