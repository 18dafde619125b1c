"""Rows a converter stacked into one table row over line breaks (`marker`, MinerU: `<br>` in each cell)."""

from __future__ import annotations

from ingest.read.markup import BREAK_TAG, clean_text
from ingest.read.text import is_not_disclosed, is_number


def stacked_rows(raw_cells: list[str]) -> list[list[str]]:
    """A row's cells, read; or the rows a converter stacked into one over `<br>`s (`| 氮氧化物<br>揮發性有機物 |
    噸<br>千克 | 18.74<br>2,846.0 |`): when every figure cell holds the same number of figures, one per
    line, and a label cell as many lines, each line is a row of its own (a cell of one line, the topic
    or a shared unit, stands in each). A label wrapped over lines beside single figures (`範圍二排放<br>
    （基於位置）`) stays one row."""
    if not any("<br" in cell or "<BR" in cell for cell in raw_cells):
        return [[clean_text(cell) for cell in raw_cells]]
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
        return [[" ".join(cell) for cell in pieces]]
    return [[cell[line] if len(cell) == depth else " ".join(cell) for cell in pieces] for line in range(depth)]
