"""End to end through real Airflow (`airflow dags test`), dbt, GX and DuckDB on the seed reports."""

from __future__ import annotations

import csv
import random
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import GOLD, REPO, open_in_chromium, pipeline_env, run_make_step

from ingest.cli.evaluate import close_enough
from ingest.land.raw_zone import decode_report
from ingest.read.parser import parse_report
from ingest.read.selection import primary_rows

pytestmark = pytest.mark.integration
MART_TABLES = [
    "company_year_wide",
    "metric_year_over_year",
    "dim_company",
    "dim_metric",
    "dim_period",
    "dim_report",
    "fct_metric_observation",
    "fct_company_metric_year",
    "metric_observations",
]


def mart_counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return {table: connection.execute(f"select count(*) from marts.{table}").fetchone()[0] for table in MART_TABLES}


def seed_facts(seeds: list[Path]) -> int:
    """What the seeds alone give: one fact per report x metric x fiscal year."""
    return sum(len(primary_rows(parse_report(decode_report(seed.read_bytes())[0]).rows)) for seed in seeds)


def add_bad_files(landing: Path) -> dict[str, str]:
    """The seeds' landing folder plus copies and broken files (issue 6); file name -> expected reason."""
    seeds = sorted(landing.iterdir())
    shutil.copy(seeds[0], landing / "zz_copy_of_the_first_seed.txt")
    simplified = next(seed for seed in seeds if "国新" in seed.read_text("utf-8")[:5000])
    (landing / "zz_same_report_in_gb18030.txt").write_bytes(simplified.read_text("utf-8").encode("gb18030"))
    (landing / "empty.txt").write_bytes(b"")
    (landing / "random.txt").write_bytes(random.Random(7).randbytes(20_000))
    (landing / "cut_after_3kb.txt").write_bytes(seeds[0].read_bytes()[:3000])
    (landing / "$(touch pwned).txt").write_text("这只是一段说明文字，没有公司、没有报告期，也没有任何数据。\n", "utf-8")
    return {
        "empty.txt": "empty",
        "random.txt": "binary",
        "cut_after_3kb.txt": "cut short",
        "$(touch pwned).txt": "no recognisable report",
    }


def test_dag_run_on_seeds_reproduces_gold_and_reruns_idempotently(tmp_path: Path, seeds_landing: Path) -> None:
    seeds = sorted(seeds_landing.iterdir())
    bad_files = add_bad_files(seeds_landing)
    env = {**pipeline_env(tmp_path, seeds_landing), "ESG_INGEST_BATCH": "2"}
    first = run_make_step("scripts/run_pipeline.sh", env)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "DAG runs succeeded" in first.stdout
    airflow_log = next(Path(env["ESG_WORKDIR"], "logs").glob("run-*.log")).read_text("utf-8", errors="replace")
    assert "starting task_id=ingest map_index=2" in airflow_log, "ingest is mapped over batches of 2 reports"
    assert "DagRun Finished: dag_id=esg_warehouse" in airflow_log
    assert not any(path.name == "pwned" for root in (REPO, tmp_path, seeds_landing) for path in root.rglob("pwned"))
    warehouse = Path(env["ESG_WAREHOUSE"])
    assert str(warehouse) in first.stdout, "the summary names the warehouse"
    report = Path(env["ESG_WORKDIR"], "dq_report", "index.html")
    assert str(report) in first.stdout, "the summary names the data-quality report"
    title, text = open_in_chromium(report.as_uri(), tmp_path / "dq_report.png")
    assert title == "ESG data-quality report"
    assert "HKEX KPI completeness" in text and "year_over_year_jump" in text
    assert "data_docs" in text and "/index.html" in text, "opened from disk, it links the Data Docs by their path"
    assert (tmp_path / "dq_report.png").stat().st_size > 10_000, "the screenshot shows a rendered page"

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        got = {
            (source_file, metric, year): (value, line, label)
            for source_file, metric, year, value, line, label in connection.execute(
                "select source_file, metric_code, fiscal_year, value, source_line, raw_label from marts.metric_observations"
            ).fetchall()
        }
        lineage_nulls = connection.execute(
            "select count(*) from marts.metric_observations where source_file is null or source_line is null "
            "or raw_label is null or raw_value is null or reported_value is null or reported_unit is null "
            "or company_name is null or period_end is null or section is null or layout is null"
        ).fetchone()[0]
        reports_with_facts = connection.execute(
            "select count(distinct source_file) from marts.metric_observations"
        ).fetchone()[0]
        facts = connection.execute("select count(*) from marts.fct_metric_observation").fetchone()[0]
        quarantined = dict(connection.execute("select source_file, reason from raw.quarantine").fetchall())
        findings_columns = {row[0] for row in connection.execute("describe marts.dq_findings").fetchall()}
    assert lineage_nulls == 0
    assert reports_with_facts == len(seeds), "every seed layout yields facts; copies add none"
    assert facts == seed_facts(seeds), "the good facts are exactly those of the seeds alone"
    assert quarantined.keys() == bad_files.keys()
    for name, reason in bad_files.items():
        assert reason in quarantined[name], (name, quarantined[name])
    assert {
        "check_name",
        "severity",
        "company_name",
        "metric_code",
        "fiscal_year",
        "source_file",
        "message",
    } <= findings_columns

    with open(GOLD, encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    wrong = [
        (row, got[key])
        for row in gold
        if (key := (row["source_file"], row["metric_code"], int(row["fiscal_year"]))) in got
        and not close_enough(got[key][0], float(row["value"]))
    ]
    assert wrong == [], "every gold fact the warehouse holds has the gold value"
    missing = [row for row in gold if (row["source_file"], row["metric_code"], int(row["fiscal_year"])) not in got]
    assert len(missing) <= 0.03 * len(gold), missing

    readme_queries = [
        statement
        for block in re.findall(r"```sql\n(.*?)```", (REPO / "README.md").read_text("utf-8"), re.S)
        for statement in block.split(";")
        if statement.strip() and not all(line.startswith("--") for line in statement.strip().splitlines())
    ]
    assert len(readme_queries) >= 5
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for statement in readme_queries:
            connection.execute(statement).fetchall()  # every README example runs on the seeds' warehouse
        wide = connection.execute(
            "select employees_total, water_consumption from marts.company_year_wide "
            "where company_name = '醫脈通科技有限公司' and fiscal_year = 2023"
        ).fetchall()
    assert wide == [(742.0, 1625.0)], "the README's wide-view example holds"

    before = mart_counts(warehouse)
    second = run_make_step("scripts/run_pipeline.sh", env)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert mart_counts(warehouse) == before, "a second run on the same landing folder leaves the same rows"
    rerun_log = max(Path(env["ESG_WORKDIR"], "logs").glob("run-*.log")).read_text("utf-8", errors="replace")
    assert "no new or re-parsed report" in rerun_log, "with nothing new, load skips and updates no Asset"
