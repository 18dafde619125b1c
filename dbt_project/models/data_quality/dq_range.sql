{{ config(tags=['after_validation']) }}

-- Values out of range. Impossible values are dbt's (seed dq_range_rules, macro breaks_range_rule:
-- a negative quantity, a percentage above 100; they never count in fct_company_metric_year).
-- Implausible magnitudes per unit are Great Expectations' (expectations/fact_ranges.json): its
-- unexpected rows (raw.gx_results) become findings here. Only failed checks are rows.
with

facts as (
    select * from {{ ref('fct_metric_observation') }}
),

range_rules as (
    select * from {{ ref('dq_range_rules') }}
),

expectation_results as (
    select * from {{ source('raw', 'gx_results') }}
    where suite = 'fact_ranges'
),

described as (
    select
        *,
        format(
            '{} {} = {} {} (printed ''{} {}'', label ''{}'', line {})',
            metric_code, fiscal_year, value, unit, raw_value, coalesce(reported_unit, ''), raw_label, source_line
        ) as fact_text
    from facts
),

breaches as (
    select
        range_rules.check_name,
        described.observation_id,
        format(
            'is outside [{}, {}]; kept out of fct_company_metric_year',
            coalesce(cast(range_rules.min_value as varchar), '-inf'),
            coalesce(cast(range_rules.max_value as varchar), 'inf')
        ) as reason
    from described
    inner join range_rules on {{ breaks_range_rule('range_rules', 'described') }}
    union all
    select
        check_name,
        row_key as observation_id,
        format(
            'is outside [{}, {}]: {} (Great Expectations, suite fact_ranges)',
            coalesce(json_extract_string(rule, '$.min_value'), ''),
            coalesce(json_extract_string(rule, '$.max_value'), ''),
            explanation
        ) as reason
    from expectation_results
)

select
    {{ check_id() }} as check_id,
    breaches.check_name,
    described.report_id,
    described.company_id,
    described.source_file,
    described.metric_code,
    described.fiscal_year,
    described.value as observed,
    cast(null as double) as expected,
    0.0 as tolerance,
    cast(described.source_line as varchar) as source_lines,
    described.fact_text || ' ' || breaches.reason as message,
    false as passed
from breaches
inner join described on breaches.observation_id = described.observation_id
