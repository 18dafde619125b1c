"""Rows a converter stacked into one table row over line breaks (`marker`, MinerU: `<br>` in each cell)."""

from __future__ import annotations

import re
from functools import cache

from ingest.map.currency import currency_name
from ingest.read.markup import BREAK_TAG, clean_text
from ingest.read.text import is_not_disclosed, is_number


def stacked_rows(raw_cells: list[str]) -> list[list[str]]:
    """A row's cells, read; or the rows a converter stacked into one over `<br>`s (`| 氮氧化物<br>揮發性有機物 |
    噸<br>千克 | 18.74<br>2,846.0 |`): when every figure cell holds the same number of figures, one per
    line, and a label cell as many lines, each line is a row of its own (a cell of one line, the topic
    or a shared unit, stands in each). A label wrapped over lines beside single figures (`範圍二排放<br>
    （基於位置）`) stays one row."""
    if not any("<br" in cell or "<BR" in cell for cell in raw_cells):
        cells = [clean_text(cell) for cell in raw_cells]
        itemised = (
            itemised_rows([[cell] for cell in cells]) if any(_BRACKETED_ITEM.match(cell) for cell in cells) else None
        )
        return itemised or [cells]
    pieces = [[piece for piece in map(clean_text, BREAK_TAG.split(cell)) if piece] for cell in raw_cells]
    figures = [cell for cell in pieces if cell and all(is_number(p) or is_not_disclosed(p) for p in cell)]
    depth = len(figures[0]) if figures else 0
    stacked = (
        depth > 1
        and any(is_number(piece) for cell in figures for piece in cell)
        and all(len(cell) == depth for cell in figures)
        and all(len(cell) in (0, 1, depth) for cell in pieces)
        and any(len(cell) == depth for cell in pieces if cell not in figures)
    )
    if not stacked:
        return itemised_rows(pieces) or [[" ".join(cell) for cell in pieces]]
    return [[cell[line] if len(cell) == depth else " ".join(cell) for cell in pieces] for line in range(depth)]


# `範圍1：8,642.3 噸二氧化碳當量`, `其中：紙皮及木卡板 684.2 噸`, `捐款：港幣1,280,000元`, `42.6 噸` (the row's own figure):
# an item of a cell listing several figures over `<br>`s, as an index of KPIs prints a KPI's breakdown
@cache
def _item() -> re.Pattern[str]:
    return re.compile(
        r"^(?:(?P<named>[^:：]*[\u4e00-\u9fff][^:：]*)[:：]\s*|(?P<spaced>[^\d]*[\u4e00-\u9fff）)])\s+)?"
        rf"(?P<figure>(?:(?:{currency_name()})\s*)?[-−]?\d[\d,]*(?:\.\d+)?.*)$",
        re.IGNORECASE,
    )


# `10,758.1 噸（密度：8.27 噸/僱員）`: a figure, then another one named in a bracket (not a year's: `（2023年：13.1%）`)
_BRACKETED_ITEM = re.compile(
    r"^(?P<figure>.*\d.*?)\s*[（(](?P<item>[^()（）\d][^()（）]*[:：]\s*[-−]?\d[^()（）]*)[)）]$"
)


def _items(cell: str) -> list[str]:
    """A cell's pieces, a figure named in a bracket after another apart from it."""
    match = _BRACKETED_ITEM.match(cell)
    return [match.group("figure"), match.group("item")] if match else [cell]


def itemised_rows(pieces: list[list[str]]) -> list[list[str]] | None:
    """The rows of a row whose figure cells each list the same items, one per line (`範圍1：8,642.3 噸<br>
    範圍2：2,115.8 噸` under `2024年` and `2023年`): the row itself first (its own figure, an item without a
    label, if any), then a row per item, its label in the label cell before the figures; else None."""
    pieces = [[item for piece in cell for item in _items(piece)] for cell in pieces]
    items = [[_item().match(piece) for piece in cell] if len(cell) > 1 else None for cell in pieces]
    listed = [c for c, cell in enumerate(items) if cell and all(cell)]
    labels = {tuple(_item_label(match) for match in items[c]) for c in listed}  # type: ignore[union-attr]
    if (
        len(listed) < 2
        or len(labels) != 1
        or not any(labels.pop())
        or any(len(pieces[c]) > 1 for c in range(listed[0]))
    ):
        return None
    label_at = listed[0] - 1
    rows: list[list[str]] = []
    for line, match in enumerate(items[listed[0]]):  # type: ignore[arg-type]
        own = line == 0 and not _item_label(match)
        if line == 0:
            rows.append([" ".join(cell) if c not in listed else "" for c, cell in enumerate(pieces)])
        if not own:
            rows.append(["" for _ in pieces])
            rows[-1][label_at] = _item_label(match)
        for c in listed:
            rows[-1][c] = items[c][line].group("figure")  # type: ignore[index]
    return rows


def _item_label(match: re.Match[str]) -> str:
    return (match.group("named") or match.group("spaced") or "").strip()
