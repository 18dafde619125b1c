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
        numbered = numbered_rows(cells) if not itemised and any("(2)" in cell for cell in cells) else None
        return itemised or numbered or [cells]
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
    listed: dict[int, list[re.Match[str]]] = {}  # column -> its items, where every piece of it is one
    for c, cell in enumerate(pieces):
        matches = [match for piece in cell if (match := _item().match(piece))] if len(cell) > 1 else []
        if matches and len(matches) == len(cell):
            listed[c] = matches
    labels = {tuple(_item_label(match) for match in matches) for matches in listed.values()}
    first = min(listed, default=0)
    if len(listed) < 2 or len(labels) != 1 or not any(labels.pop()) or any(len(pieces[c]) > 1 for c in range(first)):
        return None
    rows: list[list[str]] = []
    for line, match in enumerate(listed[first]):
        if line == 0:
            rows.append([" ".join(cell) if c not in listed else "" for c, cell in enumerate(pieces)])
        if line or _item_label(match):  # (an item without a label is the row's own figure)
            rows.append(["" for _ in pieces])
            rows[-1][first - 1] = _item_label(match)
        for c, matches in listed.items():
            rows[-1][c] = matches[line].group("figure")
    return rows


def _item_label(match: re.Match[str]) -> str:
    return (match.group("named") or match.group("spaced") or "").strip()


_NUMBERED = re.compile(r"\(\s*(\d)\s*\)\s*")  # `(1) 總能源消耗量 (2) 電網電力百分比` (half-width by now)
_PART = re.compile(r"\s*[；;]\s*")  # `(1) 3,846.2；62.4%`: a figure and its share; `GJ；%`: their units


def numbered_rows(cells: list[str]) -> list[list[str]] | None:
    """The rows of a row that numbers the metrics of one disclosure and their figures in its cells (SASB:
    `(1) 全球範疇一排放總量 (2) 全氟化物排放量` beside `(1) 18,426 (2) 6,215`, a unit cell `公噸；%` beside
    them): the n-th item of each numbered cell, a label's shared head before `(1)` kept (`範疇二排放量（地點
    基礎）`), the n-th unit, or the last one where fewer are printed; else None."""
    split = [_numbered_items(cell) for cell in cells]
    counts = {len(items) for items in split if items}
    if len(counts) != 1 or sum(1 for items in split if items) < 2:
        return None
    count = counts.pop()
    # a unit per part of an item (`千立方公尺；%` beside `(1) 3,846.2；62.4%`): the figure's is the first
    nested = any(
        _PART.search(cell) for cell, items in zip(cells, split, strict=True) if items and items[0][:1].isdigit()
    )
    rows = []
    for n in range(count):
        row = []
        for cell, items in zip(cells, split, strict=True):
            if items:
                row.append(items[n])
                continue
            units = _PART.split(cell)
            row.append(units[0] if nested or len(units) == 1 else units[min(n, len(units) - 1)])
        rows.append(row)
    return rows


def _numbered_items(cell: str) -> list[str]:
    """`(1) 18,426 (2) 6,215` -> [`18,426`, `6,215`]; `範疇二排放量 (1) 地點基礎 (2) 市場基礎` -> [`範疇二排放量（地點
    基礎）`, …]; a figure with its share after a `；` as the figure alone; no numbering: []."""
    parts = _NUMBERED.split(cell)
    if len(parts) < 5 or [int(number) for number in parts[1::2]] != list(range(1, len(parts) // 2 + 1)):
        return []
    head = parts[0].strip()
    items = [_PART.split(item.strip())[0] for item in parts[2::2]]
    return [f"{head}（{item}）" if head and not item[:1].isdigit() else item for item in items]
