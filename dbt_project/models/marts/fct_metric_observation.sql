-- Grain: one report x one metric x one fiscal period. Where a report states a value more than
-- once (a body table and the appendix), the parser's primary statement stands for it.
select
    report_id || ':' || metric_code || ':' || fiscal_year as observation_id,
    report_id,
    company_id,
    metric_code,
    fiscal_year,
    strftime(period_end, '%Y-%m-%d') as period_id,
    period_end,
    value,
    unit,
    reported_value,
    reported_unit,
    raw_value,
    raw_label,
    section,
    layout,
    label_line,
    source_file,
    source_line,
    rounding_tolerance,
    statements_in_report,
    statements_disagree,
    report_period_end,
    report_landed_at
from {{ ref('int_observations__canonical') }}
where is_primary
