"""Great Expectations validation of the marts; every unexpected row becomes a dq finding.

GX 1.24 has no DuckDB data source, so the marts are read with DuckDB into pandas and validated
through GX's pandas data source. Suites are declared in expectations/*.csv.
"""

from __future__ import annotations

import csv
import logging
from datetime import UTC, datetime

import pandas as pd

from ingest.config import EXPECTATIONS_DIR, Settings
from ingest.warehouse import connect

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
    with open(EXPECTATIONS_DIR / "metric_ranges.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


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


def validate_observations(settings: Settings, observations: pd.DataFrame) -> pd.DataFrame:
    """Run the range suite through a GX checkpoint (which also updates Data Docs); return findings."""
    from great_expectations.checkpoint import UpdateDataDocsAction

    gx, context = _context(settings)
    suite = context.suites.add_or_update(build_range_suite(gx, range_checks()))
    source = context.data_sources.add_or_update_pandas("warehouse")
    asset = next((a for a in source.assets if a.name == "metric_observations"), None) or source.add_dataframe_asset(
        "metric_observations"
    )
    batch = next((b for b in asset.batch_definitions if b.name == "whole_table"), None) or (
        asset.add_batch_definition_whole_dataframe("whole_table")
    )
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(data=batch, suite=suite, name="metric_ranges_on_observations")
    )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name="esg_marts",
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="update_data_docs")],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["observation_id"]},
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": observations})
    by_id = observations.set_index("observation_id")
    run_at = datetime.now(UTC).isoformat(timespec="seconds")
    findings = []
    for validation in result.run_results.values():
        for outcome in validation.results:
            if outcome.success:
                continue
            meta = outcome.expectation_config.meta or {}
            kwargs = outcome.expectation_config.kwargs
            for unexpected in outcome.result.get("unexpected_index_list") or []:
                row = by_id.loc[unexpected["observation_id"]]
                bounds = f"[{kwargs.get('min_value')}, {kwargs.get('max_value')}]"
                findings.append(
                    {
                        "finding_id": f"{meta['check_name']}:{unexpected['observation_id']}",
                        "run_at": run_at,
                        "check_name": meta["check_name"],
                        "severity": meta["severity"],
                        "company_name": row["company_name"],
                        "company_id": row["company_id"],
                        "metric_code": row["metric_code"],
                        "fiscal_year": int(row["fiscal_year"]),
                        "source_file": row["source_file"],
                        "source_line": int(row["source_line"]),
                        "value": float(row["value"]),
                        "unit": row["unit"],
                        "message": (
                            f"{row['metric_code']} {int(row['fiscal_year'])} = {row['value']:g} {row['unit']} "
                            f"(printed '{row['raw_value']} {row['reported_unit'] or ''}', label '{row['raw_label']}', "
                            f"line {int(row['source_line'])}) is outside {bounds}: {meta['explanation']}"
                        ),
                    }
                )
    return pd.DataFrame(findings, columns=FINDING_COLUMNS)


def run_validation(settings: Settings) -> dict:
    with connect(settings.warehouse, read_only=True) as connection:
        observations = connection.execute(OBSERVATIONS_SQL).df()
    findings = validate_observations(settings, observations)
    with connect(settings.warehouse) as connection:
        connection.execute("create schema if not exists marts")
        connection.register("findings_frame", findings)
        connection.execute(
            "create or replace table marts.dq_findings as "
            "select finding_id::varchar as finding_id, run_at::timestamptz as run_at, check_name::varchar as check_name, "
            "severity::varchar as severity, company_name::varchar as company_name, company_id::varchar as company_id, "
            "metric_code::varchar as metric_code, fiscal_year::integer as fiscal_year, source_file::varchar as source_file, "
            "source_line::integer as source_line, value::double as value, unit::varchar as unit, message::varchar as message "
            "from findings_frame"
        )
    counts = findings["severity"].value_counts().to_dict() if len(findings) else {}
    log.info("validated %d observations: %d finding(s) %s", len(observations), len(findings), counts)
    return {"observations": len(observations), "findings": len(findings), **counts}
