"""The tree keeps its shape: stages in subpackages, rules as data, honest dbt layers, small units.

Plain file reading, no services: these are the structural promises of the README's contributor map.
"""

from __future__ import annotations

import re

from conftest import REPO

INGEST = REPO / "ingest"
MODELS = REPO / "dbt_project" / "models"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_MODEL_LINES = 150


def test_parser_version_covers_the_parser_and_nothing_else() -> None:
    from ingest.read.version import parser_inputs

    inputs = {path.relative_to(REPO).as_posix() for path in parser_inputs()}
    assert "ingest/read/parser.py" in inputs and "ingest/map/units.py" in inputs
    assert "dbt_project/seeds/label_lexicon.csv" in inputs and "dbt_project/seeds/unit_parts.csv" in inputs
    outside = {
        path
        for path in inputs
        if not re.match(r"ingest/(read|map)/|dbt_project/seeds/(label_|unit_|scope_|zero_|metric_dictionary)", path)
    }
    assert outside == set(), "a change to checks, loader, page or CLI must not re-parse every report"
    assert not any("/dq_" in path or "/quality/" in path for path in inputs)


def test_a_seed_the_parser_reads_must_be_part_of_its_version() -> None:
    import pytest

    from ingest.map.reference import read_seed

    with pytest.raises(ValueError, match="PARSER_SEEDS"):
        read_seed("dq_sum_rules.csv")
