"""Tables written one cell per line, as copies of web pages give them:

    指標
    單位
    2025年
    2024年
    員工總數
    人
    1,234
    1,100

A run of header cells (a label header, maybe a unit header, period headers) fixes the width; the
lines after it are read in rows of that width as long as each row is a label, a unit and values.
The result is a grid like any other table's, each cell keeping its own line.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.map.units import looks_like_unit
from ingest.map.vocabulary import role_pattern
from ingest.read.grid import Cell, Grid
from ingest.read.markdown_grid import wrapped_text
from ingest.read.markup import clean_text
from ingest.read.periods import Role, column_role, is_label_header
from ingest.read.text import is_not_disclosed
from ingest.read.wrapped_labels import completes_a_metric, opens_or_closes_bracket

_MAX_CELL_CHARS = 40
_MIN_ROWS = 1
_MAX_HEADER_CELL_CHARS = 16
_LOOKAHEAD_CELLS = 9
# A page break inside a table: the page number (`5`, `- 5 -`, `第5頁`), then running heads and feet.
_PAGE_NUMBER = re.compile(r"[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*[页頁])?[-—–\s]*")
_MAX_PAGE_FURNITURE = 3


def _label_hint() -> re.Pattern[str]:
    """A label header cell holds one of these (either script): the cheap test before the real one."""
    return role_pattern("label_column_hint", re.IGNORECASE)


def _is_value(text: str) -> bool:
    from ingest.read.cell_values import value_of  # one definition of a value cell

    return value_of(text) is not None or is_not_disclosed(text)


def cell_line_grids(lines: list[str]) -> list[Grid]:
    """Every one-cell-per-line table of the report (blank lines between cells are ignored)."""
    hint = _label_hint()
    if not any(len(raw) <= _MAX_HEADER_CELL_CHARS and hint.search(raw) for raw in lines):
        return []  # no line could open such a table: most reports
    cells = [(number, raw) for number, raw in enumerate(lines, start=1) if raw.strip()]
    repeated = _Repeated(cells)
    grids: list[Grid] = []
    index = 0
    while index < len(cells):
        raw = cells[index][1]
        if len(raw) > _MAX_HEADER_CELL_CHARS or not hint.search(raw):
            index += 1
            continue
        cleaned = [(number, clean_text(text)) for number, text in cells[index : index + _LOOKAHEAD_CELLS]]
        header = _header_at(cleaned, 0)
        if header is None:
            index += 1
            continue
        grid, consumed = _read_rows(cells, index, header, repeated)
        if grid is None:
            index += 1
            continue
        grids.append(grid)
        index += consumed
    return grids


def _header_at(cells: list[tuple[int, str]], start: int) -> list[Role] | None:
    """The roles of a header run starting at `start`: a label header, then unit/period headers."""
    if not is_label_header(cells[start][1]):
        return None
    roles = [Role.LABEL]
    for _, text in cells[start + 1 : start + 8]:
        role = column_role(text).role
        if role not in (Role.YEAR, Role.CURRENT, Role.UNIT):
            break
        roles.append(role)
    if not any(role in (Role.YEAR, Role.CURRENT) for role in roles):
        return None
    return roles


def _fits(chunk: list[tuple[int, str]], roles: list[Role]) -> bool:
    """Whether `chunk` reads as one row: a label, then a unit and values where the header has them."""
    label = chunk[0][1]
    if len(label) > _MAX_CELL_CHARS or _is_value(label) or column_role(label).role is Role.YEAR:
        return False
    return all(
        _is_value(text) if role in (Role.YEAR, Role.CURRENT) else len(text) <= _MAX_CELL_CHARS
        for role, (_, text) in zip(roles[1:], chunk[1:], strict=True)
    )


class _Repeated:
    """The lines a report prints more than once (running heads and feet), counted on first need: most
    tables have no page break inside."""

    def __init__(self, cells: list[tuple[int, str]]) -> None:
        self.cells = cells
        self.lines: set[str] | None = None

    def __contains__(self, text: str) -> bool:
        if self.lines is None:
            counts = Counter(raw.strip() for _, raw in self.cells)
            self.lines = {line for line, count in counts.items() if count > 1}
        return text in self.lines


def _page_break(cells: list[tuple[int, str]], position: int, roles: list[Role], repeated: _Repeated) -> int:
    """How many lines of page furniture stand at `position` between two rows of a table: a page
    number and lines the report repeats (running heads and feet), in either order; 0 unless a row
    fits after them."""

    def furniture(text: str) -> bool:
        return _PAGE_NUMBER.fullmatch(text.strip("\f ")) is not None or text.strip() in repeated

    skip = 0
    while skip < _MAX_PAGE_FURNITURE and position + skip < len(cells) and furniture(cells[position + skip][1]):
        skip += 1
    if not any(_PAGE_NUMBER.fullmatch(text.strip("\f ")) for _, text in cells[position : position + skip]):
        return 0  # a category printed again elsewhere (`水資源`) is no furniture: a page break has its number
    after = [(number, clean_text(text)) for number, text in cells[position + skip : position + skip + len(roles)]]
    return skip if len(after) == len(roles) and _fits(after, roles) else 0


def _joined(parts: list[tuple[int, str]]) -> tuple[int, str]:
    """A cell printed over several lines, at its first line."""
    return parts[0][0], wrapped_text(text for _, text in parts)


def _wrapped_row(cells: list[tuple[int, str]], position: int, roles: list[Role]) -> tuple[list, int] | None:
    """A row whose label or unit wraps over two lines (`範圍二溫室氣體排放` / `（以地點為基礎）`, `噸二氧化碳當量／
    人民幣` / `百萬元收益`), and how many lines it takes: a ratio's unit goes on where the two make a unit;
    a label goes on where the next line opens a bracket or with it names a metric the next line alone
    does not (`read.wrapped_labels`), not where it is a category over its rows (`環境績效`)."""
    width, unit_at = len(roles), roles.index(Role.UNIT) if Role.UNIT in roles else None
    lines = [(number, clean_text(text)) for number, text in cells[position : position + width + 2]]
    for label_lines, unit_lines in ((1, 2), (2, 1), (2, 2)):
        if len(lines) < width + label_lines + unit_lines - 1 or (unit_lines > 1 and unit_at is None):
            continue
        label = lines[:label_lines]
        unit = lines[label_lines : label_lines + unit_lines] if unit_at is not None else []
        values = lines[label_lines + len(unit) : label_lines + len(unit) + width - 1 - (unit_at is not None)]
        cut = unit_lines > 1 and unit[0][1].rstrip().endswith(("/", "／"))  # `噸二氧化碳當量／` / `每間自營門店`
        ratio = cut or (
            unit_lines > 1 and ("/" in unit[0][1] or "／" in unit[0][1]) and looks_like_unit(_joined(unit)[1])
        )
        if unit_lines > 1 and not ratio:
            continue  # (a ratio's denominator goes on: `噸二氧化碳當量／人民幣` / `百萬元收益`)
        row = [_joined(label), *([_joined(unit)] if unit else []), *values]
        if len(row) != width or not _fits(row, roles):
            continue
        if label_lines > 1 and not _label_goes_on(label, [text for _, text in values], unit[0][1] if unit else None):
            continue
        return row, label_lines + len(unit) + len(values)
    return None


def _label_goes_on(label: list[tuple[int, str]], values: list[str], unit: str | None) -> bool:
    above, below = [label[0][1]], [label[1][1]]
    return opens_or_closes_bracket(above, below) or completes_a_metric(above, below, values, unit, "")


def _read_rows(
    cells: list[tuple[int, str]], start: int, roles: list[Role], repeated: _Repeated
) -> tuple[Grid | None, int]:
    width = len(roles)
    header = [(number, clean_text(text)) for number, text in cells[start : start + width]]
    rows = [[Cell(text, (0, c)) for c, (_, text) in enumerate(header)]]
    cell_lines = [[number for number, _ in header]]
    position = start + width
    while position + width <= len(cells):
        chunk = [(number, clean_text(text)) for number, text in cells[position : position + width]]
        wrapped = None if _fits(chunk, roles) else _wrapped_row(cells, position, roles)
        if wrapped is not None:
            r = len(rows)
            rows.append([Cell(text, (r, c)) for c, (_, text) in enumerate(wrapped[0])])
            cell_lines.append([number for number, _ in wrapped[0]])
            position += wrapped[1]
            continue
        if not _fits(chunk, roles):
            furniture = _page_break(cells, position, roles, repeated)
            if furniture:
                position += furniture
                continue
            # A category line (`排放物`) between rows: a section row when the rows after it fit
            after = [(number, clean_text(text)) for number, text in cells[position + 1 : position + 1 + width]]
            label = chunk[0][1]
            if len(after) < width or _is_value(label) or len(label) > _MAX_CELL_CHARS:
                break
            if not _fits(after, roles) and _wrapped_row(cells, position + 1, roles) is None:
                break
            r = len(rows)
            rows.append([Cell(label if c == 0 else "", (r, c)) for c in range(width)])
            cell_lines.append([chunk[0][0]] * width)
            position += 1
            continue
        r = len(rows)
        rows.append([Cell(text, (r, c)) for c, (_, text) in enumerate(chunk)])
        cell_lines.append([number for number, _ in chunk])
        position += width
    if len(rows) - 1 < _MIN_ROWS:
        return None, 0
    lines = [numbers[0] for numbers in cell_lines]
    grid = Grid(rows, lines, lines[0], cell_lines[-1][-1], "cell_lines", cell_lines=cell_lines)
    return grid, position - start
