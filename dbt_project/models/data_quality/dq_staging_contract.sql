{{ config(tags=['after_validation']) }}

-- Staged rows that break the contract the parser promises the loader, as Great Expectations found
-- them (expectations/staging_*.json -> raw.gx_results). A row here is a parser defect to fix.
with

expectation_results as (
    select * from {{ source('raw', 'gx_results') }}
    where suite like 'staging_%'
),

reports as (
    select * from {{ ref('dim_report') }}
),

located as (
    select
        check_name,
        suite,
        relation,
        expectation,
        row_key,
        column_name,
        unexpected_value,
        rule,
        explanation,
        split_part(row_key, ':', 1) as report_id
    from expectation_results
)

select
    located.check_name || ':' || located.suite || ':' || located.expectation || ':'
    || coalesce(located.column_name, '') || ':' || coalesce(located.row_key, '') as check_id,
    located.check_name,
    located.report_id,
    reports.company_id,
    reports.source_file,
    cast(null as varchar) as metric_code,
    reports.fiscal_year,
    cast(null as double) as observed,
    cast(null as double) as expected,
    0.0 as tolerance,
    cast(null as varchar) as source_lines,
    format(
        '{} row {}: {} {} {} ({}): {}',
        located.relation, coalesce(located.row_key, '(the table)'), located.column_name,
        coalesce(located.unexpected_value, ''), located.expectation, located.rule, located.explanation
    ) as message,
    false as passed
from located
left join reports on located.report_id = reports.report_id
