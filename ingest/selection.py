"""Which row stands for a report's metric x fiscal year when the report states it more than once."""

from __future__ import annotations

from collections.abc import Iterable

from ingest.rows import KpiRow, Layout

_LAYOUT_RANK = {Layout.TABLE: 0, Layout.CELLS: 1, Layout.KEY_FIGURE: 2, Layout.PROSE: 3}


def _rank(row: KpiRow) -> tuple[int, int]:
    return (row.rule_priority or 99, _LAYOUT_RANK[Layout(row.layout)])


def primary_rows(rows: Iterable[KpiRow]) -> list[KpiRow]:
    """One row per (metric, fiscal year): the best-ranked label rule, then the most structured layout
    (a table over a key figure over prose), then the last statement.

    Reports repeat body tables in a closing KPI appendix, which is the one they audit, so the
    later statement wins a tie. Disagreements between the statements are a data-quality finding.
    """
    chosen: dict[tuple[str, int], KpiRow] = {}
    for row in rows:
        if not row.metric_code:
            continue
        key = (row.metric_code, row.fiscal_year)
        current = chosen.get(key)
        if current is None or _rank(row) <= _rank(current):
            chosen[key] = row
    return list(chosen.values())
