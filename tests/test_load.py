"""The bulk loader (ingest.load.warehouse) and the scale benchmark's report maker, on small inputs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import SEEDS

from ingest.load.warehouse import connect, replace_reports

REPORT = {
    "report_id": "r1",
    "source_file": "a.txt",
    "company_name": "示例公司",
    "fiscal_year": 2024,
    "period_start": "2024-01-01",
    "period_end": "2024-12-31",
    "script": "traditional",
    "parser_version": "test",
    "parsed_at": "2025-01-02T03:04:05+00:00",
}


def observation(number: int, value: object, **extra: object) -> dict:
    return {
        "report_id": "r1",
        "row_number": number,
        "source_file": "a.txt",
        "source_line": 10 + number,
        "raw_label": "總耗水量",
        "raw_value": str(value),
        "reported_value": value,
        "fiscal_year": 2024,
        "metric_code": "water_consumption",
        "unit_factor": 1,
        "is_primary": number == 1,
        **extra,
    }


def test_a_batch_lands_in_one_go_with_the_tables_types_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "wh.duckdb"
    rows = [observation(1, 1625), observation(2, 1625.5, scope_note="總行", is_partial_scope=True)]
    for _ in range(2):
        with connect(warehouse) as connection:
            replace_reports(connection, [REPORT], rows, [])
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        stored = connection.execute(
            "select row_number, reported_value, is_partial_scope, scope_note from raw.observations order by 1"
        ).fetchall()
        period_end, parsed_at = connection.execute("select period_end, parsed_at from raw.reports").fetchone()
    assert stored == [(1, 1625.0, None, None), (2, 1625.5, True, "總行")], "one copy, each column as declared"
    assert str(period_end) == "2024-12-31" and parsed_at.year == 2025


def test_the_scale_benchmark_makes_other_companies_of_the_same_reports() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    from ingest.cli.scale import source_texts, variant
    from ingest.read.metadata import extract_metadata

    name, text = source_texts((SEEDS,))[0]
    first, second = (extract_metadata(variant(text, name, number, shift), name) for number, shift in ((1, 0), (2, 1)))
    original = extract_metadata(text, name)
    assert len({original.company_name, first.company_name, second.company_name}) == 3
    assert len({original.stock_code, first.stock_code, second.stock_code}) == 3
    assert second.fiscal_year == original.fiscal_year - 1
