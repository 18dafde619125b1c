"""Two years (or a count and its share) printed in one column, read as two columns:

    | 指標（單位） | 2024年 / 2023年 |       | 指標（單位） | 2024年（2023年） |       | 指標（單位） | 2024年 |
    | 氮氧化物（千克） | 1,842.6 / 2,015.3 |  | 僱員總數（人） | 4,881<br>(4,676) |  | 供應商總數（家） | 1,318（2023年：1,254） |

A header cell that names two years (`A / B`, `A（B）`) splits its column in two, each cell at its `/`
or at its bracket; a header of one year splits where its cells restate another year in a bracket
(`（2023年：1,254）`), that year naming the second column. A cell that holds one value keeps it in the
first column (`— / 148.2` keeps both parts: `—` is not disclosed). A period column whose cells print a
count and its share (`974 (52.3%)`) is two columns of that period too.
"""

from __future__ import annotations

import re

from ingest.read.grid import Cell, Grid
from ingest.read.markup import clean_text
from ingest.read.periods import YEAR_TOKEN, Role, column_role

_YEAR = YEAR_TOKEN
_PAIR_HEADER = re.compile(rf"^\s*({_YEAR})\s*(?:[/／]\s*({_YEAR})|[（(]\s*({_YEAR})\s*[)）])\s*$")
_VALUE = r"[-−—–]?[\d,]*\.?\d+%?|[-—–/]|N/?A|不適用|不适用"
_PAIR_CELL = re.compile(
    rf"^\s*({_VALUE})\s*(?:[/／]\s*({_VALUE})|[（(]\s*(?:({_YEAR})\s*[:：]\s*)?({_VALUE})\s*[)）])\s*$"
)
_MAX_HEADER_ROWS = 3
_MIN_RESTATED_SHARE = 0.5  # of a one-year column's value cells, for it to be read as two years


def split_year_pairs(grid: Grid) -> Grid:
    """`grid` with each column that holds two years split in two (the grid itself if there is none)."""
    shares = any("%" in cell.text for row in grid.rows for cell in row)
    for r in range(min(_MAX_HEADER_ROWS, len(grid.rows))):
        pairs = {c: _header_pair(cell.text) for c, cell in enumerate(grid.rows[r])}
        pairs = (
            {c: pair for c, pair in pairs.items() if pair}
            or _restated_columns(grid, r)
            or (_share_columns(grid, r) if shares else {})
        )
        if pairs:
            return _split(grid, r, pairs)
    return grid


def _header_pair(text: str) -> tuple[str, str] | None:
    match = _PAIR_HEADER.match(clean_text(text))
    return (match.group(1), match.group(2) or match.group(3)) if match else None


def _cell_pair(text: str) -> tuple[str, str, str | None] | None:
    """(first value, second value, the year the cell names for the second) of a cell of two values."""
    match = _PAIR_CELL.match(clean_text(text))
    return (match.group(1), match.group(2) or match.group(4), match.group(3)) if match else None


def _restated_columns(grid: Grid, header: int) -> dict[int, tuple[str, str]]:
    """One-year columns whose cells restate another year in a bracket (`1,318（2023年：1,254）`)."""
    found: dict[int, tuple[str, str]] = {}
    for c, cell in enumerate(grid.rows[header]):
        if not re.fullmatch(_YEAR, clean_text(cell.text).strip()):
            continue
        pairs = [_cell_pair(row[c].text) for row in grid.rows[header + 1 :] if c < len(row) and row[c].text.strip()]
        named = [pair[2] for pair in pairs if pair and pair[2]]
        if named and len(named) >= _MIN_RESTATED_SHARE * len(pairs):
            found[c] = (clean_text(cell.text).strip(), named[0])
    return found


def _share_columns(grid: Grid, header: int) -> dict[int, tuple[str, str]]:
    """Period columns whose cells print a count and its share (`974 (52.3%)`): two columns of that
    period, the count's and the share's (the `%` tells them apart, as `2024年人數 | 2024年佔比` would)."""
    found: dict[int, tuple[str, str]] = {}
    for c, cell in enumerate(grid.rows[header]):
        head = clean_text(cell.text).strip()
        if column_role(head).role not in (Role.YEAR, Role.CURRENT, Role.PRIOR):
            continue
        cells = [row[c].text for row in grid.rows[header + 1 :] if c < len(row) and row[c].text.strip()]
        if not any("%" in text and (")" in text or "）" in text) for text in cells):
            continue  # (most columns print no share at all)
        pairs = [_cell_pair(text) for text in cells]
        shares = [pair for pair in pairs if pair and not pair[2] and _is_share(pair[0], pair[1])]
        if shares and len(shares) >= _MIN_RESTATED_SHARE * len(pairs):
            found[c] = (head, head)
    return found


def _is_share(first: str, second: str) -> bool:
    """`974` and `52.3%`: a figure and its share of the whole."""
    return second.endswith("%") and not first.endswith("%") and any(char.isdigit() for char in first)


def _split(grid: Grid, header: int, pairs: dict[int, tuple[str, str]]) -> Grid:
    def moved(column: int) -> int:  # where a column stands once the pairs before it are two
        return column + sum(1 for c in pairs if c < column)

    rows: list[list[Cell]] = []
    for r, row in enumerate(grid.rows):
        cells: list[Cell] = []
        for c, cell in enumerate(row):
            origin = (cell.origin[0], moved(cell.origin[1]))
            if c not in pairs:
                cells.append(Cell(cell.text, origin))
                continue
            if r == header:
                first, second = pairs[c]
            elif r < header:
                first = second = cell.text
            else:
                split = _cell_pair(cell.text)
                first, second = (split[0], split[1]) if split else (cell.text, "")
            cells += [Cell(first, origin), Cell(second, (origin[0], origin[1] + 1))]
        rows.append(cells)
    cell_lines = [
        [number for c, number in enumerate(numbers) for _ in range(2 if c in pairs else 1)]
        for numbers in grid.cell_lines
    ]
    return Grid(rows, grid.lines, grid.first_line, grid.last_line, grid.kind, cell_lines, grid.caption, grid.notes)
