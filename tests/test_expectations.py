"""The Great Expectations suites of expectations/ load, name catalogued checks, and say what they read."""

from __future__ import annotations

import csv

from conftest import REPO


def test_every_suite_loads_and_names_checks_of_the_catalogue() -> None:
    import great_expectations as gx

    from ingest.quality.validate import load_suite, suite_columns, suite_files

    with open(REPO / "dbt_project" / "seeds" / "dq_checks.csv", encoding="utf-8", newline="") as handle:
        catalogue = {row["check_name"] for row in csv.DictReader(handle)}
    suites = {path.stem: load_suite(gx, path) for path in suite_files()}
    assert set(suites) == {"fact_ranges", "staging_observations", "staging_reports"}
    for suite in suites.values():
        names = {expectation.meta["check_name"] for expectation in suite.expectation_configurations}
        assert names <= catalogue, f"{suite.name}: {names - catalogue} not in seed dq_checks"
    # a validation loads only what its expectations read, row conditions included
    assert suite_columns(suites["fact_ranges"]) == ["unit", "value"]
    assert "is_partial_scope" in suite_columns(suites["staging_observations"])
