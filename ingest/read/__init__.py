"""Read: report text -> KPI rows with lineage (metadata, logical lines, tables, key figures, prose,
periods, scope, footnotes). `read.parser.parse_report` is the entry point; `read.version` the version."""
