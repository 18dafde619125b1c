"""Grids that are no period table: key figures laid out as a table (a row of values over a row of
their labels) and transposed tables (years down the first column, indicators across the header).
"""

from __future__ import annotations

import re

from ingest.map.units import looks_like_unit
from ingest.read.cell_values import CAPTION_YEAR, caption_unit, clean_label, split_label, tile_pairs, value_of
from ingest.read.columns import is_year_cell
from ingest.read.grid import Grid
from ingest.read.periods import Role, column_role, year_of
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import note_scope
from ingest.read.text import fold
from ingest.read.text_headers import note_column


def tile_rows(grid: Grid, caption: str, fiscal_year: int | None) -> list[KpiRow] | None:
    """Key figures laid out as a table: a row of values over (or under) a row of their labels
    (`3,215 | 58.6% | 100%` over `員工總數（人） | 女性員工佔比 | 培訓覆蓋率`), the report's own year."""
    if fiscal_year is None:
        return None
    rows: list[KpiRow] = []
    used: set[int] = set()
    for r in range(len(grid.rows) - 1):
        if r in used:
            continue
        for value_row, label_row in ((r, r + 1), (r + 1, r)):
            pairs = tile_pairs(grid.texts(value_row), grid.texts(label_row))
            if pairs is None:
                continue
            used.update((r, r + 1))
            for c, raw, unit, label in pairs:
                label, label_unit = split_label(label)
                label = clean_label(label)
                rows.append(
                    build_row(
                        layout=Layout.KEY_FIGURE,
                        source_line=grid.line_of(value_row, c),
                        label_line=grid.line_of(label_row, c),
                        labels=[(label, label)],
                        section=caption,
                        raw_value=raw,
                        unit=unit or label_unit or ("%" if raw.endswith("%") else None),
                        fiscal_year=fiscal_year,
                    )
                )
            break
    return rows if used else None


def _unit_row(grid: Grid, first_year_row: int) -> dict[int, str]:
    """The unit of each indicator column, from a row of units between the header and the years."""
    for r in range(1, first_year_row):
        cells = grid.texts(r)[1:]
        units = {c + 1: text for c, text in enumerate(cells) if text and looks_like_unit(text)}
        if units and len(units) * 2 >= len([text for text in cells if text]):
            return units
    return {}


def transposed_rows(grid: Grid, caption: str, fiscal_year: int | None) -> list[KpiRow] | None:
    """Years down the first column, indicators across the header row."""
    if len(grid.rows) < 2:
        return None
    header = grid.texts(0)
    year_rows = [r for r in range(1, len(grid.rows)) if is_year_cell(grid.rows[r][0].text)]
    # the other rows with figures (rows of a unit, a boundary or a reference, `統計範圍 | 本集團`, hold none)
    others = [
        r
        for r in range(1, len(grid.rows))
        if r not in year_rows and any(value_of(cell.text) is not None for cell in grid.rows[r][1:])
    ]
    if len(year_rows) < 1 or len(year_rows) <= len(others):
        return None
    if any(is_year_cell(text) for text in header[1:]):
        return None
    # two header rows, each indicator's category over it (`| 年度 | 溫室氣體排放 | 溫室氣體排放 |` / `| | 範圍一（噸） | …`)
    names = [text for text in grid.texts(1)[1:] if text]  # (not a row of units: `| | 吨 | 万千瓦时 |`, `_unit_row`'s)
    sub_header = not grid.rows[1][0].text and names and all(value_of(text) is None for text in names)
    sub_header = sub_header and not all(looks_like_unit(text.strip("（）() ")) for text in names)
    categories, header = (header, grid.texts(1)) if sub_header else ([], header)
    unit_default = caption_unit(caption)
    column_units = _unit_row(grid, year_rows[0])  # `| 吨 | 吨 | 万千瓦时 | 人 |` under the indicators
    notes = [c for c in range(1, len(header)) if note_column().search(header[c])]  # `備註`: no indicator
    rows: list[KpiRow] = []
    for r in year_rows:
        read = len(rows)
        year = year_of(grid.rows[r][0].text)
        if year is None or (fiscal_year is not None and year > fiscal_year):
            continue
        for c in range(1, len(grid.rows[r])):
            raw = value_of(grid.rows[r][c].text)
            if raw is None or c >= len(header) or not header[c] or c in notes:
                continue
            label, unit = split_label(header[c])
            if column_role(header[c]).role is Role.CURRENT and caption:
                # `| 年度 | 數值 |` under `### 溫室氣體排放總量（噸）`: the caption names what the values are
                label, unit = split_label(clean_label(caption.rsplit(" / ", 1)[-1]))
            label = clean_label(label)
            category = clean_label(categories[c]) if c < len(categories) and categories[c] != header[c] else ""
            rows.append(
                build_row(
                    layout=Layout.TABLE,
                    source_line=grid.lines[r],
                    label_line=grid.lines[0],
                    labels=[(label, label), *([(category + label, label)] if category else [])],
                    section=" / ".join(part for part in (caption, category) if part),
                    raw_value=raw,
                    unit=unit or column_units.get(c) or unit_default or ("%" if raw.endswith("%") else None),
                    fiscal_year=year,
                    table_header_line=grid.lines[0],
                )
            )
        if note := " ".join(grid.rows[r][c].text for c in notes if c < len(grid.rows[r])).strip():
            bound_by_note(rows[read:], note)
    return rows


_NOTE_CLAUSE = re.compile(r"[；;。]")
_INNER_NOTE = re.compile(r"[（(]([^（）()]+)[）)]")


def bound_by_note(rows: list[KpiRow], note: str) -> None:
    """A row's note that bounds its figures (`2022年數據僅統計常州生產基地；2023年起為全口徑`, a boundary
    cell `台灣及大陸廠區（2022年僅台灣廠區）`): the figures of the years its bounding clause names (all where
    it names none) are that part's; the note bounds no other row of the report."""
    clauses = [
        part
        for clause in _NOTE_CLAUSE.split(note)
        for part in (_INNER_NOTE.sub("", clause), *_INNER_NOTE.findall(clause))
    ]
    for clause in clauses:
        years = {int(year) for year in CAPTION_YEAR.findall(fold(clause))}
        part = note_scope(clause) or (note_scope(CAPTION_YEAR.sub("", fold(clause))) if years else None)
        if part is None:
            continue
        for row in rows:
            if not years or row.fiscal_year in years:
                row.bound_by(part)
