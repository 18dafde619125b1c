"""Warehouse benchmark: the cost of landing one new report into a warehouse of many, incremental
against a full rebuild. Prints figures; asserts nothing (CONTRACT: benchmarks print, tests assert)."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import duckdb

from ingest.cli.synthetic import write_reports
from ingest.config import Settings
from ingest.pipeline import ingest, land, load, transform

_FACT_MODELS = ("fct_metric_observation", "fct_company_metric_year")


def _model_seconds(settings: Settings) -> dict[str, float]:
    results = json.loads((settings.dbt_target_dir / "run_results.json").read_text("utf-8"))
    return {
        result["unique_id"].rsplit(".", 1)[-1]: result["execution_time"]
        for result in results["results"]
        if result["unique_id"].startswith("model.")
    }


def _fact_rows(settings: Settings, written_after: object = None) -> tuple[int, object]:
    """(fact rows of reports parsed after `written_after`, the newest parse time)."""
    if not settings.warehouse.exists():
        return 0, None
    with duckdb.connect(str(settings.warehouse), read_only=True) as connection:
        try:
            newest = connection.execute("select max(report_parsed_at) from marts.fct_metric_observation").fetchone()[0]
        except duckdb.CatalogException:
            return 0, None
        if written_after is None:
            return connection.execute("select count(*) from marts.fct_metric_observation").fetchone()[0], newest
        count = connection.execute(
            "select count(*) from marts.fct_metric_observation where report_parsed_at > ?", [written_after]
        ).fetchone()[0]
        return count, newest


def _build(settings: Settings, full_refresh: bool = False) -> tuple[float, dict[str, float], int]:
    landed = land(settings)
    load(settings, ingest(settings, landed["reports"]))
    _, watermark = _fact_rows(settings)
    started = time.perf_counter()
    transform(settings, full_refresh=full_refresh)
    elapsed = time.perf_counter() - started
    written, _ = _fact_rows(settings, None if full_refresh else watermark)
    return elapsed, _model_seconds(settings), written


def incremental_benchmark(reports: int, year: int = 2024) -> str:
    with tempfile.TemporaryDirectory(prefix="esg-bench-") as folder:
        root = Path(folder)
        settings = Settings(
            landing_dir=root / "landing", workdir=root / "work", warehouse=root / "work" / "warehouse.duckdb"
        )
        write_reports(settings.landing_dir, range(1, reports + 1), year)
        rows = []
        rows.append((f"first build, {reports} reports", *_build(settings)))
        write_reports(settings.landing_dir, range(reports + 1, reports + 2), year)
        rows.append(("one new report, incremental", *_build(settings)))
        rows.append((f"full rebuild, {reports + 1} reports", *_build(settings, full_refresh=True)))
        with duckdb.connect(str(settings.warehouse), read_only=True) as connection:
            facts = connection.execute("select count(*) from marts.fct_metric_observation").fetchone()[0]
    header = f"{'scenario':<34} {'dbt build':>9} " + " ".join(f"{name:>24}" for name in _FACT_MODELS)
    lines = [header + f" {'new fact rows':>18}"]
    for name, total, models, written in rows:
        timings = " ".join(f"{models.get(model, 0.0):23.3f}s" for model in _FACT_MODELS)
        lines.append(f"{name:<34} {total:8.2f}s {timings} {written:18d}")
    lines.append(f"facts in fct_metric_observation: {facts}")
    return "\n".join(lines)
