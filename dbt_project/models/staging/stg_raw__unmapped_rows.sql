select
    report_id,
    row_number as row_number_in_report,
    source_file,
    source_line,
    raw_label,
    section,
    raw_value,
    reported_value,
    reported_unit,
    table_header_line,
    layout,
    unconverted_metric,
    unconverted_currency,
    cast(fiscal_year as integer) as fiscal_year
from {{ source('raw', 'unmapped_rows') }}
