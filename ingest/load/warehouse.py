"""DuckDB writes of the raw schema: manifest, quarantine, parsed reports and their rows.

Every write replaces what a report had before, inside one transaction, so a rerun or a retried
task leaves the same rows; DuckDB allows one writing process, so callers run in a one-slot pool.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

log = logging.getLogger(__name__)

DDL = """
create schema if not exists raw;
create table if not exists raw.manifest (
    report_id varchar primary key,
    content_sha256 varchar not null,
    source_file varchar not null,
    raw_path varchar not null,
    encoding varchar,
    size_bytes bigint,
    landed_at timestamptz not null
);
create table if not exists raw.quarantine (
    content_sha256 varchar not null,
    source_file varchar not null,
    stage varchar not null,
    reason varchar not null,
    quarantined_at timestamptz not null,
    quarantine_path varchar,
    primary key (content_sha256, source_file, stage)
);
create table if not exists raw.reports (
    report_id varchar primary key,
    source_file varchar not null,
    company_name varchar,
    company_key varchar,
    stock_code varchar,
    exchange varchar,
    report_year integer,
    period_start date,
    period_end date,
    fiscal_year integer,
    script varchar,
    standards varchar,
    parser_version varchar,
    parsed_at timestamptz
);
create table if not exists raw.observations (
    report_id varchar not null,
    row_number integer not null,
    source_file varchar not null,
    source_line integer not null,
    label_line integer,
    raw_label varchar not null,
    section varchar,
    raw_value varchar not null,
    reported_value double not null,
    reported_unit varchar,
    fiscal_year integer not null,
    metric_code varchar not null,
    unit_factor double,
    rule_priority integer,
    table_header_line integer,
    is_primary boolean not null,
    layout varchar,
    scope_note varchar,
    is_partial_scope boolean,
    primary key (report_id, row_number)
);
create table if not exists raw.unmapped_rows (
    report_id varchar not null,
    row_number integer not null,
    source_file varchar not null,
    source_line integer not null,
    raw_label varchar not null,
    section varchar,
    raw_value varchar not null,
    reported_value double,
    reported_unit varchar,
    fiscal_year integer,
    table_header_line integer,
    layout varchar,
    unconverted_metric varchar,
    unconverted_currency varchar,
    primary key (report_id, row_number)
);
create table if not exists raw.gx_results (
    validated_at timestamptz not null,
    suite varchar not null,
    relation varchar not null,
    check_name varchar not null,
    expectation varchar not null,
    row_key varchar,
    column_name varchar,
    unexpected_value varchar,
    rule varchar,
    explanation varchar
);
create table if not exists raw.withdrawals (
    report_id varchar primary key,
    source_file varchar not null,
    reason varchar not null,
    withdrawn_at timestamptz not null
);
-- Warehouses built before the parser read key figures and prose lack the layout column.
alter table raw.observations add column if not exists layout varchar;
alter table raw.unmapped_rows add column if not exists layout varchar;
-- ... and money kept out for want of an exchange rate (issue 13).
alter table raw.unmapped_rows add column if not exists unconverted_metric varchar;
alter table raw.unmapped_rows add column if not exists unconverted_currency varchar;
-- ... and the stated scope (issue 11).
alter table raw.observations add column if not exists scope_note varchar;
alter table raw.observations add column if not exists is_partial_scope boolean;
-- ... and the report's own note explaining a change of the figure, captured at parse time (issue 12).
alter table raw.observations add column if not exists explaining_note varchar;
"""

MANIFEST_COLUMNS = ["report_id", "content_sha256", "source_file", "raw_path", "encoding", "size_bytes", "landed_at"]
QUARANTINE_COLUMNS = ["content_sha256", "source_file", "stage", "reason", "quarantined_at", "quarantine_path"]
REPORT_COLUMNS = [
    "report_id",
    "source_file",
    "company_name",
    "company_key",
    "stock_code",
    "exchange",
    "report_year",
    "period_start",
    "period_end",
    "fiscal_year",
    "script",
    "standards",
    "parser_version",
    "parsed_at",
]
OBSERVATION_COLUMNS = [
    "report_id",
    "row_number",
    "source_file",
    "source_line",
    "label_line",
    "raw_label",
    "section",
    "raw_value",
    "reported_value",
    "reported_unit",
    "fiscal_year",
    "metric_code",
    "unit_factor",
    "rule_priority",
    "table_header_line",
    "is_primary",
    "layout",
    "scope_note",
    "is_partial_scope",
    "explaining_note",
]
UNMAPPED_COLUMNS = [
    "report_id",
    "row_number",
    "source_file",
    "source_line",
    "raw_label",
    "section",
    "raw_value",
    "reported_value",
    "reported_unit",
    "fiscal_year",
    "table_header_line",
    "layout",
    "unconverted_metric",
    "unconverted_currency",
]


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(path), read_only=read_only)
    try:
        if not read_only:
            connection.execute(DDL)
        yield connection
    finally:
        connection.close()


def _insert(
    connection: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: Iterable[dict], verb: str = "insert"
) -> None:
    """All `rows` in one statement: DuckDB scans a DataFrame (its `executemany` inserts row by row).

    Every column is cast to the table's own type, so a column of None or of mixed ints and floats
    lands as declared.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return
    # pandas reads a list of dicts in C; a tuple per row built in Python cost half of a load.
    frame = pd.DataFrame.from_records(rows, columns=columns).astype(object)
    types = dict(connection.execute(f"select column_name, column_type from (describe {table})").fetchall())
    selected = ", ".join(f"cast({column} as {types[column]}) as {column}" for column in columns)
    connection.register("_rows", frame)
    try:
        connection.execute(f"{verb} into {table} ({', '.join(columns)}) select {selected} from _rows")
    finally:
        connection.unregister("_rows")


def record_landing(connection: duckdb.DuckDBPyConnection, landed: list[dict], quarantined: list[dict]) -> None:
    connection.execute("begin transaction")
    _insert(connection, "raw.manifest", MANIFEST_COLUMNS, landed, verb="insert or ignore")
    _insert(connection, "raw.quarantine", QUARANTINE_COLUMNS, quarantined, verb="insert or replace")
    connection.execute("commit")


def record_quarantine(connection: duckdb.DuckDBPyConnection, entry: dict) -> None:
    _insert(connection, "raw.quarantine", QUARANTINE_COLUMNS, [entry], verb="insert or replace")


def _delete_report_rows(connection: duckdb.DuckDBPyConnection, *report_ids: str) -> None:
    ids = list(report_ids)
    for table in ("raw.observations", "raw.unmapped_rows", "raw.reports"):
        connection.execute(f"delete from {table} where report_id in (select unnest(?::varchar[]))", [ids])


def replace_reports(
    connection: duckdb.DuckDBPyConnection, reports: list[dict], observations: list[dict], unmapped: list[dict]
) -> None:
    """Replace everything known about these reports in one transaction: one delete and one insert
    per table for the whole batch, so a rerun or a retried task leaves the same rows."""
    if not reports:
        return
    connection.execute("begin transaction")
    _delete_report_rows(connection, *(report["report_id"] for report in reports))
    _insert(connection, "raw.reports", REPORT_COLUMNS, reports)
    _insert(connection, "raw.observations", OBSERVATION_COLUMNS, observations)
    _insert(connection, "raw.unmapped_rows", UNMAPPED_COLUMNS, unmapped)
    connection.execute("commit")


def remove_report(connection: duckdb.DuckDBPyConnection, report_id: str) -> None:
    """Drop a report's parsed rows (it was quarantined after an earlier run had loaded it)."""
    connection.execute("begin transaction")
    _delete_report_rows(connection, report_id)
    connection.execute("commit")


def withdraw_report(connection: duckdb.DuckDBPyConnection, key: str, reason: str, at: str) -> dict:
    """Withdraw a landed report (by report id or file name): its rows leave raw, and later loads skip it.

    The raw zone and the manifest keep it (they are immutable); `restore_report` undoes this.
    """
    found = connection.execute(
        "select report_id, source_file from raw.manifest where report_id = ? or source_file = ? "
        "order by landed_at desc",
        [key, key],
    ).fetchall()
    if not found:
        raise KeyError(f"no landed report has the id or file name {key!r} (see raw.manifest)")
    if len({report_id for report_id, _ in found}) > 1:
        ids = ", ".join(report_id[:12] for report_id, _ in found)
        raise KeyError(f"{key!r} names {len(found)} landed versions ({ids}): withdraw one by its report id")
    report_id, source_file = found[0]
    connection.execute("begin transaction")
    _delete_report_rows(connection, report_id)
    connection.execute(
        "insert or replace into raw.withdrawals values (?, ?, ?, ?)", [report_id, source_file, reason, at]
    )
    connection.execute("commit")
    return {"report_id": report_id, "source_file": source_file, "reason": reason}


def restore_report(connection: duckdb.DuckDBPyConnection, report_id: str) -> bool:
    """Undo a withdrawal: the next load brings the report's rows back from its staged parse."""
    return bool(
        connection.execute("delete from raw.withdrawals where report_id = ? returning 1", [report_id]).fetchall()
    )


def withdrawals_not_built(connection: duckdb.DuckDBPyConnection) -> int:
    """Withdrawn reports whose facts the marts still hold: the next warehouse build must run."""
    try:
        return connection.execute(
            "select count(*) from raw.withdrawals as withdrawn where exists ("
            "select 1 from marts.fct_metric_observation as facts where facts.report_id = withdrawn.report_id)"
        ).fetchone()[0]
    except duckdb.CatalogException:  # no warehouse build yet
        return 0


def withdrawn_reports(connection: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in connection.execute("select report_id from raw.withdrawals").fetchall()}


def replace_gx_results(connection: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """The latest validation's unexpected rows (Great Expectations) replace the earlier ones."""
    columns = [row[0] for row in connection.execute("describe raw.gx_results").fetchall()]
    connection.execute("begin transaction")
    connection.execute("delete from raw.gx_results")
    _insert(connection, "raw.gx_results", columns, rows)
    connection.execute("commit")


LOCK_TIMEOUT_SECONDS = float(os.environ.get("ESG_LOCK_TIMEOUT", 3600))


@contextmanager
def warehouse_lock(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the warehouse for one step of one run; another run's step waits for it.

    DuckDB allows one process at a time to open a file for writing (and no reader beside it). In
    Airflow the one-slot pool `duckdb_writer` orders the tasks of its runs; this lock also orders a
    `make run` beside the scheduler, or two runs started at once. A run that waits says so.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as handle:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waited:
                    log.info("another run holds %s; waiting up to %.0f s", path, timeout)
                    waited = True
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another run held {path} for more than {timeout:.0f} s") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
