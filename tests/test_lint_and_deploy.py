"""Static checks that run in the suite: ruff, sqlfluff (duckdb dialect), and docker-compose config."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import REPO, VENV_BIN


def run(args: list[str], cwd=REPO, env=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, env=env, timeout=300)


def test_ruff_is_clean() -> None:
    check = run([str(VENV_BIN / "ruff"), "check", "."])
    assert check.returncode == 0, check.stdout
    fmt = run([str(VENV_BIN / "ruff"), "format", "--check", "."])
    assert fmt.returncode == 0, fmt.stdout


def test_sqlfluff_is_clean_on_dbt_models() -> None:
    result = run([str(VENV_BIN / "sqlfluff"), "lint", "models"], cwd=REPO / "dbt_project")
    assert result.returncode == 0, result.stdout[-4000:]


def test_docker_compose_file_is_valid_for_compose() -> None:
    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.fail("docker-compose (Debian package) is not installed; make test installs it (scripts/system_deps.sh)")
    env = {
        **os.environ,
        "AIRFLOW_ADMIN_PASSWORD": "test-only",
        "POSTGRES_PASSWORD": "test-only",
        "AIRFLOW_FERNET_KEY": "x",
        "AIRFLOW_JWT_SECRET": "y",
    }
    result = run([compose, "-f", "docker-compose.yml", "config"], env=env)
    assert result.returncode == 0, result.stderr
    for service in (
        "postgres",
        "redis",
        "airflow-apiserver",
        "airflow-scheduler",
        "airflow-dag-processor",
        "airflow-triggerer",
        "airflow-worker",
    ):
        assert f"  {service}:" in result.stdout, service
    assert "CeleryExecutor" in result.stdout
