{{ config(materialized='view') }}

{#- One column per metric of the metric_dictionary seed (a macro reads it when dbt runs). -#}
-- depends_on: {{ ref('metric_dictionary') }}

-- The analyst's wide table: one row per company and fiscal year, one column per metric, each in
-- its canonical unit (dim_metric.canonical_unit); the value counts as fct_company_metric_year says.
with

facts as (
    select * from {{ ref('fct_company_metric_year') }}
),

companies as (
    select * from {{ ref('dim_company') }}
)

select
    facts.company_id,
    companies.company_name,
    facts.fiscal_year,
    {% for metric_code in metric_codes() -%}
        max(facts.value) filter (where facts.metric_code = '{{ metric_code }}') as {{ metric_code }},
    {% endfor -%}
    count(*) as metrics_reported,
    count(*) filter (where facts.is_restated) as metrics_restated
from facts
inner join companies on facts.company_id = companies.company_id
group by facts.company_id, companies.company_name, facts.fiscal_year
