"""The DAG file imports cleanly in a real Airflow DagBag and wires the pipeline's steps: a daily
landing Dag whose load updates an Asset, and the warehouse Dag scheduled on that Asset."""

from __future__ import annotations

from pathlib import Path

from airflow.dag_processing.dagbag import DagBag

DAGS = Path(__file__).resolve().parent.parent / "dags"


def test_dagbag_wires_landing_to_the_warehouse_through_an_asset() -> None:
    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    # parsed from the file; get_dag() would consult the metadata DB
    reports, warehouse = bag.dags.get("esg_reports"), bag.dags.get("esg_warehouse")
    assert reports is not None and warehouse is not None
    assert set(reports.task_ids) == {"land", "plan_batches", "ingest", "load"}
    assert set(warehouse.task_ids) == {"transform", "validate", "findings", "publish"}
    assert reports.get_task("ingest").is_mapped, "ingest is mapped over batches of reports"
    assert reports.get_task("load").upstream_task_ids == {"ingest"}
    assert warehouse.get_task("validate").upstream_task_ids == {"transform"}
    assert warehouse.get_task("findings").upstream_task_ids == {"validate"}, "dbt builds findings after GX"

    (outlet,) = reports.get_task("load").outlets
    assert outlet.name == "esg_raw_reports"
    scheduled_on = [asset.name for asset in warehouse.timetable.asset_condition.objects]
    assert scheduled_on == ["esg_raw_reports"], "esg_warehouse runs when load updates the Asset"

    tasks = [*reports.tasks, *warehouse.tasks]
    writers = {task.task_id for task in tasks if task.pool == "duckdb_writer"}
    assert writers == {"land", "load", "transform", "validate", "findings"}
    assert all(task.retries >= 1 for task in tasks)
    assert reports.doc_md and "duckdb_writer" in reports.doc_md and warehouse.doc_md


def test_new_files_in_the_landing_folder_start_esg_reports() -> None:
    bag = DagBag(dag_folder=str(DAGS))
    reports = bag.dags["esg_reports"]
    (asset,) = reports.timetable.asset_condition.objects
    (watcher,) = asset.watchers
    assert asset.name == "esg_landing_folder"
    classpath, kwargs = watcher.trigger.serialize()
    assert classpath == "ingest.land.arrival.LandingFolderTrigger"
    assert kwargs["landing_dir"] and kwargs["workdir"], "the triggerer gets the folders from the Dag's environment"
    assert reports.timetable.timetable.expression == "0 0 * * *", "and daily, as a safety net"
