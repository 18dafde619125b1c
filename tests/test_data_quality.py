"""Every data-quality check fires on its planted problem and stays silent on figures that agree.

The landing folder holds our fixture reports (tests/fixtures/dq): company 7001's 2024 report with
one planted problem per check, its 2025 report restating a 2024 figure, company 7002's report
whose figures all agree within their printed rounding, and company 7003's report of prose only. Real dbt, Great Expectations and DuckDB.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import REPO, pipeline_env, run_dbt, run_make_step

pytestmark = pytest.mark.integration
FIXTURES = REPO / "tests" / "fixtures" / "dq"
PLANTED = "code:7001"
CLEAN = "code:7002"
PROSE_ONLY = "code:7003"


def declared_checks() -> set[str]:
    """Every check of the catalogue (seed dq_checks)."""
    with open(REPO / "dbt_project" / "seeds" / "dq_checks.csv", encoding="utf-8", newline="") as handle:
        return {row["check_name"] for row in csv.DictReader(handle)}


def test_each_check_fires_on_its_planted_problem_and_not_on_clean_figures(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES, landing)
    env = pipeline_env(tmp_path, landing)
    result = run_make_step("python -m ingest run-local", env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        findings = connection.execute(
            "select company_id, check_name, severity, metric_code, fiscal_year, message from marts.dq_findings"
        ).fetchall()
        turnover_counted = connection.execute(
            "select count(*) from marts.fct_company_metric_year "
            "where company_id = ? and metric_code = 'employee_turnover_rate' and fiscal_year = 2024",
            [PLANTED],
        ).fetchone()[0]
        turnover_observed = connection.execute(
            "select count(*) from marts.fct_metric_observation "
            "where company_id = ? and metric_code = 'employee_turnover_rate' and fiscal_year = 2024",
            [PLANTED],
        ).fetchone()[0]

    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        prose_report = connection.execute(
            "select company_name, fiscal_year from marts.dim_report where company_id = ?", [PROSE_ONLY]
        ).fetchall()
        quarantined = connection.execute("select source_file from raw.quarantine").fetchall()
    assert prose_report == [("示例綠能科技有限公司", 2024)], "a report with no KPI read still lands with its metadata"
    assert quarantined == []
    prose_findings = [finding for finding in findings if finding[0] == PROSE_ONLY]
    assert [(finding[1], finding[5][:11]) for finding in prose_findings] == [("hkex_kpi_completeness", "no KPI read")]

    clean = [finding for finding in findings if finding[0] == CLEAN]
    assert clean == [], "figures that agree within their printed rounding raise nothing"

    planted = {finding[1] for finding in findings if finding[0] == PLANTED}
    expected = declared_checks() - {
        "staging_contract",  # a parser defect: none in a healthy run (see below)
        # magnitude bounds no report of a small company reaches
        "plausible_headcount",
        "plausible_emissions",
        "plausible_energy",
        "plausible_water",
        "plausible_waste",
        "plausible_training_hours_per_employee",
        "plausible_emissions_per_employee",
    }
    assert expected - planted == set(), "every check fires on its planted problem"

    by_check = {(finding[1], finding[3], finding[4]): finding for finding in findings if finding[0] == PLANTED}
    sums = by_check[("scope1_plus_scope2_equals_total", "ghg_scope1_2", 2024)]
    assert "ghg_scope1 100" in sums[5] and "ghg_scope2 200" in sums[5] and "= 300" in sums[5], sums[5]
    assert ("scope1_plus_scope2_equals_total", "ghg_scope1_2", 2023) not in by_check, "2023 adds up"
    error = by_check[("percentage_within_0_100", "employee_turnover_rate", 2024)]
    assert error[2] == "error" and "kept out of fct_company_metric_year" in error[5]
    assert (turnover_observed, turnover_counted) == (1, 0), "an impossible value is kept, but never counts"
    restated = by_check[("restated_between_reports", "community_donations", 2024)]
    assert "10000" in restated[5] and "20000" in restated[5]
    assert not [finding for finding in findings if finding[1] == "staging_contract"], "the parser keeps its contract"
    packaging = by_check[("year_over_year_jump", "packaging_material", 2024)]
    assert "the report notes (line" in packaging[5] and "新增產品線" in packaging[5], "the note read at parse time"
    money = by_check[("money_without_exchange_rate", "community_donations", 2024)]
    assert "萬港元" in money[5] and "HKD" in money[5], "an amount in HK$ with no rate stays out, and says so"
    energy = by_check[("year_over_year_jump", "energy_intensity_revenue", 2024)]
    assert "the report notes" not in energy[5], "a note that names another figure is not this one's"

    # The pipeline's builds leave dbt's unit tests out (fixed inputs); they run here, on this warehouse.
    unit = run_dbt("test", "--select", "test_type:unit", env=env, work=tmp_path / "unit")
    assert unit.returncode == 0, unit.stdout[-5000:] + unit.stderr[-2000:]
    declared = re.search(r"Found .* (\d+) unit tests", unit.stdout)
    passed = re.search(r"PASS=(\d+) WARN=0 ERROR=0 SKIP=0", unit.stdout)
    assert declared and passed and int(passed.group(1)) == int(declared.group(1)) > 0, unit.stdout[-3000:]

    the_page_stays_bounded(Path(env["ESG_WORKDIR"]), Path(env["ESG_WAREHOUSE"]), len(findings))

    # A rerun builds the same findings under the same ids (dbt builds them; nothing is appended).
    ids_before = finding_ids(env["ESG_WAREHOUSE"])
    again = run_make_step("python -m ingest run-local", env)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert finding_ids(env["ESG_WAREHOUSE"]) == ids_before


def finding_ids(warehouse: str) -> list[str]:
    with duckdb.connect(warehouse, read_only=True) as connection:
        return [row[0] for row in connection.execute("select finding_id from marts.dq_findings order by 1").fetchall()]


STEPS_AFTER_LOAD = (
    "python -c 'from ingest import pipeline; from ingest.config import Settings; s = Settings.from_env(); "
    "pipeline.transform(s); pipeline.validate(s); pipeline.findings(s)'"
)


def test_great_expectations_findings_reach_dq_findings_through_dbt(tmp_path: Path) -> None:
    """Rows that break a GX suite (a staged row out of contract, an implausible magnitude) become findings."""
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(FIXTURES / "clean_7002_2024.txt", landing)
    env = pipeline_env(tmp_path, landing)
    first = run_make_step("python -m ingest run-local", env)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    with duckdb.connect(env["ESG_WAREHOUSE"]) as connection:
        assert connection.execute("select count(*) from raw.gx_results").fetchone()[0] == 0
        connection.execute("update raw.observations set source_line = 0 where row_number = 1")
        connection.execute("update raw.reports set parsed_at = now()")  # as a re-parse would: facts rebuild
        connection.execute(
            "update raw.observations set reported_value = 9e9, unit_factor = 1 where metric_code = 'employees_total'"
        )
    rerun = run_make_step(STEPS_AFTER_LOAD, env)
    assert rerun.returncode == 0, rerun.stdout[-3000:] + rerun.stderr[-3000:]
    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        findings = connection.execute(
            "select check_name, check_family, severity, metric_code, message from marts.dq_findings"
        ).fetchall()
    by_check = {finding[0]: finding for finding in findings}
    contract = by_check["staging_contract"]
    assert contract[1:3] == ("staging_contract", "error") and "source_line" in contract[4], contract
    headcount = by_check["plausible_headcount"]
    assert headcount[1:4] == ("range", "warn", "employees_total") and "fact_ranges" in headcount[4], headcount
    docs = Path(env["ESG_WORKDIR"]) / "gx"
    assert any(docs.rglob("index.html")), "Data Docs are built"

    # A dbt test that fails fails the step (and with it the DAG's task), naming the test.
    with duckdb.connect(env["ESG_WAREHOUSE"]) as connection:
        connection.execute("update raw.observations set metric_code = 'no_such_metric' where row_number = 1")
    failed = run_make_step(
        "python -c 'from ingest import pipeline; from ingest.config import Settings; pipeline.transform(Settings.from_env())'",
        env,
    )
    assert failed.returncode != 0, "a failing dbt test fails the step"
    assert "dbt build failed" in failed.stderr and "relationships_stg_raw__observations_metric_code" in failed.stderr, (
        failed.stderr[-3000:]
    )
    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        assert connection.execute("select count(*) from marts.dq_findings").fetchone()[0] == len(findings), (
            "the findings of the last good build stay"
        )


def the_page_stays_bounded(workdir: Path, warehouse: Path, total: int) -> None:
    """With small limits (a warehouse of thousands of reports hits the real ones), the findings shown
    are split into pages, the rest are named, the coverage table keeps the least covered reports, a
    page of an earlier, longer run is removed, and the copy kept under runs/ is the first page."""
    from ingest.config import Settings
    from ingest.quality import page

    settings = Settings(landing_dir=workdir / "landing", workdir=workdir / "paged", warehouse=warehouse)
    limits = (page.FINDINGS_PER_PAGE, page.FINDINGS_SHOWN, page.COVERAGE_SHOWN)
    try:
        page.FINDINGS_PER_PAGE, page.FINDINGS_SHOWN, page.COVERAGE_SHOWN = 4, 10, 2
        index = page.write_dq_report(settings)
        pages = sorted(index.parent.glob("*.html"))
        assert [path.name for path in pages] == ["findings-2.html", "findings-3.html", "index.html"]
        listed = [re.findall(r"<tbody class='finding'[^>]* id='([^']+)'", path.read_text("utf-8")) for path in pages]
        assert sorted(map(len, listed)) == [2, 4, 4] and len({id_ for ids in listed for id_ in ids}) == 10
        first = index.read_text("utf-8")
        assert f"all {total} are in <code>marts.dq_findings</code>" in first and "findings-3.html" in first
        assert "The 2 of 4 reports with the least coverage" in first
        assert first.count("<tr><td>") >= 2 and "prose_only_7003_2024.txt" in first, "no KPI read: least covered"
        kept_path = next((index.parent / "runs").glob("*.html"))
        kept = kept_path.read_text("utf-8")
        assert "this kept copy holds the first page only" in kept and "findings-2.html" not in kept
        # index.html lists the kept runs inside its page, this one among them; a kept copy lists none.
        assert f"<li><a href='runs/{kept_path.name}'>" in first and first.endswith("</ul>\n</main></body></html>")
        assert "<h2>Runs</h2>" not in kept and kept.endswith("</main></body></html>")
        (index.parent / "runs" / "20000101T000000.html").write_text("an earlier run", "utf-8")

        page.FINDINGS_PER_PAGE = 5
        page.write_dq_report(settings)
        assert sorted(path.name for path in index.parent.glob("*.html")) == ["findings-2.html", "index.html"]
        runs = re.findall(r"<li><a href='runs/([^']+)'>", index.read_text("utf-8"))
        assert runs == [kept_path.name, "20000101T000000.html"], "the kept runs, newest first"
    finally:
        page.FINDINGS_PER_PAGE, page.FINDINGS_SHOWN, page.COVERAGE_SHOWN = limits
