"""Which row stands for a report's metric x fiscal year when the report states it more than once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ingest.map.reference import read_seed
from ingest.read.rows import KpiRow, Layout
from ingest.read.text import fold

_LAYOUT_RANK = {Layout.TABLE: 0, Layout.CELLS: 1, Layout.KEY_FIGURE: 2, Layout.PROSE: 3}


@dataclass(frozen=True)
class Confirmation:
    """A figure (of lexicon priority >= min_priority) counts only if `parts` add up to `whole`
    (the figure itself when empty); `when_missing` says what to do when one of them is not stated."""

    metric_code: str
    min_priority: int
    parts: tuple[str, ...]
    whole: str
    relative_tolerance: float
    keep_when_missing: bool
    void_if_reported: str
    note_confirms: re.Pattern[str] | None  # a footnote of the figure that, if it says this, confirms it


@cache
def confirmations() -> dict[str, Confirmation]:
    return {
        row["metric_code"]: Confirmation(
            metric_code=row["metric_code"],
            min_priority=int(row["min_priority"]),
            parts=tuple(part for part in row["parts"].split("+") if part),
            whole=row["whole"] or row["metric_code"],
            relative_tolerance=float(row["relative_tolerance"]),
            keep_when_missing=row["when_missing"] == "keep",
            void_if_reported=row["void_if_reported"],
            note_confirms=re.compile(row["note_confirms"]) if row["note_confirms"] else None,
        )
        for row in read_seed("label_confirmations.csv")
    }


def _rank(row: KpiRow) -> tuple[bool, int, int]:
    return (row.is_partial_scope, row.rule_priority or 99, _LAYOUT_RANK[Layout(row.layout)])


def _value(row: KpiRow) -> float:
    return row.reported_value * (row.unit_factor or 0.0)


def _confirmed(row: KpiRow, chosen: dict[tuple[str, int], KpiRow]) -> bool:
    rule = confirmations().get(row.metric_code or "")
    if rule is None or (row.rule_priority or 1) < rule.min_priority:
        return True
    if rule.void_if_reported and any(code == rule.void_if_reported for code, _ in chosen):
        return False
    if row.note and rule.note_confirms and rule.note_confirms.search(fold(row.note)):
        return True
    if not rule.parts:
        return True
    parts = [chosen.get((code, row.fiscal_year)) for code in rule.parts]
    whole = chosen.get((rule.whole, row.fiscal_year))
    if whole is None or any(part is None for part in parts):
        return rule.keep_when_missing
    total = sum(_value(part) for part in parts if part is not None)
    return abs(total - _value(whole)) <= rule.relative_tolerance * max(abs(_value(whole)), 1e-9)


def primary_rows(rows: Iterable[KpiRow]) -> list[KpiRow]:
    """One row per (metric, fiscal year): a whole-company figure over a partial one, then the best-ranked
    lexicon entry, then the most structured layout
    (a table over a key figure over prose), then the last statement.

    Reports repeat body tables in a closing KPI appendix, which is the one they audit, so the
    later statement wins a tie. Disagreements between the statements are a data-quality finding.
    A weakly labelled figure that `label_confirmations` says must add up (an unscoped GHG total) is
    dropped when its parts do not.
    """
    rows = list(rows)
    chosen: dict[tuple[str, int], KpiRow] = {}
    for row in rows:
        if not row.metric_code:
            continue
        key = (row.metric_code, row.fiscal_year)
        current = chosen.get(key)
        if current is None or _rank(row) <= _rank(current):
            chosen[key] = row
    tables = _table_values(rows)
    return [row for row in chosen.values() if _confirmed(row, chosen) and not _restates_another_row(row, tables)]


_MIN_DISTINCTIVE_DIGITS = 4


def _table_values(rows: Iterable[KpiRow]) -> dict[tuple[int, float], set[str | None]]:
    """(fiscal year, value as printed) -> the metrics the report's tables give it."""
    values: dict[tuple[int, float], set[str | None]] = {}
    for row in rows:
        if row.layout == Layout.TABLE:
            values.setdefault((row.fiscal_year, row.reported_value), set()).add(row.metric_code)
    return values


def _restates_another_row(row: KpiRow, tables: dict[tuple[int, float], set[str | None]]) -> bool:
    """A prose figure that repeats a table value the table gives another metric is that KPI said
    loosely, not a second one (an unmapped table row proves nothing: it may be a total row)."""
    if row.layout == Layout.TABLE or sum(char.isdigit() for char in row.raw_value) < _MIN_DISTINCTIVE_DIGITS:
        return False
    metrics = tables.get((row.fiscal_year, row.reported_value), set()) - {None}
    return bool(metrics) and row.metric_code not in metrics
