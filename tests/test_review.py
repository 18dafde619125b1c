"""The review loop on our planted fixture reports (tests/fixtures/dq), with real dbt and DuckDB:
decisions recorded with `python -m ingest review` / `make review` land in the seed dq_reviews.csv,
survive a rerun and a new report, a correction counts in fct_company_metric_year with its lineage
while the printed value stays queryable, and a reopened finding or one whose value changed is open.

The command writes the repository's seed, so the test works on a copy of the checkout.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from conftest import CHROMIUM, CHROMIUM_FLAGS, REPO, pipeline_env, run_make_step

pytestmark = pytest.mark.integration
FIXTURES = REPO / "tests" / "fixtures" / "dq"


def checkout_copy(folder: Path) -> Path:
    """The files git tracks (and new ones it would), without the ignored ones; the venv is linked."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (folder / ".venv").symlink_to(REPO / ".venv")
    return folder


def run(repo: Path, command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_make_step(command, env, repo=repo)


def pipeline(repo: Path, env: dict[str, str]) -> None:
    result = run(repo, "python -m ingest run-local", env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def findings(env: dict[str, str]) -> dict[tuple[str, str | None, str], tuple]:
    """(check, metric, company) -> (finding_id, value, review_status, review_note, reviewed_by)."""
    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        rows = connection.execute(
            "select check_name, metric_code, company_id, finding_id, value, review_status, review_note, reviewed_by "
            "from marts.dq_findings where fiscal_year = 2024"
        ).fetchall()
    return {(row[0], row[1], row[2]): row[3:] for row in rows}


def test_decisions_persist_corrections_count_and_findings_reopen(tmp_path: Path) -> None:
    repo = checkout_copy(tmp_path / "checkout")
    seed = repo / "dbt_project" / "seeds" / "dq_reviews.csv"
    landing = tmp_path / "landing"
    landing.mkdir()
    for report in FIXTURES.iterdir():
        if not report.name.startswith("clean_"):
            shutil.copy(report, landing / report.name)
    env = {**pipeline_env(tmp_path, landing), "USER": "tester"}
    pipeline(repo, env)
    found = findings(env)
    jump = found[("year_over_year_jump", "packaging_material", "code:7001")]
    impossible = found[("percentage_within_0_100", "employee_turnover_rate", "code:7001")]
    empty_report = found[("hkex_kpi_completeness", None, "code:7003")]
    assert jump[2] is None and impossible[2] is None, "a finding nobody decided on is open"

    # Bad decisions are refused with a reason, and change nothing.
    before = seed.read_bytes()
    for arguments, reason in [
        ("no_such_finding-000000000000 --status explained --note x", "no finding"),
        (f"{jump[0]} --status fixed --note x", "invalid choice"),
        (f"{jump[0]} --status explained", "--note"),
        (f"{impossible[0]} --status confirmed --note x --corrected-value abc --corrected-unit %", "not a number"),
        (f"{impossible[0]} --status confirmed --note x --corrected-value 12 --corrected-unit 噸", "does not convert"),
    ]:
        refused = run(repo, f"python -m ingest review {arguments}", env)
        assert refused.returncode == 2 and reason in refused.stderr, (arguments, refused.stderr)
    assert seed.read_bytes() == before

    decisions = [
        f"make review ARGS='{jump[0]} --status explained --note \"新增產品線 (new product line)\"'",
        f"python -m ingest review {impossible[0]} --status confirmed --note '12% printed as 120%' "
        "--corrected-value 12 --corrected-unit % --by ana",
        f"python -m ingest review {empty_report[0]} --status false_alarm --note 'a prose-only report'",
    ]
    for decision in decisions:
        recorded = run(repo, decision, env)
        assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    with seed.open(encoding="utf-8", newline="") as handle:
        rows = {row["finding_id"]: row for row in csv.DictReader(handle)}
    assert rows[jump[0]]["status"] == "explained" and rows[jump[0]]["reviewed_by"] == "tester"
    assert rows[impossible[0]]["corrected_value"] == "12.0" and rows[impossible[0]]["reviewed_by"] == "ana"

    # A new report lands and the warehouse is rebuilt from nothing: the decisions stay with their findings.
    shutil.copy(next(FIXTURES.glob("clean_*")), landing)
    shutil.rmtree(env["ESG_WORKDIR"])
    pipeline(repo, env)
    found = findings(env)
    assert found[("year_over_year_jump", "packaging_material", "code:7001")][:4] == (
        jump[0],
        jump[1],
        "explained",
        "新增產品線 (new product line)",
    )
    assert found[("percentage_within_0_100", "employee_turnover_rate", "code:7001")][2] == "confirmed"
    assert found[("hkex_kpi_completeness", None, "code:7003")][2] == "false_alarm"
    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        counted = connection.execute(
            "select value, reported_value, is_corrected, correction_finding_id, corrected_by, correction_note, "
            "source_file, source_line from marts.fct_company_metric_year "
            "where company_id = 'code:7001' and metric_code = 'employee_turnover_rate' and fiscal_year = 2024"
        ).fetchall()
        printed = connection.execute(
            "select value from marts.fct_metric_observation "
            "where company_id = 'code:7001' and metric_code = 'employee_turnover_rate' and fiscal_year = 2024"
        ).fetchall()
    assert counted == [(12.0, 120.0, True, impossible[0], "ana", "12% printed as 120%", "planted_7001_2024.txt", 36)]
    assert printed == [(120.0,)], "the printed value stays queryable"
    page_shows_the_review(Path(env["ESG_WORKDIR"]) / "dq_report" / "index.html", env, tmp_path)

    # Reopened by hand, or reopened because the report now prints another value on the same line.
    reopened = run(repo, f"python -m ingest review {empty_report[0]} --reopen", env)
    assert reopened.returncode == 0, reopened.stderr
    report = landing / "planted_7001_2024.txt"
    text = report.read_text("utf-8")
    assert "包裝材料總量 噸 100 10" in text
    report.write_text(text.replace("包裝材料總量 噸 100 10", "包裝材料總量 噸 150 10"), "utf-8")
    os.utime(report)
    pipeline(repo, env)
    found = findings(env)
    assert found[("hkex_kpi_completeness", None, "code:7003")][2] is None
    again = found[("year_over_year_jump", "packaging_material", "code:7001")]
    assert again[0] == jump[0] and again[1] == 150.0, "the same finding, with its new value"
    assert again[2] is None and again[3].startswith("open again: the value was 100.0"), again


def page_shows_the_review(page_path: Path, env: dict[str, str], tmp_path: Path) -> None:
    """The data-quality page in Chromium at 1280 px: it fits, its filters work, a finding opens on its
    source lines and its company's other years, and the decisions show."""
    from playwright.sync_api import sync_playwright

    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        total, ranges, located = connection.execute(
            "select count(*), count(*) filter (where check_family = 'range'), count(source_line) from marts.dq_findings"
        ).fetchone()
    assert CHROMIUM.exists(), f"{CHROMIUM} missing: apt-get install chromium (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280, "the page fits 1280 px"
            assert page.locator("#shown-count").inner_text() == str(total)
            summary = page.locator("table.summary").inner_text()
            assert "explained" in summary and "false alarm" in summary

            page.select_option("#filter-family", "range")
            assert page.locator("#shown-count").inner_text() == str(ranges)
            assert set(
                page.eval_on_selector_all("tbody.finding:not([hidden])", "bs => bs.map(b => b.dataset.family)")
            ) == {"range"}
            page.select_option("#filter-family", "")
            page.select_option("#filter-status", "explained")
            assert page.locator("#shown-count").inner_text() == "1", "one finding was explained"
            page.select_option("#filter-status", "")
            page.fill("#filter-text", "packaging_material")
            visible = page.locator("tbody.finding:not([hidden])")
            assert visible.count() == 1
            visible.locator("tr.head").click()
            detail = visible.locator("tr.detail")
            assert detail.is_visible()
            assert "包裝材料總量 噸 100 10" in detail.locator("mark").inner_text(), "the value's own line, marked"
            assert "fiscal year" in detail.locator("svg.chart").text_content() and "explained" in detail.inner_text()
            page.screenshot(path=str(tmp_path / "dq_page_finding.png"), full_page=False)
            marked = page.eval_on_selector_all("tbody.finding", "bs => bs.filter(b => b.querySelector('mark')).length")
            assert marked == located, "every finding with a source line shows it"
            page.fill("#filter-text", "")
            page.screenshot(path=str(tmp_path / "dq_page.png"), full_page=True)
        finally:
            browser.close()
