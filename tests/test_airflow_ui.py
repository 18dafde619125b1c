"""`make airflow`'s server (airflow standalone) serves the DAG to a logged-in user over HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, pipeline_env

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(url: str, data: dict | None = None, token: str | None = None) -> tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(data).encode() if data else None, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:  # not listening yet
        return 0, str(error)


def test_ui_serves_the_dag_after_login(tmp_path: Path) -> None:
    port = free_port()
    env = {**pipeline_env(tmp_path, REPO / "samples"), "AIRFLOW_PORT": str(port)}
    log = open(tmp_path / "standalone.log", "w")  # noqa: SIM115 - closed in finally
    server = subprocess.Popen(
        ["bash", "-c", "source scripts/env.sh && exec scripts/airflow_ui.sh"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        token = None
        status, body = 0, ""
        while time.monotonic() < deadline:
            assert server.poll() is None, (tmp_path / "standalone.log").read_text()[-3000:]
            time.sleep(3)
            passwords = Path(env["AIRFLOW_HOME"], "simple_auth_manager_passwords.json.generated")
            if token is None and passwords.exists():
                try:
                    password = json.loads(passwords.read_text())["admin"]
                except (ValueError, KeyError):
                    continue
                code, text = http(f"{base}/auth/token", {"username": "admin", "password": password})
                if code in (200, 201):
                    token = json.loads(text)["access_token"]
            if token:
                status, body = http(f"{base}/api/v2/dags/esg_reports", token=token)
                if status == 200:
                    break
        assert status == 200, f"DAG not served: {status} {body[:500]}"
        dag = json.loads(body)
        assert dag["dag_id"] == "esg_reports"
        assert dag.get("has_import_errors") in (False, None)
        status, page = http(f"{base}/")
        assert status == 200 and "<html" in page.lower()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
