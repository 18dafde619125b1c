"""ESG report ingestion, one subpackage per stage of the pipeline:

land -> read (map) -> load -> dbt -> quality. `pipeline` wires the stages; the DAGs and `cli` call it.
"""
