"""Command line (`python -m ingest <command>`): run, eval, bench, generate. It calls `ingest.pipeline`,
as the DAGs do."""
