-- Fiscal periods by their end date: fiscal_year is the calendar year in which the period ends.
with periods as (
    select distinct
        fiscal_year,
        period_end
    from {{ ref('int_observations__canonical') }}
)

select
    fiscal_year,
    period_end,
    strftime(period_end, '%Y-%m-%d') as period_id,
    cast(period_end - interval 1 year + interval 1 day as date) as period_start,
    coalesce(month(period_end) = 12 and day(period_end) = 31, false) as is_calendar_year
from periods
