"""The development corpus (24 reports of other companies) through the real pipeline: land, ingest,
dbt build, Great Expectations. No report is quarantined, every one is in the warehouse, and the
warehouse's whole-company facts meet the acceptance figures against ../shared/corpus/gold.csv."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import SHARED, pipeline_env, run_make_step

from ingest.cli.evaluate import close_enough, report_files

pytestmark = pytest.mark.integration
CORPUS = SHARED / "corpus"
GOLD = CORPUS / "gold.csv"


def test_the_corpus_lands_whole_and_its_warehouse_facts_meet_the_gold(tmp_path: Path) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not found: the development corpus sits in ../shared/corpus")
    landing = tmp_path / "landing"
    landing.mkdir()
    reports = report_files(CORPUS)
    for report in reports:
        shutil.copy(report, landing / report.name)
    env = pipeline_env(tmp_path, landing)
    result = run_make_step("python -m ingest run-local", env, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    with duckdb.connect(env["ESG_WAREHOUSE"], read_only=True) as connection:
        quarantined = connection.execute("select source_file, reason from raw.quarantine").fetchall()
        landed = {row[0] for row in connection.execute("select source_file from marts.dim_report").fetchall()}
        facts = {
            (source_file, metric, year): value
            for source_file, metric, year, value in connection.execute(
                "select source_file, metric_code, fiscal_year, value from marts.metric_observations "
                "where not is_partial_scope"
            ).fetchall()
        }
        partial = connection.execute(
            "select count(*) from marts.metric_observations where is_partial_scope and scope_note is not null"
        ).fetchone()[0]
    assert quarantined == [], "no report of the corpus is quarantined"
    assert landed == {report.name for report in reports}

    with open(GOLD, encoding="utf-8", newline="") as handle:
        gold = {
            (row["source_file"], row["metric_code"], int(row["fiscal_year"])): float(row["value"])
            for row in csv.DictReader(handle)
        }
    hits = sum(1 for key, value in gold.items() if key in facts and close_enough(facts[key], value))
    assert hits / len(gold) >= 0.90, f"recall {hits / len(gold):.3f}"
    assert hits / len(facts) >= 0.98, f"precision {hits / len(facts):.3f}"
    assert partial > 0, "figures the reports mark as partial are kept beside the facts, with their note"
