"""Reference data (metric dictionary, unit factors, label rules), read from the dbt seeds so that
dbt and the parser share one copy."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.config import SEEDS_DIR


def _read_csv(name: str, seeds_dir: Path = SEEDS_DIR) -> list[dict[str, str]]:
    with open(seeds_dir / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Metric:
    code: str
    canonical_unit: str
    description: str


@dataclass(frozen=True)
class LabelRule:
    metric_code: str
    label_includes: re.Pattern[str]
    label_excludes: re.Pattern[str] | None
    context_includes: re.Pattern[str] | None
    context_excludes: re.Pattern[str] | None
    priority: int


def _compile(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


@cache
def metrics() -> dict[str, Metric]:
    return {
        row["code"]: Metric(row["code"], row["canonical_unit"], row["description"])
        for row in _read_csv("metric_dictionary.csv")
    }


@cache
def label_rules() -> tuple[LabelRule, ...]:
    rules = []
    for row in _read_csv("label_rules.csv"):
        rules.append(
            LabelRule(
                metric_code=row["metric_code"],
                label_includes=re.compile(row["label_includes"]),
                label_excludes=_compile(row["label_excludes"]),
                context_includes=_compile(row["context_includes"]),
                context_excludes=_compile(row["context_excludes"]),
                priority=int(row["priority"] or 1),
            )
        )
    return tuple(rules)


@cache
def unit_factors() -> dict[tuple[str, str], float]:
    """(folded unit alias, canonical unit) -> factor to canonical."""
    return {(row["unit_alias"], row["canonical_unit"]): float(row["factor"]) for row in _read_csv("unit_factors.csv")}


@cache
def unit_aliases() -> frozenset[str]:
    return frozenset(alias for alias, _ in unit_factors())
