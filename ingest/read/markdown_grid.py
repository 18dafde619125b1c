"""Markdown tables -> grids: pipe tables (with or without their outer pipes) and pandoc's grid tables,
mended where a converter broke them (an extra leading cell, a label on a row of its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.read.grid import Cell, Grid
from ingest.read.markup import clean_text
from ingest.read.periods import year_of
from ingest.read.stacked_rows import stacked_rows
from ingest.read.text import CharMap

MARKDOWN_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
MARKDOWN_RULE = re.compile(r"^[\s|:\-]+$")
_GRID_TABLE_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")  # pandoc's grid table: `+-----+=====+`
_GRID_TABLE_PARTIAL_RULE = re.compile(r"^\s*(?:\|[^|+]*)+\+(?:[-=:]+\+)+\s*$")


def _without_extra_leading_cells(rows: list[list[Cell]]) -> list[list[Cell]]:
    """`|  | 範圍一 | 噸 | 1,184.6 |` under a header of four cells: a converter's extra empty cell before the
    row, dropped, so that the row's cells stand under their headers."""
    width = len(rows[0])
    fitted = []
    for r, row in enumerate(rows):
        extra = 0
        while len(row) - extra > width and not row[extra].text:
            extra += 1
        fitted.append([Cell(cell.text, (r, c)) for c, cell in enumerate(row[extra:])] if extra else row)
    return fitted


def _mend_split_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A row a converter broke in two, its label on one row with every other cell empty and its values
    on the rows below with the label cell empty (`| 僱員流失率（%） |  |  |` / `|  | 12.4 | 14.1 |`): each
    value row takes the label."""
    label = ""
    for r, row in enumerate(rows):
        others = [cell.text for cell in row[1:]]
        if row[0].text and not any(others):
            label = row[0].text
        elif label and not row[0].text and any(others):
            rows[r] = [Cell(label, row[0].origin), *row[1:]]
        else:
            label = ""
    return rows


# box-drawing characters as a pandoc grid table's (`+---+`, `|`): rules between rows, the lines between one row
_BOX_RULE, _BOX_JOIN, _BOX_BAR = "─━═┄┈", "┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛┏┳┓┣╋┫┗┻┛", "│┃║"
_BOX_DRAWING = CharMap(
    _BOX_RULE + _BOX_JOIN + _BOX_BAR, "-" * len(_BOX_RULE) + "+" * len(_BOX_JOIN) + "|" * len(_BOX_BAR)
)
_CELL_BAR = re.compile(r"(?<!\\)\|")  # not an escaped `\|` inside a cell (`範圍一 \| 直接排放`)
# a pipe table's delimiter row written without its outer pipes (`:--- | :---: | ---:`)
_BARE_DELIMITER = re.compile(r"^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+$")


def _bare_pipe_rows(lines: list[str]) -> set[int]:
    """The lines (1-based) of pipe tables written without outer pipes (`指標 | 單位 | 2024年` over
    `:--- | :---: | ---:`, as pandoc and GitHub allow): the header, the delimiter row and the rows below
    it that hold a cell bar."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if "|" not in line or "--" not in line or index == 0 or not _BARE_DELIMITER.match(line):
            continue
        if not _CELL_BAR.search(lines[index - 1]) or lines[index - 1].lstrip().startswith("|"):
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() and _CELL_BAR.search(lines[end]):
            end += 1
        found.update(range(index, end + 1))  # (1-based: the header is line `index`)
    return found


_MIN_UNDELIMITED_ROWS = 2
_MAX_SECTION_ROW_CHARS = 12


def _undelimited_pipe_rows(lines: list[str]) -> set[int]:
    """The lines (1-based) of tables printed as `a | b | c` with neither outer pipes nor a delimiter row (a
    Word document's text export): a header whose first cell is a label column's and two or more cells a
    period's (`指標 | 單位 | 2024年 | 2023年`), then rows with as many cells, and short lines of no figure
    between them, each heading the rows below it (`僱傭`)."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        cells = _bare_cells(lines[index])
        if len(cells) < 3 or year_of(cells[0]) or sum(year_of(cell) is not None for cell in cells) < 2:
            index += 1
            continue
        end, rows = index + 1, []
        while end < len(lines):
            if len(_bare_cells(lines[end])) == len(cells):
                rows.append(end)
            elif not (
                _section_row(lines[end]) and end + 1 < len(lines) and len(_bare_cells(lines[end + 1])) == len(cells)
            ):
                break
            end += 1
        if len(rows) >= _MIN_UNDELIMITED_ROWS:
            found.update(range(index + 1, end + 1))
        index = end
    return found


def _bare_cells(line: str) -> list[str]:
    """A line's cells if it is a row of a pipe table without outer pipes, else none."""
    stripped = line.strip()
    return [] if not stripped or stripped.startswith("|") else [cell.strip() for cell in _CELL_BAR.split(stripped)]


def _section_row(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_SECTION_ROW_CHARS and not any(char.isdigit() for char in stripped)


_SYNTHETIC_HEADER = re.compile(r"\s*Col\d{1,2}\s*")


def _synthetic_header(row: str) -> bool:
    """pymupdf4llm's `|Col1|Col2|Col3|` where it found no header: the table's own is the row below, or none."""
    return all(_SYNTHETIC_HEADER.fullmatch(cell) for cell in _CELL_BAR.split(row))


def markdown_grids(lines: list[str]) -> list[Grid]:
    """Runs of `| a | b |` lines (the `|---|` rule skipped) as grids; `lines` are the report's lines.

    A pandoc grid table (`+----+----+` rules between rows) is one grid too: the lines between two rules
    are one row whose cells wrap over them (`| 溫室氣體排放強度 |` / `| （範圍一+範圍二） |`), read at its first line.
    """
    grids: list[Grid] = []
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    block: list[list[str]] = []  # the lines of a grid table's row, split into cells
    block_line = 0

    def close_block() -> None:
        nonlocal block
        if block:
            r = len(rows)
            width = max(len(cells) for cells in block)
            joined = [wrapped_text(cells[c] if c < len(cells) else "" for cells in block) for c in range(width)]
            rows.append([Cell(clean_text(cell), (r, c)) for c, cell in enumerate(joined)])
            numbers.append(block_line)
            block = []

    def close() -> None:
        close_block()
        if len(rows) >= 2:
            fitted = _without_extra_leading_cells(rows)
            width = max(len(row) for row in fitted)
            padded = [row + [Cell("", (r, c)) for c in range(len(row), width)] for r, row in enumerate(fitted)]
            grids.append(Grid(_mend_split_rows(padded), list(numbers), numbers[0], numbers[-1], "markdown"))
        rows.clear()
        numbers.clear()

    grid_table = False
    bare = _bare_pipe_rows(lines) | _undelimited_pipe_rows(lines)
    for number, raw in enumerate(lines, start=1):
        raw = raw.replace("｜", "|") if "｜" in raw else raw  # `｜指標｜單位｜113年｜`: full-width bars
        raw = _BOX_DRAWING(raw)  # `┌──┬──┐` / `│ 指标 │ 单位 │` / `├──┼──┤`: a grid table drawn in box characters
        raw = f"|{raw.strip()}|" if number in bare else raw
        if "+" in raw and (_GRID_TABLE_RULE.match(raw) or (grid_table and _GRID_TABLE_PARTIAL_RULE.match(raw))):
            close_block()  # (a rule that leaves a cell spanning rows open: `|   雇佣   +------+------+`)
            grid_table = True
            continue
        match = MARKDOWN_ROW.match(raw) if "|" in raw else None
        if not match:
            if rows or block:
                close()
            grid_table = False
            continue
        if MARKDOWN_RULE.match(match.group(1)) or (not rows and _synthetic_header(match.group(1))):
            continue
        if grid_table:
            block_line = block_line if block else number
            block.append([cell.strip() for cell in _CELL_BAR.split(match.group(1))])
            continue
        for cells in stacked_rows(_CELL_BAR.split(match.group(1))):
            r = len(rows)
            rows.append([Cell(cell, (r, c)) for c, cell in enumerate(cells)])
            numbers.append(number)
    close()
    return grids


def wrapped_text(pieces: Iterable[str]) -> str:
    """A grid-table cell's lines as one text: CJK text wraps without a space, Latin words with one."""
    text = ""
    for piece in pieces:
        if not piece:
            continue
        ascii_join = text and text[-1].isascii() and piece[0].isascii() and text[-1].isalnum() and piece[0].isalnum()
        text = f"{text} {piece}" if ascii_join else text + piece
    return text
