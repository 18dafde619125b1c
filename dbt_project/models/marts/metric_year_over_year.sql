{{ config(materialized='view') }}

-- Year over year per company and metric, on the values that count (a restated year uses the
-- restatement). prior_value is empty where the company stated nothing for the year before.
with

facts as (
    select * from {{ ref('fct_company_metric_year') }}
)

select
    this_year.company_id,
    this_year.metric_code,
    this_year.fiscal_year,
    this_year.value,
    this_year.unit,
    prior_year.value as prior_value,
    this_year.value - prior_year.value as absolute_change,
    case
        when prior_year.value != 0
            then (this_year.value - prior_year.value) / abs(prior_year.value)
    end as relative_change,
    this_year.is_restated,
    coalesce(prior_year.is_restated, false) as prior_is_restated,
    this_year.report_id,
    prior_year.report_id as prior_report_id
from facts as this_year
left join facts as prior_year
    on
        this_year.company_id = prior_year.company_id
        and this_year.metric_code = prior_year.metric_code
        and this_year.fiscal_year = prior_year.fiscal_year + 1
