"""`make airflow`'s server (airflow standalone): the DAG is served over the API, and a person
logging in through headless Chromium triggers a run and sees it succeed. Screenshots go under the
test's temporary folder."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS, REPO, pipeline_env

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


def log_in(browser, base: str, password: str, screenshot: Path | None = None):
    """A new page, logged in through the login form as admin."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", password)
    if screenshot:
        page.screenshot(path=str(screenshot))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    return page


def drive_the_ui(base: str, password: str, shots: Path) -> str:
    """Log in, open the DAG, trigger a run in its dialog; returns the run's id, read from the page."""
    from playwright.sync_api import sync_playwright

    shots.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = log_in(browser, base, password, shots / "1_login.png")
            page.goto(f"{base}/dags/esg_reports")
            page.get_by_role("button", name="Trigger").first.click()
            dialog = page.get_by_role("dialog")
            dialog.get_by_role("button", name="Trigger").wait_for()
            page.screenshot(path=str(shots / "2_trigger_dialog.png"))
            # Wait for the UI's POST to be answered: leaving the page earlier (a loaded machine) cancels it.
            with page.expect_response(
                lambda response: response.request.method == "POST" and "/dagRuns" in response.url, timeout=60_000
            ) as posted:
                dialog.get_by_role("button", name="Trigger").click()
            assert posted.value.ok, f"the trigger was refused: {posted.value.status} {posted.value.text()[:300]}"
            page.goto(f"{base}/dags/esg_reports/runs")
            page.get_by_text("manual__", exact=False).first.wait_for(timeout=30_000)
            return next(line.strip() for line in page.inner_text("body").splitlines() if "manual__" in line)
        finally:
            browser.close()


def page_after_login(base: str, password: str, screenshot: Path) -> tuple[str, str, int, str]:
    """The data-quality page opened without a session: Airflow's login form, then the page itself;
    (its title, where its Data Docs link leads, that page's status and title)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/esg/data-quality/")
            page.fill("input[name=username]", "admin")
            page.fill("input[name=password]", password)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{base}/esg/data-quality/", timeout=30_000)
            page.screenshot(path=str(screenshot))
            title = page.title()
            with page.expect_navigation() as docs:
                page.click("#data-docs")
            page.screenshot(path=str(screenshot.with_name("5_data_docs.png")))
            return title, page.url, docs.value.status if docs.value else 0, page.title()
        finally:
            browser.close()


def runs_page_text(base: str, password: str, screenshot: Path) -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = log_in(browser, base, password)
            page.goto(f"{base}/dags/esg_reports/runs")
            page.get_by_text("manual__", exact=False).first.wait_for(timeout=30_000)
            page.screenshot(path=str(screenshot))
            return page.inner_text("body")
        finally:
            browser.close()


def test_ui_serves_the_dag_and_a_triggered_run_succeeds(tmp_path: Path) -> None:
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

        run_id = drive_the_ui(base, password, tmp_path / "screenshots")
        assert run_id.startswith("manual__")
        state = ""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and state not in ("success", "failed"):
            time.sleep(3)
            code, text = http(f"{base}/api/v2/dags/esg_reports/dagRuns/{urllib.parse.quote(run_id)}", token=token)
            state = json.loads(text).get("state", "") if code == 200 else ""
        assert state == "success", (tmp_path / "standalone.log").read_text()[-3000:]
        text = runs_page_text(base, password, tmp_path / "screenshots" / "3_runs.png")
        row = text[text.index(run_id) :][:200]
        assert "Success" in row and "Manual" in row, row

        # The UI links to the data-quality page and the Data Docs, which Airflow serves (plugin esg_pages).
        code, plugins = http(f"{base}/api/v2/plugins", token=token)
        assert code == 200 and '"esg_pages"' in plugins and "/esg/data-quality/" in plugins, plugins[:1000]
        deadline, code, page = time.monotonic() + 240, 0, ""
        while time.monotonic() < deadline and code != 200:  # esg_warehouse publishes after esg_reports
            time.sleep(3)
            code, page = http(f"{base}/esg/data-quality/", token=token)
        assert code == 200 and "ESG data-quality report" in page, (code, page[:300])
        # Airflow does not authenticate a plugin's app; ours does: no login, no page.
        _, anonymous = http(f"{base}/esg/data-quality/")
        assert "ESG data-quality report" not in anonymous
        assert http(f"{base}/esg/data-docs/", token="not-a-token")[0] in (401, 403)
        title, docs_url, docs_status, docs_title = page_after_login(
            base, password, tmp_path / "screenshots" / "4_dq_page.png"
        )
        assert title == "ESG data-quality report"
        # Served, the page links the Data Docs served beside it (from disk it links their file:// path).
        assert (docs_url, docs_status) == (f"{base}/esg/data-docs/index.html", 200), (docs_url, docs_status)
        assert "ESG data-quality report" not in docs_title, docs_title
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
