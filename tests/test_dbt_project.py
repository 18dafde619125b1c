"""The dbt project parses as intended: its unit tests are found (dbt ignores a misplaced
`unit_tests:` key silently) and every model has a description."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import REPO, VENV_BIN, run_dbt

EXPECTED_UNIT_TESTS = {
    "latest_report_wins_and_restatement_is_flagged",
    "rounding_is_not_a_restatement",
    "converts_units_and_places_periods",
    "change_is_measured_against_the_restated_prior_year",
    "companies_are_keyed_by_their_own_stock_code",
}


def dbt_ls(tmp_path: Path, *args: str) -> list[dict]:
    env = {**os.environ, "ESG_WAREHOUSE": str(tmp_path / "wh.duckdb")}
    result = run_dbt("ls", "--output", "json", "--quiet", *args, env=env, work=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_unit_tests_are_parsed_and_models_documented(tmp_path: Path) -> None:
    unit_tests = {node["name"] for node in dbt_ls(tmp_path, "--resource-type", "unit_test")}
    assert unit_tests >= EXPECTED_UNIT_TESTS
    models = dbt_ls(tmp_path, "--resource-type", "model", "--output-keys", "name", "description", "columns")
    undocumented = [model["name"] for model in models if not model.get("description")]
    assert undocumented == []
    undocumented_columns = [
        f"{model['name']}.{name}"
        for model in models
        for name, column in model["columns"].items()
        if not column.get("description")
    ]
    assert undocumented_columns == []


def test_a_rule_for_a_metric_the_dictionary_lacks_fails_the_build(tmp_path: Path) -> None:
    """A sum rule whose metric has no dictionary row is an error, not a check that silently never runs."""
    import shutil

    project = tmp_path / "dbt_project"
    shutil.copytree(REPO / "dbt_project", project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    with open(project / "seeds" / "dq_sum_rules.csv", "a", encoding="utf-8") as rules:
        rules.write("scope1_plus_scope2_equals_total,ghg_scope1_2,ghg_scope_one\n")
    env = {**os.environ, "ESG_WAREHOUSE": str(tmp_path / "wh.duckdb"), "DBT_PROFILES_DIR": str(project)}
    result = subprocess.run(
        [str(VENV_BIN / "dbt"), "build", "--select", "metric_dictionary", "dq_checks", "dq_sum_rules"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode != 0, "the build must fail"
    assert "relationships_dq_sum_rules_part_metric" in result.stdout, result.stdout[-3000:]
