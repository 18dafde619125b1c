"""Faults: a run killed in the middle of its dbt build, then rerun, leaves the warehouse an
uninterrupted run leaves; two runs started at once both finish and leave the same warehouse.
Real processes, dbt, GX and DuckDB (`python -m ingest run-local`, the steps the DAG's tasks call)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest
from conftest import REPO, pipeline_env, run_make_step

pytestmark = pytest.mark.integration
SAMPLES = REPO / "samples"
FACTS_SQL = {
    "fct_metric_observation": "select report_id, metric_code, fiscal_year, value from marts.fct_metric_observation",
    "fct_company_metric_year": (
        "select company_id, metric_code, fiscal_year, value, reports_stating, is_restated "
        "from marts.fct_company_metric_year"
    ),
    "dim_company": "select company_id, company_name from marts.dim_company",
    "dim_report": "select report_id, source_file, company_id from marts.dim_report",
    "dq_findings": "select finding_id, check_name, message from marts.dq_findings",
    "raw_observations": "select report_id, row_number, metric_code, reported_value from raw.observations",
}


def snapshot(warehouse: str) -> dict[str, list[tuple]]:
    with duckdb.connect(warehouse, read_only=True) as connection:
        return {name: sorted(connection.execute(sql).fetchall()) for name, sql in FACTS_SQL.items()}


def start_run(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as handle:
        return subprocess.Popen(
            ["bash", "-c", "source scripts/env.sh && exec python -m ingest run-local"],
            cwd=REPO,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: dbt dies with it
        )


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """What one run alone, never interrupted, leaves in the warehouse: both tests compare with it."""
    env = pipeline_env(tmp_path_factory.mktemp("uninterrupted"), SAMPLES)
    alone = run_make_step("python -m ingest run-local", env)
    assert alone.returncode == 0, alone.stdout[-2000:] + alone.stderr[-2000:]
    return snapshot(env["ESG_WAREHOUSE"])


def test_a_run_killed_during_dbt_build_and_rerun_equals_an_uninterrupted_run(
    tmp_path: Path, uninterrupted: dict[str, list[tuple]]
) -> None:
    env = pipeline_env(tmp_path / "killed", SAMPLES)
    run = start_run(env, tmp_path / "killed.log")
    dbt_log = Path(env["ESG_WORKDIR"]) / "dbt_logs" / "dbt.log"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and run.poll() is None:
        if dbt_log.exists() and "START sql table model marts.fct_company_metric_year" in dbt_log.read_text(
            "utf-8", errors="replace"
        ):
            break
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be killed: " + (tmp_path / "killed.log").read_text()
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=60)

    rerun = run_make_step("python -m ingest run-local", env)
    assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-2000:]
    assert snapshot(env["ESG_WAREHOUSE"]) == uninterrupted


def test_two_runs_started_at_once_both_finish_with_one_warehouse(
    tmp_path: Path, uninterrupted: dict[str, list[tuple]]
) -> None:
    env = pipeline_env(tmp_path, SAMPLES)
    first = start_run(env, tmp_path / "first.log")
    second = start_run(env, tmp_path / "second.log")
    assert first.wait(timeout=600) == 0, (tmp_path / "first.log").read_text()[-3000:]
    assert second.wait(timeout=600) == 0, (tmp_path / "second.log").read_text()[-3000:]
    logs = (tmp_path / "first.log").read_text() + (tmp_path / "second.log").read_text()
    assert "waiting up to" in logs, "one run waited for the other's step"
    assert snapshot(env["ESG_WAREHOUSE"]) == uninterrupted, "two runs at once leave what one run leaves"
