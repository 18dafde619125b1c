"""The pipeline's steps as plain functions: the Airflow DAG and the CLI both call these.

land -> ingest -> load -> transform (dbt build) -> validate (Great Expectations) -> publish
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson

from ingest.config import Settings
from ingest.land.raw_zone import land_files, quarantine
from ingest.load.warehouse import (
    connect,
    record_landing,
    record_quarantine,
    remove_report,
    replace_reports,
    restore_report,
    warehouse_lock,
    withdraw_report,
    withdrawals_not_built,
    withdrawn_reports,
)
from ingest.read.parser import parse_report
from ingest.read.staged import staged_records, unusable_reason
from ingest.read.version import PARSER_VERSION
from ingest.transform.dbt_build import dbt_build

log = logging.getLogger(__name__)
_Step = TypeVar("_Step", bound=Callable[..., Any])


def holds_warehouse(step: _Step) -> _Step:
    """Run a step that opens the warehouse under its lock (see warehouse.warehouse_lock)."""

    @functools.wraps(step)
    def locked(settings: Settings, *args: Any, **kwargs: Any) -> Any:
        with warehouse_lock(settings.warehouse):
            return step(settings, *args, **kwargs)

    return locked  # type: ignore[return-value]


ERROR_FINDINGS_SQL = "select count(*) from marts.dq_findings where severity = 'error'"


@holds_warehouse
def land(settings: Settings) -> dict:
    """Land new files into the raw zone and the manifest; returns the reports to ingest."""
    result = land_files(settings)
    landed = [asdict(report) for report in result.landed]
    quarantined = [asdict(entry) for entry in result.quarantined]
    with connect(settings.warehouse) as connection:
        record_landing(connection, landed, quarantined)
    for entry in quarantined:
        log.warning("quarantined %s: %s", entry["source_file"], entry["reason"])
    log.info(
        "landed %d report(s), %d new; quarantined %d",
        len(landed),
        sum(r["newly_landed"] for r in landed),
        len(quarantined),
    )
    return {"reports": landed, "quarantined": quarantined}


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not serialisable: {value!r}")


def staging_key(parser_version: str, source_file: str) -> str:
    """What a staged parse depends on besides the text: the parser version and the file's name."""
    return hashlib.sha256(f"{parser_version}\0{source_file}".encode()).hexdigest()[:12]


def staged_path(settings: Settings, report_id: str, source_file: str) -> Path:
    """`<report id>.<staging key>.json`: its name says whether it is current, without reading it."""
    return settings.staging_dir / f"{report_id}.{staging_key(PARSER_VERSION, source_file)}.json"


def ingest_report(settings: Settings, landed: dict) -> Path:
    """Parse one landed report into a staging file (JSON). Skips work already done by this parser version."""
    target = staged_path(settings, landed["report_id"], landed["source_file"])
    if target.exists():
        return target  # parsed already, by this parser version and under this file name
    text = Path(landed["raw_path"]).read_text("utf-8")
    parsed = parse_report(text, landed["source_file"])
    source_file = landed["source_file"]
    payload = {
        "parser_version": PARSER_VERSION,
        "landed": landed,
        "quarantine": unusable_reason(parsed, text),
        "report": {
            "report_id": landed["report_id"],
            "source_file": source_file,
            "parser_version": PARSER_VERSION,
            "parsed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **parsed.metadata.as_record(),
        },
        **staged_records(parsed, text, landed["report_id"], source_file),
    }
    settings.staging_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, default=_json_default), "utf-8")
    os.replace(tmp, target)
    return target


def ingest(settings: Settings, reports: list[dict]) -> list[str]:
    """Parse each landed report; one that fails to parse is quarantined, the others go on."""
    staged = []
    for landed in reports:
        try:
            staged.append(str(ingest_report(settings, landed)))
        except Exception as error:  # a parser bug on one report must not stop the batch
            log.exception("ingest failed for %s", landed["source_file"])
            data = Path(landed["raw_path"]).read_bytes()
            entry = quarantine(settings, Path(landed["source_file"]), data, "ingest", f"parser error: {error!r}")
            error_file = staged_path(settings, landed["report_id"], landed["source_file"])
            settings.staging_dir.mkdir(parents=True, exist_ok=True)
            error_file.write_text(
                json.dumps({"parser_version": None, "landed": landed, "quarantine": entry.reason}), "utf-8"
            )
            staged.append(str(error_file))
    return staged


def plan_batches(reports: list[dict], size: int | None = None) -> list[list[dict]]:
    """Batches of `size` reports (ESG_INGEST_BATCH, default 50): one Airflow task, or one pool job, each."""
    size = max(1, size or int(os.environ.get("ESG_INGEST_BATCH", 50)))
    return [reports[start : start + size] for start in range(0, len(reports), size)] or [[]]


# Fewer reports parse faster in this process than a pool of fresh interpreters starts (about 2 s).
PARALLEL_FROM = 100


def ingest_parallel(settings: Settings, reports: list[dict], workers: int | None = None) -> list[str]:
    """`ingest` over batches in a process pool (the CLI's counterpart of the Dag's mapped tasks).

    Parsing writes only staging files, never the warehouse, so batches run side by side; the load
    that follows is the one writer. `workers` defaults to ESG_INGEST_WORKERS, else the CPU count.
    """
    workers = workers or int(os.environ.get("ESG_INGEST_WORKERS", 0)) or os.cpu_count() or 1
    if workers == 1 or len(reports) < PARALLEL_FROM:
        return ingest(settings, reports)
    batches = plan_batches(reports, max(1, min(50, len(reports) // (workers * 4))))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return [path for staged in pool.map(ingest, [settings] * len(batches), batches) for path in staged]


def _same_time(stored: str | None, staged: str) -> bool:
    if stored is None:
        return False
    try:
        return datetime.fromisoformat(stored) == datetime.fromisoformat(staged)
    except ValueError:
        return False


# Staged reports written per transaction: bulk inserts, memory bounded by the chunk, not the run.
LOAD_CHUNK = 500


def _read_staged(path: Path) -> dict:
    """A staged parse; orjson reads it in a third of the time, Python's json takes what orjson refuses (NaN)."""
    data = path.read_bytes()
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


def _write(connection, payloads: list[dict], counts: dict) -> None:
    """One bulk replace for the staged reports of `payloads` (emptied afterwards); a report staged
    twice counts once, as its last staging."""
    payloads[:] = list({payload["report"]["report_id"]: payload for payload in payloads}.values())
    replace_reports(
        connection,
        [payload["report"] for payload in payloads],
        [row for payload in payloads for row in payload["observations"]],
        [row for payload in payloads for row in payload["unmapped"]],
    )
    counts["reports"] += len(payloads)
    counts["observations"] += sum(len(payload["observations"]) for payload in payloads)
    counts["unmapped"] += sum(len(payload["unmapped"]) for payload in payloads)
    payloads.clear()


@holds_warehouse
def load(settings: Settings, staged: list[str]) -> dict:
    """Staging files -> raw tables in DuckDB, replacing each report's earlier rows.

    A staging file the warehouse was loaded from already (same report, parser version and file
    name) is skipped unread, so a run with one new report writes one report.
    """
    counts = dict.fromkeys(
        ("reports", "changed", "unchanged", "observations", "unmapped", "quarantined", "withdrawn"), 0
    )
    with connect(settings.warehouse) as connection:
        loaded = connection.execute(
            "select report_id, cast(parsed_at as varchar), parser_version, source_file from raw.reports"
        ).fetchall()
        loaded_before = {report_id: parsed_at for report_id, parsed_at, _, _ in loaded}
        current = {f"{report_id}.{staging_key(version, source)}" for report_id, _, version, source in loaded}
        withdrawn = withdrawn_reports(connection)
        pending: list[dict] = []
        for path in staged:
            if Path(path).name.removesuffix(".json") in current:
                counts["unchanged"] += 1  # loaded already from this very staging file: nothing to write
                continue
            payload = _read_staged(Path(path))
            landed = payload["landed"]
            if landed["report_id"] in withdrawn:
                counts["withdrawn"] += 1  # withdrawn by a person (`python -m ingest withdraw`): stays out
                continue
            if payload["quarantine"]:
                if landed["report_id"] in loaded_before:
                    counts["changed"] += 1  # its earlier rows leave the warehouse
                remove_report(connection, landed["report_id"])
                entry = quarantine(
                    settings,
                    Path(landed["source_file"]),
                    Path(landed["raw_path"]).read_bytes(),
                    "ingest",
                    payload["quarantine"],
                )
                record_quarantine(connection, asdict(entry))
                log.warning("quarantined %s: %s", landed["source_file"], payload["quarantine"])
                counts["quarantined"] += 1
                continue
            report_id = payload["report"]["report_id"]
            if report_id not in loaded_before or not _same_time(
                loaded_before[report_id], payload["report"]["parsed_at"]
            ):
                counts["changed"] += 1  # a new report, or one parsed again (new parser or rules)
            pending.append(payload)
            if len(pending) >= LOAD_CHUNK:
                _write(connection, pending, counts)
        _write(connection, pending, counts)
        counts["changed"] += withdrawals_not_built(connection)  # their facts must leave the marts
    log.info("loaded %s", counts)
    return counts


# Models that read what Great Expectations found (raw.gx_results): built by `findings`, after `validate`.
AFTER_VALIDATION = "tag:after_validation"


@holds_warehouse
def transform(settings: Settings, full_refresh: bool = False) -> None:
    """`dbt build` of seeds, staging, intermediate, marts and the dbt checks, with their tests.

    A failing dbt test fails the task. Every model is rebuilt whole on each run; `full_refresh` also
    reloads the seeds from scratch (dbt drops and recreates their tables).
    """
    dbt_build(settings, "--exclude", AFTER_VALIDATION, *(["--full-refresh"] if full_refresh else []))


@holds_warehouse
def findings(settings: Settings) -> None:
    """`dbt build` of the findings: dbt's checks and Great Expectations' results -> marts.dq_findings."""
    dbt_build(settings, "--select", AFTER_VALIDATION)


@holds_warehouse
def validate(settings: Settings) -> dict:
    from ingest.quality.validate import run_validation

    return run_validation(settings)


@holds_warehouse
def publish(settings: Settings) -> dict:
    from ingest.quality.page import write_dq_report

    report_path = write_dq_report(settings)
    data_docs = settings.data_docs_dir / "index.html"
    log.info("data-quality report: %s", report_path)
    log.info("Great Expectations Data Docs: %s", data_docs)
    return {"dq_report": str(report_path), "data_docs": str(data_docs)}


@holds_warehouse
def withdraw(settings: Settings, key: str, reason: str) -> dict:
    """Take a landed report out of the warehouse (by report id or file name); the next build drops its facts."""
    if not reason.strip():
        raise ValueError("a withdrawal needs a reason (--reason)")
    with connect(settings.warehouse) as connection:
        return withdraw_report(connection, key, reason.strip(), datetime.now(UTC).isoformat(timespec="seconds"))


@holds_warehouse
def restore(settings: Settings, report_id: str) -> bool:
    """Undo a withdrawal; the next run loads the report again."""
    with connect(settings.warehouse) as connection:
        return restore_report(connection, report_id)


@holds_warehouse
def summary(settings: Settings) -> str:
    """A short account of the warehouse after a run, for the end of `make run`."""
    with connect(settings.warehouse, read_only=True) as connection:

        def scalar(sql: str) -> int:
            return connection.execute(sql).fetchone()[0]

        lines = [
            "ESG pipeline summary",
            f"  reports in manifest    {scalar('select count(*) from raw.manifest')}",
            f"  reports parsed         {scalar('select count(*) from raw.reports')}",
            f"  files quarantined      {scalar('select count(*) from raw.quarantine')}",
            f"  observations           {scalar('select count(*) from marts.metric_observations')}",
            f"  company-metric-years   {scalar('select count(*) from marts.fct_company_metric_year')}",
            f"  dq findings            {scalar('select count(*) from marts.dq_findings')}"
            f" ({scalar(ERROR_FINDINGS_SQL)} error)",
        ]
        for source_file, reason in connection.execute(
            "select source_file, reason from raw.quarantine order by source_file"
        ).fetchall():
            lines.append(f"  quarantined: {source_file}: {reason}")
    lines += [
        f"  warehouse              {settings.warehouse}",
        f"  data-quality report    {settings.dq_report_path}",
        f"  GX Data Docs           {settings.data_docs_dir / 'index.html'}",
    ]
    return "\n".join(lines)


def run_all(settings: Settings) -> str:
    """The whole pipeline in one process, without Airflow (used by `python -m ingest run-local`)."""
    landed = land(settings)
    staged = ingest_parallel(settings, landed["reports"])
    load(settings, staged)
    transform(settings)
    validate(settings)
    findings(settings)
    publish(settings)
    return summary(settings)
