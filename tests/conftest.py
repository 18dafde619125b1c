"""Shared fixtures. Tests that need ../shared (seeds, gold) skip with a clear message where it is absent."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest

logging.getLogger("great_expectations").setLevel(logging.WARNING)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seed_gold_dev.csv"
VENV_BIN = REPO / ".venv" / "bin"


def require_seeds() -> None:
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        pytest.skip(f"seed reports not found at {SEEDS} (the shared folder sits beside the checkout)")
    if not GOLD.exists():
        pytest.skip(f"gold facts not found at {GOLD}")


def pipeline_env(tmp_path: Path, landing_dir: Path) -> dict[str, str]:
    """The environment of scripts/env.sh, pointed at a temporary workdir and warehouse."""
    workdir = tmp_path / "work"
    env = {
        **os.environ,
        "ESG_LANDING_DIR": str(landing_dir),
        "ESG_WORKDIR": str(workdir),
        "ESG_WAREHOUSE": str(workdir / "warehouse.duckdb"),
        "AIRFLOW_HOME": str(workdir / "airflow"),
    }
    env.pop("PYTHONPATH", None)
    return env


def run_make_step(
    script: str, env: dict[str, str], timeout: int = 600, repo: Path = REPO
) -> subprocess.CompletedProcess[str]:
    """Run a scripts/*.sh step the way the Makefile does (env.sh sourced first), in `repo`."""
    return subprocess.run(
        ["bash", "-c", f"source scripts/env.sh && {script}"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_dbt(command: str, *args: str, env: dict[str, str], work: Path) -> subprocess.CompletedProcess[str]:
    """`dbt <command>` on the project in the repo, its target and logs under `work`."""
    return subprocess.run(
        [
            str(VENV_BIN / "dbt"),
            command,
            *args,
            "--target-path",
            str(work / "target"),
            "--log-path",
            str(work / "logs"),
        ],
        cwd=REPO / "dbt_project",
        env={**env, "DBT_PROFILES_DIR": str(REPO / "dbt_project")},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def mapped_rows(text: str) -> set[tuple[str | None, int | None, float | None, bool]]:
    """(metric, fiscal year, value as printed, partial) of every row of a report text that maps to a metric."""
    from ingest.read.parser import parse_report

    return {
        (row.metric_code, row.fiscal_year, row.reported_value, row.is_partial_scope)
        for row in parse_report(text).rows
        if row.metric_code
    }


@pytest.fixture
def seeds_landing(tmp_path: Path) -> Path:
    require_seeds()
    landing = tmp_path / "landing"
    shutil.copytree(SEEDS, landing)
    return landing


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def open_in_chromium(url: str, screenshot: Path) -> tuple[str, str]:
    """Open `url` in headless Debian Chromium (driven by Playwright); save a screenshot.

    Returns (title, visible text). Fails, not skips, without Chromium: make test installs it.
    """
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), f"{CHROMIUM} missing: apt-get install chromium (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.screenshot(path=str(screenshot), full_page=True)
            return page.title(), page.inner_text("body")
        finally:
            browser.close()
