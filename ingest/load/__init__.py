"""Load: staged parses -> the DuckDB raw schema that dbt's staging models read (bulk, idempotent)."""
