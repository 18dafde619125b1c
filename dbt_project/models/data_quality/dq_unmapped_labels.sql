-- Labels printed beside a number that map to no metric, ranked by how many reports print them: the
-- next synonyms to add (seed label_synonyms), with an example of where each was printed.
with

unmapped_rows as (
    select * from {{ ref('stg_raw__unmapped_rows') }}
)

select
    trim(raw_label) as raw_label,
    count(distinct report_id) as reports_printing,
    count(*) as rows_printed,
    min(source_file || ':' || source_line) as example_source,
    min(raw_value || coalesce(' ' || reported_unit, '')) as example_value,
    string_agg(distinct layout, ', ' order by layout) as layouts
from unmapped_rows
group by trim(raw_label)
