"""Tables Word saves as plain text: each cell on a line of its own, a blank line after each row, and an
empty cell an empty line inside its row, so only the header's width tells a row's end from an empty cell:

    指標              the header: a label header, then period, unit or other column headers
    單位
    2024年
    2023年
                      the header row's end
    範圍一排放
    噸二氧化碳當量
    8,416.3
    8,902.5
                      the row's end
    僱員總數（人）
                      an empty unit cell
    1,286
    1,244
                      the row's end
    溫室氣體排放        a category printed once (merged cells): a row of one line

The result is a grid like any other table's, each cell keeping its own line.
"""

from __future__ import annotations

from ingest.read.cell_values import value_of
from ingest.read.grid import Cell, Grid
from ingest.read.markup import clean_text
from ingest.read.periods import Role, column_role, is_label_header
from ingest.read.text import is_not_disclosed

_MAX_CELL_CHARS = 40
_MAX_HEADER_CELLS = 8
_MIN_PERIODS = 2
_MIN_ROWS = 2


def word_text_grids(lines: list[str]) -> list[Grid]:
    """Every table of `lines` (the report's) printed a cell a line with a blank line after each row."""
    grids: list[Grid] = []
    index = 0
    while index < len(lines) - 1:
        width = _header_width(lines, index)
        grid = _read(lines, index, width) if width else None
        if grid is None:
            index += 1
            continue
        grids.append(grid)
        index = grid.last_line
    return grids


def _header_width(lines: list[str], start: int) -> int:
    """How many cells a header starting at line `start` (0-based) has, ending at a blank line; 0 if none."""
    if not lines[start].strip() or not is_label_header(clean_text(lines[start])):
        return 0
    width, periods = 1, 0
    while start + width < len(lines) and lines[start + width].strip() and width <= _MAX_HEADER_CELLS:
        role = column_role(clean_text(lines[start + width])).role
        if role is Role.LABEL:
            return 0
        periods += role in (Role.YEAR, Role.CURRENT, Role.PRIOR)
        width += 1
    blank_after = start + width < len(lines) and not lines[start + width].strip()
    return width if blank_after and periods >= _MIN_PERIODS else 0


def _read(lines: list[str], start: int, width: int) -> Grid | None:
    roles = [column_role(clean_text(lines[start + c])).role for c in range(width)]
    rows = [[Cell(clean_text(lines[start + c]), (0, c)) for c in range(width)]]
    cell_lines = [[start + c + 1 for c in range(width)]]
    position = start + width + 1
    while position < len(lines):
        cells = [clean_text(line) for line in lines[position : position + width]]
        ends = position + width >= len(lines) or not lines[position + width].strip()
        if len(cells) == width and ends and _fits(cells, roles):
            rows.append([Cell(text, (len(rows), c)) for c, text in enumerate(cells)])
            cell_lines.append([position + c + 1 for c in range(width)])
            position += width + 1
        elif _is_category(lines, position):  # `溫室氣體排放` alone, then the row's end
            rows.append([Cell(clean_text(lines[position]) if c == 0 else "", (len(rows), c)) for c in range(width)])
            cell_lines.append([position + 1] * width)
            position += 2
        else:
            break
    if len(rows) - 1 < _MIN_ROWS:
        return None
    return Grid(rows, [numbers[0] for numbers in cell_lines], start + 1, position, "cell_lines", cell_lines=cell_lines)


def _fits(cells: list[str], roles: list[Role]) -> bool:
    """A row: a label, then under a period header a value, a not-disclosed mark or nothing."""
    label = cells[0]
    if not label or len(label) > _MAX_CELL_CHARS or value_of(label) is not None:
        return False
    periods = [text for role, text in zip(roles, cells, strict=True) if role in (Role.YEAR, Role.CURRENT, Role.PRIOR)]
    fits = all(not text or value_of(text) is not None or is_not_disclosed(text) for text in periods)
    return fits and any(value_of(text) is not None for text in periods)


def _is_category(lines: list[str], position: int) -> bool:
    text = clean_text(lines[position])
    ends = position + 1 < len(lines) and not lines[position + 1].strip()
    return bool(text) and ends and len(text) <= _MAX_CELL_CHARS and value_of(text) is None
