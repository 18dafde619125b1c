-- The values the data team corrected (seed dq_reviews, `python -m ingest review --corrected-value`),
-- in the metric's canonical unit: one per company x metric x fiscal year, the latest standing
-- decision. fct_company_metric_year counts them instead of the printed value.
with

reviews as (
    select * from {{ ref('dq_reviews') }}
),

metrics as (
    select * from {{ ref('metric_dictionary') }}
),

unit_factors as (
    select * from {{ ref('unit_factors') }}
),

corrections as (
    select
        reviews.company_id,
        reviews.metric_code,
        reviews.fiscal_year,
        reviews.corrected_value * unit_factors.factor as value,
        metrics.canonical_unit as unit,
        reviews.corrected_value,
        reviews.corrected_unit,
        reviews.finding_id,
        reviews.reviewed_by,
        reviews.reviewed_at,
        reviews.note,
        row_number() over (
            partition by reviews.company_id, reviews.metric_code, reviews.fiscal_year
            order by reviews.reviewed_at desc, reviews.finding_id asc
        ) as decision_rank
    from reviews
    inner join metrics on reviews.metric_code = metrics.code
    inner join unit_factors
        on
            reviews.corrected_unit = unit_factors.unit_alias
            and metrics.canonical_unit = unit_factors.canonical_unit
    where reviews.corrected_value is not null and reviews.status != 'reopened'
)

select * exclude (decision_rank)
from corrections
where decision_rank = 1
