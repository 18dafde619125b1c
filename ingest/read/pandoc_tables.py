"""pandoc's plain-text tables -> grids: simple tables and multiline tables, whose columns a rule of
dash runs sets (`------------------ ---------- ---------`).

A simple table is a header line, the column rule under it, then one row per line up to a blank line.
A multiline table opens with a full-width dash line, its header may take several lines, its rows are
separated by blank lines and each cell's text wraps inside its column (`温室气体排放总量` / `（范围一+
范围二）`); a full-width dash line closes it. A word belongs to the column its first character stands
under, counted in display columns (pandoc lays CJK text out two columns a character). Pipe and grid
tables are `read.markdown_grid`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.read.grid import Cell, Grid
from ingest.read.markdown_grid import wrapped_text
from ingest.read.markup import clean_text
from ingest.read.text import width

_DASHES = re.compile(r"-{3,}")
_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})*\s*$")
_WORD = re.compile(r"\S+")
_MIN_COLUMNS = 2


@dataclass
class _Block:
    starts: list[int]  # each column's first display column
    header: list[list[str]]
    rows: list[list[list[str]]]  # per row, its lines, each split into the columns' pieces
    numbers: list[int]  # the source line of each row
    header_line: int
    first: int  # the table's first line (a multiline table's border) and its last
    last: int = 0


def _columns(rule: str) -> list[int]:
    """The display columns where a column rule's dash runs start."""
    return [width(rule[: match.start()]) for match in _DASHES.finditer(rule)]


def _pieces(line: str, starts: list[int]) -> list[str]:
    """A line's text by column: each word to the column its first character stands under (a column may
    be filled to its edge, one space before the next: `吨二氧化碳 1,846.32`)."""
    pieces: list[list[str]] = [[] for _ in starts]
    for match in _WORD.finditer(line):
        at = width(line[: match.start()])
        pieces[max((c for c, start in enumerate(starts) if start <= at), default=0)].append(match.group())
    return [wrapped_text(words) for words in pieces]


def _is_border(line: str) -> bool:
    return _RULE.match(line) is not None and len(_DASHES.findall(line)) == 1


def _grid(block: _Block) -> Grid | None:
    if len(block.starts) < _MIN_COLUMNS or not block.rows:
        return None
    width_ = len(block.starts)
    rows = [[wrapped_text(line[c] for line in block.header) for c in range(width_)]]
    rows += [[wrapped_text(line[c] for line in row) for c in range(width_)] for row in block.rows]
    cells = [[Cell(clean_text(text), (r, c)) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return Grid(cells, [block.header_line, *block.numbers], block.first, block.last, "pandoc")


def pandoc_grids(lines: list[str]) -> list[Grid]:
    """Every simple or multiline table of `lines` (the report's lines) as a grid."""
    grids: list[Grid] = []
    index = 0
    while index < len(lines):
        rule = lines[index]
        if not _RULE.match(rule) or len(_DASHES.findall(rule)) < _MIN_COLUMNS:
            index += 1
            continue
        # the header: the lines above the column rule, back to a border (multiline) or one line (simple)
        top = index - 1
        while top >= 0 and lines[top].strip() and not _is_border(lines[top]) and index - top <= 3:
            top -= 1
        multiline = top >= 0 and _is_border(lines[top])
        header_lines = lines[top + 1 : index] if multiline else lines[index - 1 : index] if index else []
        if not header_lines or not all(line.strip() for line in header_lines):
            index += 1
            continue
        starts = _columns(rule)
        header_line = index - len(header_lines) + 1
        first = top + 1 if multiline else header_line
        block = _Block(starts, [_pieces(line, starts) for line in header_lines], [], [], header_line, first)
        index = _read_rows(lines, index + 1, block, multiline)
        block.last = index
        if grid := _grid(block):
            grids.append(grid)
    return grids


def _read_rows(lines: list[str], index: int, block: _Block, multiline: bool) -> int:
    """Adds the rows below the column rule at `index - 1` to `block`; the index after the table."""
    row: list[list[str]] = []
    while index < len(lines):
        line = lines[index]
        if _RULE.match(line):  # the closing border (or a simple table's closing rule)
            index += 1
            break
        if not line.strip():
            if not multiline:
                break
            if row:
                block.rows.append(row)
                row = []
            index += 1
            continue
        if not row:
            block.numbers.append(index + 1)
        row.append(_pieces(line, block.starts))
        if not multiline:
            block.rows.append(row)
            row = []
        index += 1
    if row:
        block.rows.append(row)
    return index
