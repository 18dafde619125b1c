"""The pipeline on a real PostgreSQL metadata database, as docker-compose deploys it (there with the
CeleryExecutor; here LocalExecutor): Debian's PostgreSQL server, started on a loopback port for the
test and stopped after it, `airflow db migrate` against it, and both Dags run to success."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, pipeline_env, run_make_step

pytestmark = pytest.mark.integration
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True, check=False, timeout=120
    )


@pytest.fixture
def postgres_url() -> Iterator[str]:
    assert PG_BIN, "PostgreSQL server not installed: apt-get install postgresql (make test does)"
    assert os.geteuid() == 0, "the test starts PostgreSQL as the postgres user, which needs root"
    bin_dir = Path(PG_BIN[-1])
    folder = Path(tempfile.mkdtemp(prefix="esg-pg-"))
    shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    init = as_postgres(str(bin_dir / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres")
    assert init.returncode == 0, init.stdout + init.stderr
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    start = as_postgres(
        str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"
    )
    assert start.returncode == 0, start.stdout + start.stderr
    try:
        create = as_postgres(
            str(bin_dir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-c", "create database airflow"
        )
        assert create.returncode == 0, create.stdout + create.stderr
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/airflow"
    finally:
        as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def test_both_dags_run_on_a_postgres_metadata_db(tmp_path: Path, postgres_url: str) -> None:
    env = {
        **pipeline_env(tmp_path, REPO / "samples"),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": postgres_url,
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
    }
    result = run_make_step("scripts/run_pipeline.sh", env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "DAG runs succeeded" in result.stdout

    import psycopg2

    dsn = postgres_url.replace("postgresql+psycopg2://", "postgresql://")
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("select dag_id, state from dag_run order by dag_id")
        runs = cursor.fetchall()
        cursor.execute("select pool, slots from slot_pool where pool = 'duckdb_writer'")
        pools = cursor.fetchall()
    assert runs == [("esg_reports", "success"), ("esg_warehouse", "success")], "the runs are in PostgreSQL"
    assert pools == [("duckdb_writer", 1)]
