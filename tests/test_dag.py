"""The DAG file imports cleanly in a real Airflow DagBag and wires the pipeline's steps."""

from __future__ import annotations

from pathlib import Path

from airflow.dag_processing.dagbag import DagBag

DAGS = Path(__file__).resolve().parent.parent / "dags"


def test_dagbag_has_no_import_errors() -> None:
    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    dag = bag.dags.get("esg_reports")  # parsed from the file; get_dag() would consult the metadata DB
    assert dag is not None
    assert set(dag.task_ids) == {"land", "ingest", "load", "transform", "validate", "publish"}
    assert dag.get_task("transform").upstream_task_ids == {"load"}
    writers = {task.task_id for task in dag.tasks if task.pool == "duckdb_writer"}
    assert writers == {"land", "load", "transform", "validate"}
    assert all(task.retries >= 1 for task in dag.tasks)
    assert dag.doc_md and "duckdb_writer" in dag.doc_md
