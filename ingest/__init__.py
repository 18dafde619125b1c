"""ESG report ingestion: landing, parsing, loading and validating; shared by the DAG and the CLI."""

PARSER_VERSION = "0.3.0"
