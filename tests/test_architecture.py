"""The tree keeps its shape: stages in subpackages, rules as data, honest dbt layers, small units.

Plain file reading, no services: these are the structural promises of the README's contributor map.
"""

from __future__ import annotations

import ast
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


STAGES = ("land", "read", "map", "load", "transform", "quality", "cli")
LAYERS = ("staging", "intermediate", "marts", "data_quality")


def test_ingest_is_one_subpackage_per_stage_each_saying_what_it_owns() -> None:
    for stage in STAGES:
        init = INGEST / stage / "__init__.py"
        assert init.exists(), f"ingest/{stage}/ is a package"
        assert ast.get_docstring(ast.parse(init.read_text("utf-8"))), f"ingest/{stage}/__init__.py says what it owns"
    loose = sorted(path.name for path in INGEST.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "config.py", "pipeline.py"], "modules belong in a stage"


def test_modules_and_functions_stay_small() -> None:
    too_long = []
    for path in sorted(INGEST.rglob("*.py")):
        text = path.read_text("utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(REPO)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                docstring = ast.get_docstring(node) or ""
                if length > MAX_FUNCTION_LINES and "long because" not in docstring:
                    too_long.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []


def _refs(sql: str) -> set[str]:
    return set(re.findall(r"ref\(\s*'([a-z0-9_]+)'\s*\)", sql))


def test_no_dbt_model_reads_a_later_layer_and_none_is_long() -> None:
    layer_of = {path.stem: path.parent.name for path in MODELS.rglob("*.sql")}
    assert set(layer_of.values()) == set(LAYERS)
    problems = []
    for path in sorted(MODELS.rglob("*.sql")):
        text = path.read_text("utf-8")
        if len(text.splitlines()) > MAX_MODEL_LINES:
            problems.append(f"{path.name}: {len(text.splitlines())} lines")
        for ref in _refs(text):
            if ref in layer_of and LAYERS.index(layer_of[ref]) > LAYERS.index(path.parent.name):
                problems.append(f"{path.parent.name}/{path.name} reads {layer_of[ref]}/{ref}")
    assert problems == []


def test_every_model_folder_has_its_yml_with_tests() -> None:
    for layer in LAYERS:
        yml = MODELS / layer / f"_{layer}__models.yml"
        assert yml.exists(), f"{yml.relative_to(REPO)} documents the folder"
        text = yml.read_text("utf-8")
        assert "data_tests:" in text and "unit_tests:" in text, f"{yml.name} has data_tests and unit_tests"


def test_findings_are_built_by_dbt_not_written_from_python() -> None:
    assert (MODELS / "data_quality" / "dq_findings.sql").exists()
    writers = [
        path.relative_to(REPO).as_posix()
        for path in INGEST.rglob("*.py")
        if re.search(r"(create|insert|replace)[^\n]{0,40}marts\.dq_findings", path.read_text("utf-8"), re.I)
    ]
    assert writers == []


def test_no_assert_checks_input_in_the_package() -> None:
    asserts = [
        f"{path.relative_to(REPO)}:{node.lineno}"
        for path in INGEST.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Assert)
    ]
    assert asserts == [], "an assert vanishes under python -O: raise a clear error instead"


def test_every_dbt_yml_is_valid_yaml() -> None:
    """A YAML error stops every dbt command; catch it in the unit tests, not in the integration run."""
    import yaml

    for path in sorted((REPO / "dbt_project").rglob("*.yml")):
        if "target" in path.parts or "dbt_packages" in path.parts:
            continue
        yaml.safe_load(path.read_text("utf-8"))
