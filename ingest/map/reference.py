"""Reference data (metric dictionary, unit factors; the lexicon in `ingest.map.lexicon`), read from the
dbt seeds so that dbt and the parser share one copy."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.config import SEEDS_DIR

# The seeds the parser reads. Their bytes are part of the parser version (`ingest.read.version`), so
# a change to one re-parses the reports; a change to a check rule (the `dq_*` seeds) does not.
PARSER_SEEDS = (
    "label_confirmations.csv",
    "label_exclusions.csv",
    "label_lexicon.csv",
    "label_synonyms.csv",
    "label_vocabulary.csv",
    "metric_dictionary.csv",
    "scope_rules.csv",
    "unit_factors.csv",
    "unit_parts.csv",
    "zero_statements.csv",
)


def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> list[dict[str, str]]:
    """One seed's rows. Only the declared parser seeds: an undeclared one would escape the parser version."""
    if name not in PARSER_SEEDS:
        raise ValueError(f"seed {name!r} is not in PARSER_SEEDS (ingest.map.reference); declare it there")
    with open(seeds_dir / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=2):
        if None in row or None in row.values():  # `dbt seed` would fail on it later, and less clearly
            raise ValueError(f"{name} line {number}: more or fewer fields than the header (quote a field with a comma)")
    return rows


@dataclass(frozen=True)
class Metric:
    code: str
    canonical_unit: str
    description: str


@cache
def metrics() -> dict[str, Metric]:
    return {
        row["code"]: Metric(row["code"], row["canonical_unit"], row["description"])
        for row in read_seed("metric_dictionary.csv")
    }


@cache
def unit_factors() -> dict[tuple[str, str], float]:
    """(folded unit alias, canonical unit) -> factor to canonical."""
    return {(row["unit_alias"], row["canonical_unit"]): float(row["factor"]) for row in read_seed("unit_factors.csv")}


@cache
def unit_aliases() -> frozenset[str]:
    return frozenset(alias for alias, _ in unit_factors())
