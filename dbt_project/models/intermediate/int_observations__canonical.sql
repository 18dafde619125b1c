-- Every mapped value in its metric's canonical unit, placed in its fiscal period, with the
-- rounding its printed precision allows (half a unit of the last printed digit).
with

observations as (
    select * from {{ ref('stg_raw__observations') }}
),

reports as (
    select * from {{ ref('int_reports__companies') }}
),

metrics as (
    select * from {{ ref('metric_dictionary') }}
),

converted as (
    select
        observations.report_id,
        observations.row_number_in_report,
        observations.source_file,
        observations.source_line,
        observations.label_line,
        observations.raw_label,
        observations.section,
        observations.layout,
        observations.raw_value,
        observations.reported_value,
        observations.reported_unit,
        observations.metric_code,
        observations.fiscal_year,
        observations.is_primary,
        observations.scope_note,
        observations.explaining_note,
        observations.is_partial_scope,
        observations.unit_factor,
        reports.company_id,
        reports.company_name,
        reports.period_end as report_period_end,
        reports.landed_at as report_landed_at,
        reports.parsed_at as report_parsed_at,
        metrics.canonical_unit as unit,
        observations.reported_value * observations.unit_factor as value,
        cast(
            reports.period_end + to_years(observations.fiscal_year - reports.fiscal_year) as date
        ) as period_end,
        {{ rounding_tolerance('observations.raw_value') }} * observations.unit_factor as rounding_tolerance
    from observations
    inner join reports on observations.report_id = reports.report_id
    inner join metrics on observations.metric_code = metrics.code
)

select
    *,
    count(*) over same_fact as statements_in_report,
    (max(value) over same_fact - min(value) over same_fact)
    > max(rounding_tolerance) over same_fact as statements_disagree
from converted
window same_fact as (partition by report_id, metric_code, fiscal_year)
