"""`dbt build` of the project on the warehouse, run in the calling step's own process (dbt's programmatic
`dbtRunner`): importing dbt takes seconds, which a new dbt process per build paid again each time, and
`run-local` builds twice. dbt's output goes to this process's stdout, which is the Airflow task's log.
"""

from __future__ import annotations

import os
from typing import Any

from ingest.config import DBT_PROJECT_DIR, Settings


def dbt_arguments(settings: Settings, *args: str) -> list[str]:
    """A dbt command line on the project, its target and logs in the workdir."""
    return [
        *args,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(settings.dbt_target_dir),
        "--log-path",
        str(settings.workdir / "dbt_logs"),
        "--no-send-anonymous-usage-stats",
    ]


def dbt_build(settings: Settings, *selection: str) -> None:
    """`dbt build` without the unit tests: their inputs are fixed, so a scheduled build gains nothing
    from them (dbt's own advice); `make test` runs them (tests/test_dbt_project.py). A failing node fails
    the step, named in the error."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager  # only the steps that build import dbt
    from dbt.cli.main import dbtRunner

    arguments = dbt_arguments(settings, "build", *selection, "--exclude-resource-type", "unit_test")
    previous = os.environ.get("ESG_WAREHOUSE")
    os.environ["ESG_WAREHOUSE"] = str(settings.warehouse)  # profiles.yml reads it
    try:
        result = dbtRunner().invoke(arguments)
    finally:
        # dbt-duckdb keeps its DuckDB instance open for the life of the process (`keep_open`); the
        # next step opens the file itself (Great Expectations reads it, another process writes it)
        DuckDBConnectionManager.close_all_connections()
        if previous is None:
            os.environ.pop("ESG_WAREHOUSE")
        else:
            os.environ["ESG_WAREHOUSE"] = previous
    if not result.success:
        raise RuntimeError(f"dbt build failed: {_failures(result)}")


def _failures(result: Any) -> str:
    """What failed, node by node (`test not_null_… : Got 3 results`), or dbt's exception."""
    if result.exception is not None:
        return f"{type(result.exception).__name__}: {result.exception}"
    failed = [
        f"{node.node.unique_id}: {node.message}"
        for node in getattr(result.result, "results", [])
        if str(node.status) in ("error", "fail", "runtime error")
    ]
    return "\n".join(failed) or "see the dbt output above"
