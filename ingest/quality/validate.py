"""Great Expectations validation of the marts; every unexpected row becomes a dq finding.

GX 1.24 has no DuckDB data source, so the marts are read with DuckDB into pandas and validated
through GX's pandas data source. Suites are declared in expectations/*.csv: ranges over the
observations, consistency checks over marts.dq_check_results (computed by dbt: sums, ratios,
repeated statements, year-over-year jumps, restatements) and completeness per report.
"""

from __future__ import annotations

import csv
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ingest.config import EXPECTATIONS_DIR, Settings
from ingest.load.warehouse import connect

logging.getLogger("great_expectations").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

FINDING_COLUMNS = [
    "finding_id",
    "run_at",
    "check_name",
    "severity",
    "company_name",
    "company_id",
    "metric_code",
    "fiscal_year",
    "source_file",
    "source_line",
    "value",
    "unit",
    "message",
]
OBSERVATIONS_SQL = """
select observation_id, source_file, company_name, company_id, fiscal_year, metric_code, value, unit,
       raw_value, reported_unit, raw_label, source_line
from marts.metric_observations
"""


def range_checks() -> list[dict[str, str]]:
    return _declared("metric_ranges.csv")


def _bound(text: str) -> float | None:
    return float(text) if text else None


def build_range_suite(gx, checks: list[dict[str, str]]):
    import great_expectations.expectations as gxe

    suite = gx.ExpectationSuite(name="metric_ranges")
    for check in checks:
        condition = (
            {} if check["unit"] == "*" else {"row_condition": f'unit=="{check["unit"]}"', "condition_parser": "pandas"}
        )
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column="value",
                min_value=_bound(check["min_value"]),
                max_value=_bound(check["max_value"]),
                meta={
                    "check_name": check["check_name"],
                    "severity": check["severity"],
                    "explanation": check["explanation"],
                },
                **condition,
            )
        )
    return suite


def _context(settings: Settings):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=str(settings.gx_dir))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return gx, context


def _declared(name: str) -> list[dict[str, str]]:
    with open(EXPECTATIONS_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build_consistency_suite(gx, checks: list[dict[str, str]]):
    """`passed` must hold on every row of marts.dq_check_results, one expectation per check."""
    import great_expectations.expectations as gxe

    suite = gx.ExpectationSuite(name="consistency_checks")
    for check in checks:
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeInSet(
                column="passed",
                value_set=[True],
                row_condition=f'check_name=="{check["check_name"]}"',
                condition_parser="pandas",
                meta=check,
            )
        )
    return suite


def build_completeness_suite(gx, checks: list[dict[str, str]]):
    import great_expectations.expectations as gxe

    suite = gx.ExpectationSuite(name="completeness")
    for check in checks:
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column="disclosed_share", min_value=float(check["min_share"]), max_value=1.0, meta=check
            )
        )
    return suite


def _run_suite(gx, context, suite, frame: pd.DataFrame, asset_name: str, index_column: str):
    """Validate `frame` with `suite` through a GX checkpoint (which updates Data Docs).

    Returns (expectation meta, expectation kwargs, unexpected index value) for every failed row.
    """
    from great_expectations.checkpoint import UpdateDataDocsAction

    suite = context.suites.add_or_update(suite)
    source = context.data_sources.add_or_update_pandas("warehouse")
    asset = next((a for a in source.assets if a.name == asset_name), None) or source.add_dataframe_asset(asset_name)
    batch = next((b for b in asset.batch_definitions if b.name == "whole_table"), None) or (
        asset.add_batch_definition_whole_dataframe("whole_table")
    )
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(data=batch, suite=suite, name=f"{suite.name}_on_{asset_name}")
    )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"esg_{suite.name}",
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="update_data_docs")],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [index_column]},
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    failures = []
    for validation in result.run_results.values():
        for outcome in validation.results:
            if outcome.success:
                continue
            meta = outcome.expectation_config.meta or {}
            for unexpected in outcome.result.get("unexpected_index_list") or []:
                failures.append((meta, outcome.expectation_config.kwargs, unexpected[index_column]))
    return failures


def _finding(run_at: str, check_name: str, severity: str, row: pd.Series, key: str, message: str) -> dict:
    return {
        "finding_id": f"{check_name}:{key}",
        "run_at": run_at,
        "check_name": check_name,
        "severity": severity,
        "company_name": row.get("company_name"),
        "company_id": row.get("company_id"),
        "metric_code": row.get("metric_code"),
        "fiscal_year": int(row["fiscal_year"]) if pd.notna(row.get("fiscal_year")) else None,
        "source_file": row.get("source_file"),
        "source_line": _first_line(row.get("source_line", row.get("source_lines"))),
        "value": float(row["value"]) if pd.notna(row.get("value")) else None,
        "unit": row.get("unit"),
        "message": message,
    }


def _first_line(lines: object) -> int | None:
    if lines is None or (isinstance(lines, float) and pd.isna(lines)):
        return None
    match = re.search(r"\d+", str(lines))
    return int(match.group()) if match else None


def validate_observations(gx, context, observations: pd.DataFrame, run_at: str) -> list[dict]:
    """Ranges per canonical unit; an `error` value is also kept out of fct_company_metric_year."""
    suite = build_range_suite(gx, range_checks())
    failures = _run_suite(gx, context, suite, observations, "metric_observations", "observation_id")
    by_id = observations.set_index("observation_id")
    findings = []
    for meta, kwargs, observation_id in failures:
        row = by_id.loc[observation_id]
        bounds = f"[{kwargs.get('min_value')}, {kwargs.get('max_value')}]"
        consequence = "; kept out of fct_company_metric_year" if meta["severity"] == "error" else ""
        message = (
            f"{row['metric_code']} {int(row['fiscal_year'])} = {row['value']:g} {row['unit']} "
            f"(printed '{row['raw_value']} {row['reported_unit'] or ''}', label '{row['raw_label']}', "
            f"line {int(row['source_line'])}) is outside {bounds}: {meta['explanation']}{consequence}"
        )
        findings.append(_finding(run_at, meta["check_name"], meta["severity"], row, observation_id, message))
    return findings


def validate_checks(gx, context, checks: pd.DataFrame, run_at: str) -> list[dict]:
    suite = build_consistency_suite(gx, _declared("consistency_checks.csv"))
    failures = _run_suite(gx, context, suite, checks, "dq_check_results", "check_id")
    by_id = checks.set_index("check_id")
    return [
        _finding(
            run_at, meta["check_name"], meta["severity"], by_id.loc[check_id], check_id, by_id.loc[check_id, "message"]
        )
        for meta, _, check_id in failures
    ]


def validate_completeness(gx, context, completeness: pd.DataFrame, run_at: str) -> list[dict]:
    suite = build_completeness_suite(gx, _declared("completeness.csv"))
    failures = _run_suite(gx, context, suite, completeness, "dq_report_completeness", "report_id")
    by_id = completeness.set_index("report_id")
    findings = []
    for meta, _, report_id in failures:
        row = by_id.loc[report_id]
        if int(row["observations_read"]) == 0:
            message = (
                f"no KPI read: {row['source_file']} landed and its metadata is stored, but no KPI value could be "
                f"read from it (prose only, or a layout the parser does not know yet). {meta['explanation']}"
            )
            findings.append(_finding(run_at, meta["check_name"], meta["severity"], row, report_id, message))
            continue
        message = (
            f"{row['source_file']} discloses {row['kpis_disclosed']} of {row['kpis_numeric']} numeric HKEX ESG "
            f"KPIs for {int(row['fiscal_year'])} ({row['disclosed_share']:.0%}); missing: {row['kpis_missing']}. "
            f"{meta['explanation']}"
        )
        findings.append(_finding(run_at, meta["check_name"], meta["severity"], row, report_id, message))
    return findings


def attach_notes(connection, findings: list[dict]) -> None:
    """Add the report's own note on a flagged figure (a footnote near it that explains a change)."""
    from ingest.read.notes import explaining_note

    texts: dict[str, list[str]] = {}
    for finding in findings:
        if not finding.get("metric_code") or not finding.get("source_file"):
            continue
        statements = connection.execute(
            "select o.source_line, o.raw_label, m.raw_path from intermediate.int_observations__canonical o "
            "join raw.manifest m on o.report_id = m.report_id "
            "where o.source_file = ? and o.metric_code = ? and o.fiscal_year = ?",
            [finding["source_file"], finding["metric_code"], finding["fiscal_year"]],
        ).fetchall()
        if not statements:
            continue
        raw_path = statements[0][2]
        if raw_path not in texts:
            try:
                texts[raw_path] = Path(raw_path).read_text("utf-8").splitlines()
            except OSError:
                texts[raw_path] = []
        note = explaining_note(texts[raw_path], [line for line, _, _ in statements], statements[0][1])
        if note:
            finding["message"] = f"{finding['message']}. {note}"


CHECKS_SQL = (
    "select checks.*, companies.company_name from marts.dq_check_results as checks "
    "left join marts.dim_company as companies using (company_id)"
)
COMPLETENESS_SQL = "select * from marts.dq_report_completeness"


def run_validation(settings: Settings) -> dict:
    """Every suite over the marts; findings replace marts.dq_findings. A failing check never stops others."""
    run_at = datetime.now(UTC).isoformat(timespec="seconds")
    with connect(settings.warehouse, read_only=True) as connection:
        observations = connection.execute(OBSERVATIONS_SQL).df()
        checks = connection.execute(CHECKS_SQL).df()
        completeness = connection.execute(COMPLETENESS_SQL).df()
        gx, context = _context(settings)  # one file context for the three suites
        findings = validate_observations(gx, context, observations, run_at)
        findings += validate_checks(gx, context, checks, run_at)
        findings += validate_completeness(gx, context, completeness, run_at)
        attach_notes(connection, findings)
    frame = pd.DataFrame(findings, columns=FINDING_COLUMNS)
    with connect(settings.warehouse) as connection:
        connection.execute("create schema if not exists marts")
        connection.register("findings_frame", frame)
        connection.execute(
            "create or replace table marts.dq_findings as "
            "select finding_id::varchar as finding_id, run_at::timestamptz as run_at, check_name::varchar as check_name, "
            "severity::varchar as severity, company_name::varchar as company_name, company_id::varchar as company_id, "
            "metric_code::varchar as metric_code, fiscal_year::integer as fiscal_year, source_file::varchar as source_file, "
            "source_line::integer as source_line, value::double as value, unit::varchar as unit, message::varchar as message "
            "from findings_frame"
        )
    counts = frame["severity"].value_counts().to_dict() if len(frame) else {}
    log.info(
        "validated %d observations, %d checks, %d reports: %d finding(s) %s",
        len(observations),
        len(checks),
        len(completeness),
        len(frame),
        counts,
    )
    return {"observations": len(observations), "checks": len(checks), "findings": len(frame), **counts}
