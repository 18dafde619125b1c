"""Tables whose columns are measures instead of periods: one year's figures by breakdown (HKEX B1, B3).

    僱員人數及流失率（截至2024年12月31日）
    |          | 僱員人數（人） | 僱員流失率（%） |
    | 按性別    |               |                 |
    | 男        | 1,402         | 24.6            |
    | 全職      | 2,418         | 21.3            |
    | 總計      | 3,186         | 27.5            |

The total row gives each measure for the whole company and a gender row the measure of its gender
(`男` + `僱員人數`: the gender codes); the other rows are parts (`全職僱員人數` is no headcount) and give
nothing. The year is the one the caption names, else the report's. A header cell is a measure where the
lexicon knows it (`read.text_headers.measure_column`, as for tables printed as text).
"""

from __future__ import annotations

from ingest.read.cell_values import caption_year, value_of
from ingest.read.grid import Grid
from ingest.read.periods import unit_label_implies
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.text_headers import Column, measure_column, measure_units, read_by

_HEADER_SEARCH_ROWS = 3
_MIN_MEASURES = 2


def measure_rows(grid: Grid, caption: str, fiscal_year: int | None) -> list[KpiRow] | None:
    """The total and gender rows of a table of measures by breakdown, or None if `grid` is no such table."""
    found = _header(grid)
    if found is None or fiscal_year is None:
        return None
    header_row, columns = found
    year = caption_year(f"{caption} {grid.texts(header_row)[0]}") or fiscal_year
    if year > fiscal_year:
        return None  # a target year's split
    rows = []
    for row in range(header_row + 1, len(grid.rows)):
        cells = grid.texts(row)
        label = cells[0]
        if measured := measure_units(" ".join(cells[1:]), list(columns.values())):
            columns = dict(zip(columns, measured, strict=True))  # `（人） | （%）` under the measures
            continue
        for column, measure in columns.items():
            value = value_of(cells[column]) if column < len(cells) else None
            read = read_by(measure, label, [])
            if value is None or read is None:
                continue  # a part (`全職`, `30歲以下`, `香港`) or a section row (`按性別`)
            rows.append(
                build_row(
                    layout=Layout.TABLE,
                    source_line=grid.line_of(row, column),
                    label_line=grid.line_of(row, 0),
                    labels=[(read[0][0], f"{label} {grid.texts(header_row)[column]}")],
                    section=caption,
                    raw_value=value,
                    unit=measure.unit or unit_label_implies(measure.measure) or ("%" if value.endswith("%") else None),
                    fiscal_year=year,
                    table_header_line=grid.lines[header_row],
                )
            )
    return rows


def _header(grid: Grid) -> tuple[int, dict[int, Column]] | None:
    """(the header row, the measure of each value column), where every value column's header is a measure."""
    for row in range(min(_HEADER_SEARCH_ROWS, len(grid.rows))):
        cells = grid.texts(row)
        columns = {c: measure_column(text) for c, text in enumerate(cells[1:], start=1) if text.strip()}
        if len(columns) >= _MIN_MEASURES and all(columns.values()) and len(columns) == len(cells) - 1:
            return row, {c: column for c, column in columns.items() if column is not None}
    return None
