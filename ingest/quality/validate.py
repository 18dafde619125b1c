"""Great Expectations: the versioned suites of `expectations/*.json` over the frames they name.

GX's job here is what dbt does not do: the contract of the staging frames the parser hands the
loader (`staging_*.json`) and the plausible magnitudes of the facts per unit (`fact_ranges.json`),
with Data Docs as the build's human-readable record. Each suite's `meta.validates` names the
relation it validates and `meta.key` the expression that identifies a row. GX 1.24 has no DuckDB
data source, so each relation is read with DuckDB into pandas and validated through GX's pandas
data source. Every unexpected row lands in `raw.gx_results`; dbt turns those rows into findings
(`dq_range`, `dq_staging_contract` -> `marts.dq_findings`), so one place builds the findings table.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ingest.config import EXPECTATIONS_DIR, Settings
from ingest.load.warehouse import connect, replace_gx_results

logging.getLogger("great_expectations").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

KEY_COLUMN = "row_key"


def suite_files(folder: Path = EXPECTATIONS_DIR) -> list[Path]:
    return sorted(folder.glob("*.json"))


def load_suite(gx, path: Path):
    """The suite as declared in its JSON file (GX's own suite format, plus `meta.validates`/`meta.key`)."""
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    declared = json.loads(path.read_text("utf-8"))
    for field in ("validates", "key"):
        if field not in declared.get("meta", {}):
            raise ValueError(f"{path.name}: meta.{field} is missing (the relation validated and its row key)")
    suite = gx.ExpectationSuite(name=declared["name"], meta=declared["meta"])
    for expectation in declared["expectations"]:
        if "check_name" not in expectation.get("meta", {}):
            raise ValueError(f"{path.name}: every expectation needs meta.check_name (a row of seed dq_checks)")
        suite.add_expectation_configuration(ExpectationConfiguration(**expectation))
    return suite


def suite_columns(suite) -> list[str]:
    """The columns a suite's expectations read (their column arguments and row conditions), so a
    validation loads those, not the whole relation: at 10,000 reports that is most of its memory."""
    columns: set[str] = set()
    for expectation in suite.expectation_configurations:
        kwargs = expectation.kwargs
        columns.update(kwargs.get(name) for name in ("column", "column_A", "column_B") if kwargs.get(name))
        columns.update(kwargs.get("column_list") or [])
        condition = kwargs.get("row_condition")
        if condition:
            columns.update(
                re.findall(r"\b([a-z_][a-z0-9_]*)\s*(?:==|!=|<|>)", str(getattr(condition, "filter", condition)))
            )
    return sorted(columns)


def _context(settings: Settings):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=str(settings.gx_dir))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return gx, context


def run_suite(gx, context, suite, frame: pd.DataFrame) -> list[dict]:
    """Validate `frame` with `suite` through a checkpoint (which updates Data Docs); one dict per unexpected row."""
    from great_expectations.checkpoint import UpdateDataDocsAction

    suite = context.suites.add_or_update(suite)
    source = context.data_sources.add_or_update_pandas("warehouse")
    asset_name = suite.name
    asset = next((a for a in source.assets if a.name == asset_name), None) or source.add_dataframe_asset(asset_name)
    batch = next((b for b in asset.batch_definitions if b.name == "whole_table"), None) or (
        asset.add_batch_definition_whole_dataframe("whole_table")
    )
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(data=batch, suite=suite, name=f"{suite.name}_validation")
    )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"esg_{suite.name}",
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="update_data_docs")],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [KEY_COLUMN]},
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    return [
        _unexpected_row(suite, outcome, unexpected)
        for validation in result.run_results.values()
        for outcome in validation.results
        if not outcome.success
        for unexpected in outcome.result.get("unexpected_index_list") or [{KEY_COLUMN: None}]
    ]


def _unexpected_row(suite, outcome, unexpected: dict) -> dict:
    config = outcome.expectation_config
    kwargs = {key: value for key, value in config.kwargs.items() if key not in ("row_condition", "condition_parser")}
    columns = kwargs.get("column") or ",".join(kwargs.get("column_list") or [])
    value = {key: value for key, value in unexpected.items() if key != KEY_COLUMN}
    return {
        "suite": suite.name,
        "relation": suite.meta["validates"],
        "check_name": config.meta["check_name"],
        "expectation": config.type,
        "row_key": unexpected.get(KEY_COLUMN),
        "column_name": columns,
        "unexpected_value": json.dumps(value, ensure_ascii=False, default=str) if value else None,
        "rule": json.dumps(kwargs, ensure_ascii=False, default=str),
        "explanation": config.meta.get("explanation", ""),
    }


def run_validation(settings: Settings) -> dict:
    """Every suite of expectations/ over its relation; unexpected rows replace raw.gx_results."""
    validated_at = datetime.now(UTC).isoformat(timespec="seconds")
    unexpected: list[dict] = []
    rows_validated = 0
    with connect(settings.warehouse, read_only=True) as connection:
        gx, context = _context(settings)  # one file context, so Data Docs index every suite
        for path in suite_files():
            suite = load_suite(gx, path)
            relation, key = suite.meta["validates"], suite.meta["key"]
            selected = ", ".join(suite_columns(suite))
            frame = connection.execute(
                f"select {selected}, cast({key} as varchar) as {KEY_COLUMN} from {relation}"
            ).df()
            rows_validated += len(frame)
            unexpected += run_suite(gx, context, suite, frame)
    with connect(settings.warehouse) as connection:
        replace_gx_results(connection, [{**row, "validated_at": validated_at} for row in unexpected])
    log.info("validated %d rows with %d suites: %d unexpected", rows_validated, len(suite_files()), len(unexpected))
    return {"suites": len(suite_files()), "rows": rows_validated, "unexpected": len(unexpected)}
