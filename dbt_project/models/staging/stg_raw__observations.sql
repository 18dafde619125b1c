select
    report_id,
    row_number as row_number_in_report,
    source_file,
    source_line,
    label_line,
    raw_label,
    section,
    raw_value,
    reported_value,
    reported_unit,
    metric_code,
    unit_factor,
    rule_priority,
    table_header_line,
    layout,
    is_primary,
    cast(fiscal_year as integer) as fiscal_year
from {{ source('raw', 'observations') }}
