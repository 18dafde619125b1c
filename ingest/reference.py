"""Reference data (metric dictionary, unit factors; the lexicon in `ingest.map.lexicon`), read from the
dbt seeds so that dbt and the parser share one copy."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.config import SEEDS_DIR


def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> list[dict[str, str]]:
    with open(seeds_dir / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


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
