"""docker-compose.yml's deployment for real, without Docker: PostgreSQL and Redis from Debian, the
Airflow services with the compose file's commands and environment (tests/airflow_stack.py).

The seeds and the corpus are dropped into an empty landing folder and nobody triggers anything: the
file-arrival trigger (an Asset watcher in the triggerer) starts esg_reports, whose Asset starts
esg_warehouse. This runs twice on the same PostgreSQL server, once with the LocalExecutor and once
with the CeleryExecutor and two workers started from different working directories; both warehouses
must hold the same facts and the same findings, and the corpus's facts must meet its gold
(recall >= 90%, precision >= 98% against ../shared/corpus/gold.csv).
"""

from __future__ import annotations

import csv
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import psycopg2
import pytest
from airflow_stack import AirflowStack, compose_services, free_port, postgres_server, redis_server
from conftest import SEEDS, SHARED

from ingest.cli.evaluate import close_enough, report_files

pytestmark = pytest.mark.integration
CORPUS = SHARED / "corpus"
RUN_TIMEOUT_S = 600
FACTS = (
    "select source_file, metric_code, fiscal_year, value, unit, raw_label, source_line, scope_note "
    "from marts.metric_observations order by all"
)
FINDINGS = "select finding_id, severity from marts.dq_findings order by all"


def reports_to_land() -> list[Path]:
    if not SEEDS.is_dir() or not (CORPUS / "gold.csv").exists():
        pytest.skip(f"the seeds and the corpus are not at {SHARED} (the shared folder sits beside the checkout)")
    return [*report_files(SEEDS), *report_files(CORPUS)]


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    folder = tmp_path_factory.mktemp("services")
    with postgres_server() as postgres, redis_server(folder) as redis_port:
        yield {"postgres": postgres, "redis": redis_port}


def run_stack(folder: Path, services: dict, executor: str, workers: int) -> tuple[AirflowStack, dict]:
    """Start the compose services as processes, drop the reports in, wait for both Dags; stop."""
    landing, secrets = folder / "landing", folder / "secrets"
    landing.mkdir()
    secrets.mkdir()
    services["postgres"].fresh_database("airflow", owner="airflow")
    ports = {"postgres": services["postgres"].port, "redis": services["redis"], "airflow-apiserver": free_port()}
    stack = AirflowStack(compose_services(landing, secrets), folder, ports, executor)
    try:
        stack.run_once("airflow-init")
        for service in ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer"):
            stack.start(service)
        for number in range(1, workers + 1):
            stack.start_worker(f"worker{number}", cwd=folder / f"worker{number}-cwd")
        stack.wait_until_served()
        dsn = f"postgresql://airflow@127.0.0.1:{ports['postgres']}/airflow"
        wait_for_dag_registered(dsn, stack)
        # A new Dag runs its latest daily interval at once; on the empty folder it lands nothing.
        first = wait_for_runs(dsn, stack, lambda runs: bool(runs.get("esg_reports")))
        assert first == {"esg_reports": [("scheduled", "success")]}, "nothing landed, esg_warehouse not started"
        for report in reports_to_land():
            shutil.copy(report, landing / report.name)
        runs = wait_for_runs(dsn, stack, lambda runs: "esg_warehouse" in runs)
        with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
            cursor.execute("select slots from slot_pool where pool = 'duckdb_writer'")
            assert cursor.fetchall() == [(1,)], "airflow-init made the one-slot writer pool"
    finally:
        stack.stop()
    return stack, runs


def wait_for_dag_registered(dsn: str, stack: AirflowStack) -> None:
    """The watcher exists once the dag-processor has parsed the Dag; files dropped before are
    found too, but waiting keeps the test's clock honest."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        stack.check_alive()
        with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
            cursor.execute("select count(*) from asset_watcher")
            if cursor.fetchone()[0] > 0:
                return
        time.sleep(2)
    raise AssertionError("the Asset watcher was never registered\n" + stack.log("airflow-dag-processor")[-3000:])


def wait_for_runs(dsn: str, stack: AirflowStack, done: Callable[[dict], bool]) -> dict:
    """Every Dag run, {dag_id: [(run_type, state), ...]}, once `done` holds and every run succeeded."""
    deadline = time.monotonic() + RUN_TIMEOUT_S
    runs: dict = {}
    while time.monotonic() < deadline:
        stack.check_alive()
        with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
            cursor.execute("select dag_id, run_type, state from dag_run order by dag_id, id")
            runs = {}
            for dag_id, run_type, state in cursor.fetchall():
                runs.setdefault(dag_id, []).append((run_type, state))
        states = [state for dag_runs in runs.values() for _, state in dag_runs]
        if "failed" in states:
            break
        if done(runs) and all(state == "success" for state in states):
            return runs
        time.sleep(3)
    raise AssertionError(f"runs {runs}\n" + stack.log("airflow-scheduler")[-4000:])


def warehouse_contents(stack: AirflowStack) -> tuple[list, list]:
    warehouse = stack.host_env("airflow-scheduler")["ESG_WAREHOUSE"]
    with duckdb.connect(warehouse, read_only=True) as connection:
        return connection.execute(FACTS).fetchall(), connection.execute(FINDINGS).fetchall()


def test_celery_workers_build_the_same_warehouse_as_the_local_executor(
    tmp_path_factory: pytest.TempPathFactory, services: dict
) -> None:
    reports = reports_to_land()
    local, local_runs = run_stack(tmp_path_factory.mktemp("local"), services, "LocalExecutor", workers=0)
    celery, celery_runs = run_stack(tmp_path_factory.mktemp("celery"), services, "CeleryExecutor", workers=2)

    for runs in (local_runs, celery_runs):
        assert ("asset_triggered", "success") in runs["esg_reports"], "new files started esg_reports by themselves"
        assert ("asset_triggered", "success") in runs["esg_warehouse"]
    for worker in ("worker1", "worker2"):
        assert "execute_workload" in celery.log(worker), f"{worker} ran tasks\n{celery.log(worker)[-2000:]}"
    assert "execute_workload" not in local.log("airflow-scheduler"), "the LocalExecutor run used no Celery"

    corpus_meets_the_gold(local.host_env("airflow-scheduler")["ESG_WAREHOUSE"])
    local_facts, local_findings = warehouse_contents(local)
    celery_facts, celery_findings = warehouse_contents(celery)
    assert len({row[0] for row in local_facts}) == len(reports), "every report is in the warehouse"
    assert celery_facts == local_facts
    assert celery_findings == local_findings


def corpus_meets_the_gold(warehouse: str) -> None:
    """The corpus's whole-company facts in the warehouse against ../shared/corpus/gold.csv: nothing
    quarantined, recall >= 90%, precision >= 98%, and the figures a report marks as partial kept with
    their note."""
    with open(CORPUS / "gold.csv", encoding="utf-8", newline="") as handle:
        gold = {
            (row["source_file"], row["metric_code"], int(row["fiscal_year"])): float(row["value"])
            for row in csv.DictReader(handle)
        }
    corpus_files = {name for name, _, _ in gold}
    with duckdb.connect(warehouse, read_only=True) as connection:
        quarantined = connection.execute("select source_file, reason from raw.quarantine").fetchall()
        facts = {
            (source_file, metric, year): value
            for source_file, metric, year, value in connection.execute(
                "select source_file, metric_code, fiscal_year, value from marts.metric_observations "
                "where not is_partial_scope"
            ).fetchall()
            if source_file in corpus_files
        }
        partial = connection.execute(
            "select count(*) from marts.metric_observations where is_partial_scope and scope_note is not null"
        ).fetchone()[0]
    assert quarantined == [], "no report of the seeds or the corpus is quarantined"
    hits = sum(1 for key, value in gold.items() if key in facts and close_enough(facts[key], value))
    assert hits / len(gold) >= 0.90, f"recall {hits / len(gold):.3f}"
    assert hits / len(facts) >= 0.98, f"precision {hits / len(facts):.3f}"
    assert partial > 0, "figures the reports mark as partial are kept beside the facts, with their note"
