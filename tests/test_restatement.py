"""A later report restates an earlier year: both values are kept, the later one counts, the
restatement is flagged, and the year-over-year view measures against it. Real dbt and DuckDB, one
landing after another, each built by the pipeline's functions the DAG's tasks call (`BUILD_FACTS`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import REPO, SEEDS, pipeline_env, require_seeds, run_make_step

pytestmark = pytest.mark.integration
SEED = "000_37f45afcd1bc0bed.txt"  # 醫脈通 (2192), fiscal 2023, water 1,625 噸 for 2023
LATER_REPORT = REPO / "tests" / "fixtures" / "restated_2192_2024.txt"  # ours: states 2023 water as 1,700


# The steps that make the facts (land, ingest, load, dbt build); the data-quality steps after them
# (Great Expectations, findings, the page) change no fact and are tested in test_data_quality.py.
BUILD_FACTS = (
    "python -c 'from ingest import pipeline; from ingest.config import Settings; s = Settings.from_env(); "
    'pipeline.load(s, pipeline.ingest(s, pipeline.land(s)["reports"])); pipeline.transform(s)\''
)


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_later_report_restates_an_earlier_year(tmp_path: Path) -> None:
    require_seeds()
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(SEEDS / SEED, landing)
    env = pipeline_env(tmp_path, landing)
    warehouse = Path(env["ESG_WAREHOUSE"])

    first = run_make_step(BUILD_FACTS, env)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    facts_before = query(warehouse, "select count(*) from marts.fct_metric_observation")[0][0]

    shutil.copy(LATER_REPORT, landing)
    second = run_make_step(BUILD_FACTS, env)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]

    observations = query(
        warehouse,
        "select source_file, value from marts.metric_observations "
        "where metric_code = 'water_consumption' and fiscal_year = 2023 order by source_file",
    )
    assert observations == [(SEED, 1625.0), (LATER_REPORT.name, 1700.0)], "every report's value is kept"

    counted = query(
        warehouse,
        "select value, is_restated, reports_stating, earlier_value, source_file from marts.fct_company_metric_year "
        "where metric_code = 'water_consumption' and fiscal_year = 2023",
    )
    assert counted == [(1700.0, True, 2, 1625.0, LATER_REPORT.name)], "the later report's value counts"

    unchanged = query(
        warehouse,
        "select is_restated, reports_stating from marts.fct_company_metric_year "
        "where metric_code = 'electricity_purchased' and fiscal_year = 2023",
    )
    assert unchanged == [(False, 2)], "a repeated, equal value is no restatement"

    year_over_year = query(
        warehouse,
        "select value, prior_value, absolute_change, prior_is_restated from marts.metric_year_over_year "
        "where metric_code = 'water_consumption' and fiscal_year = 2024",
    )
    assert year_over_year == [(1800.0, 1700.0, 100.0, True)], "the change is measured against the restatement"

    facts_after = query(warehouse, "select count(*) from marts.fct_metric_observation")[0][0]
    assert facts_after == facts_before + 4, "the later report adds its own four observations, nothing else"


def test_a_corrected_report_is_a_new_version_whose_facts_win(tmp_path: Path) -> None:
    """The same company and year landed again with a corrected figure (same file name, new bytes)."""
    require_seeds()
    seed = next(SEEDS.glob("003_*.txt"))  # 国新健康 2024: water 2,400.71 吨
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(seed, landing)
    env = pipeline_env(tmp_path, landing)
    assert run_make_step(BUILD_FACTS, env).returncode == 0

    original = seed.read_text("utf-8")
    assert original.count("2,400.71") >= 1
    (landing / seed.name).write_text(original.replace("2,400.71", "2,500.00"), "utf-8")
    second = run_make_step(BUILD_FACTS, env)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]

    warehouse = Path(env["ESG_WAREHOUSE"])
    versions = query(warehouse, "select count(*) from marts.dim_report")[0][0]
    assert versions == 2, "the corrected bytes are a new version; the first is kept"
    counted = query(
        warehouse,
        "select value, is_restated, reports_stating, earlier_value from marts.fct_company_metric_year "
        "where metric_code = 'water_consumption' and fiscal_year = 2024",
    )
    assert counted == [(2500.0, True, 2, 2400.71)], "the newer version's value counts"
    others = query(
        warehouse,
        "select count(*) from marts.fct_company_metric_year where is_restated and metric_code != 'water_consumption'",
    )[0][0]
    assert others == 0, "nothing else changed"


LOAD_CHANGES = (
    "python -c 'from ingest import pipeline; from ingest.config import Settings; s = Settings.from_env(); "
    'print(pipeline.load(s, pipeline.ingest(s, pipeline.land(s)["reports"]))["changed"])\''
)


def test_a_withdrawn_report_leaves_the_fact_tables_and_stays_out(tmp_path: Path) -> None:
    """No fact outlives its report: withdrawn, its rows leave both fact tables, the earlier value counts again."""
    fixtures = REPO / "tests" / "fixtures" / "dq"
    landing = tmp_path / "landing"
    landing.mkdir()
    for name in ("planted_7001_2024.txt", "planted_7001_2025.txt"):
        shutil.copy(fixtures / name, landing)
    env = pipeline_env(tmp_path, landing)
    warehouse = Path(env["ESG_WAREHOUSE"])
    assert run_make_step(BUILD_FACTS, env).returncode == 0
    donations = (
        "select value, reports_stating, source_file from marts.fct_company_metric_year "
        "where company_id = 'code:7001' and metric_code = 'community_donations' and fiscal_year = 2024"
    )
    assert query(warehouse, donations) == [(20000.0, 2, "planted_7001_2025.txt")]

    bad = run_make_step("python -m ingest withdraw no_such_report.txt --reason test", env)
    assert bad.returncode == 2 and "nothing withdrawn" in bad.stderr
    withdrawn = run_make_step("python -m ingest withdraw planted_7001_2025.txt --reason 'replaced by the issuer'", env)
    assert withdrawn.returncode == 0, withdrawn.stdout + withdrawn.stderr
    changed = run_make_step(LOAD_CHANGES, env)
    assert changed.stdout.strip().splitlines()[-1] == "1", "the load says the warehouse must be rebuilt (Airflow)"
    for _ in range(2):  # the file stays in the landing folder: a second run must not bring it back
        rerun = run_make_step(BUILD_FACTS, env)
        assert rerun.returncode == 0, rerun.stdout[-3000:] + rerun.stderr[-3000:]
        assert query(warehouse, donations) == [(10000.0, 1, "planted_7001_2024.txt")]
        stale = query(
            warehouse,
            "select count(*) from marts.fct_company_metric_year where source_file = 'planted_7001_2025.txt'",
        )[0][0]
        assert stale == 0, "no company-year row of the withdrawn report is left"
        observed = query(
            warehouse, "select count(*) from marts.fct_metric_observation where source_file = 'planted_7001_2025.txt'"
        )[0][0]
        assert observed == 0

    report_id = query(warehouse, "select report_id from raw.withdrawals")[0][0]
    restored = run_make_step(f"python -m ingest withdraw {report_id} --restore", env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert run_make_step(BUILD_FACTS, env).returncode == 0
    assert query(warehouse, donations) == [(20000.0, 2, "planted_7001_2025.txt")], "restored, it counts again"
