"""The header of a grid: which column holds labels, the unit, each period's values, or nothing.

A header row names period columns (`2025年`, `FY2024`, `本年度`, `數據`); it may span two rows (a
row above names the columns the year row leaves empty), carry a sub-header of measures under each
year (`2024年` over `數量（人） | 佔比`), or repeat label and value columns side by side (two tables
in one). The rows of a table are read by `read.tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise

from ingest.map.units import is_unit_alone, looks_like_unit
from ingest.map.vocabulary import role_pattern
from ingest.read.cell_values import split_label, value_and_unit, value_of
from ingest.read.grid import Cell, Grid
from ingest.read.periods import (
    ColumnRole,
    Role,
    column_role,
    is_consolidated_column,
    is_label_header,
    is_total,
    parent_only_columns,
    running_back,
    year_of,
)
from ingest.read.text import fold, is_not_disclosed
from ingest.read.text_headers import note_column

_MAX_HEADER_SEARCH_ROWS = 4
_UNIT_COLUMN_SHARE = 0.6  # units in most of its cells: a unit or two may be spelled in a way not known


@dataclass
class Columns:
    """The roles of a table's columns, from its header row."""

    roles: list[ColumnRole]
    header_line: int
    total_of_parts: bool = False  # the one value column totals parts printed beside it (`… | 零售 | 總計`)

    @cached_property
    def value_columns(self) -> tuple[int, ...]:
        """Read for every row of the table: worked out once (the roles do not change)."""
        return tuple(i for i, role in enumerate(self.roles) if role.role in (Role.YEAR, Role.CURRENT, Role.PRIOR))

    @cached_property
    def paired_units(self) -> bool:
        """Whether each year prints its own unit beside its values (`2024年` over `數值 | 單位`, ...)."""
        return sum(1 for role in self.roles if role.role is Role.UNIT) > 1

    @property
    def unit_column(self) -> int | None:
        return next((i for i, role in enumerate(self.roles) if role.role is Role.UNIT), None)

    def label_columns(self) -> list[int]:
        first_value = min(self.value_columns, default=len(self.roles))
        return [i for i, role in enumerate(self.roles[:first_value]) if role.role is Role.LABEL]

    def with_unit_column(self, rows: list[list[str]]) -> Columns:
        """These columns with a label column whose cells are units made the unit column: a converter that
        repeats a spanned header cell over the unit column (`關鍵績效指標 | 關鍵績效指標 | 2024年`) names
        both label columns alike. A section row (the same text in every cell) says nothing of it."""
        labels = self.label_columns()
        if len(labels) < 2 or self.unit_column is not None:
            return self
        for column in labels[1:]:
            cells = [row[column] for row in rows if column < len(row) and row[column] and row[column] != row[0]]
            if cells and sum(map(looks_like_unit, cells)) >= _UNIT_COLUMN_SHARE * len(cells):
                roles = [ColumnRole(Role.UNIT) if c == column else role for c, role in enumerate(self.roles)]
                return Columns(roles, self.header_line)
        return self

    def shifted_for(self, texts: list[str]) -> Columns:
        """These columns, moved right for a row with more leading cells than the header has (a category
        cell the header does not name: `按性別劃分 | 女性員工佔比 | % | 43` under `指標 | 單位 | 2024年`)."""
        last_value = max(self.value_columns, default=-1)
        used = max((c for c, text in enumerate(texts) if text), default=-1)
        if 0 <= used < len(self.roles) and self.roles[used].role is Role.SKIP:
            return self  # the last cell is under a column the header names (`備註`), not moved right
        shift = used - last_value
        if shift <= 0 or last_value < 0:
            return self
        moved = [c + shift for c in self.value_columns]
        if not any(value_of(texts[c]) is not None for c in moved if c < len(texts)):
            return self
        return Columns([ColumnRole(Role.LABEL)] * shift + self.roles, self.header_line)


# `1,320 學時`: a figure and its word (not a year: `2024 年占比（%）`)
_FIGURE_AND_WORD = re.compile(r"^\s*[-−]?(?!(?:19|20)\d{2}(?!\d))\d[\d,]*(?:\.\d+)?\s+\S")
_LONG_TABLE_LABEL_COLUMNS = 2  # the metric's and the year's


def is_year_cell(text: str) -> bool:
    return year_of(text) is not None


def header_roles(cells: list[str]) -> list[ColumnRole] | None:
    """Column roles if `cells` is a header row: period columns and no values."""
    if any(
        (
            value_of(text) is not None
            or (text[:1].isdigit() and (value_and_unit(text)[0] is not None or _FIGURE_AND_WORD.match(text)))
        )
        and year_of(text) is None
        for text in cells
    ):
        return None  # a number (maybe with its unit: `1,284.36 公噸CO2e`, `1,320 學時`) that is no year: a data row
    if any(is_not_disclosed(text) for text in cells):
        return None  # `因工傷損失工作日數 | FY2023 | -`: a row of a year whose figure is not disclosed
    roles = [column_role(text) for text in cells]
    if not any(role.role in (Role.YEAR, Role.CURRENT, Role.PRIOR) for role in roles):
        return None
    first_label = next((c for c, role in enumerate(roles) if role.role is Role.LABEL), None)
    for c, text in enumerate(cells):  # `項目 | 單位 | 資料範疇 | 111年度`: a notes or boundary column is no label
        if roles[c].role is Role.LABEL and c != first_label and note_column().search(text):
            roles[c] = ColumnRole(Role.SKIP)
    for c in parent_only_columns(cells):  # `113年 本公司 | 113年 合併`: the group's column, not the parent's
        roles[c] = ColumnRole(Role.SKIP)
    backs = running_back(cells, [role.back if role.role is Role.PRIOR else 0 for role in roles])
    roles = [replace(role, back=back) if back else role for role, back in zip(roles, backs, strict=True)]
    if roles and roles[0].role is Role.CURRENT and any(role.role is Role.YEAR for role in roles[1:]):
        # `僱員人數 | 2024年（人） | 2023年（人）`: before year columns, a measure names the label column
        roles[0] = ColumnRole(Role.LABEL)
    bare = [text for text, role in zip(cells, roles, strict=True) if role.role is Role.YEAR and text.strip().isdigit()]
    if bare and len(bare) == sum(role.role is Role.YEAR for role in roles):
        # `2025 | 2024` with no 年: a header only if the other cells are header words or empty
        others = [fold(text) for text, role in zip(cells, roles, strict=True) if role.role is not Role.YEAR]
        if any(text and looks_like_unit(text) for text in others):
            return None
    if any(role.role is Role.YEAR for role in roles):
        return roles
    # `數據` alone: the row must also name the label or unit column, as a header does, or the period
    # before (`物料 | 上一報告期 | 本報告期`), or a column of years beside the label column of a long
    # table (`指標 | 年度 | 數據`)
    if any(role.role is Role.UNIT for role in roles) or any(is_label_header(text) for text in cells):
        return roles
    if {Role.CURRENT, Role.PRIOR} <= {role.role for role in roles}:
        return roles
    labels = sum(1 for role in roles if role.role is Role.LABEL)
    year_column = any(role_pattern("year_column_header").fullmatch(fold(text)) for text in cells)
    return roles if year_column and labels >= _LONG_TABLE_LABEL_COLUMNS else None


def _with_row_above(roles: list[ColumnRole], header: list[str], above: list[str]) -> list[ColumnRole]:
    """A header in two rows: `GRI 準則 | 揭露項目 | 單位 | 年度` over `| | | 113年 | 112年`. The row
    above names the columns the year row leaves empty."""
    merged = list(roles)
    for c, text in enumerate(header[: len(roles)]):
        if not text and c < len(above) and above[c]:
            upper = column_role(above[c])
            if upper.role in (Role.UNIT, Role.LABEL, Role.SKIP):
                merged[c] = upper
    spread = list(above[: len(roles)])
    for c in range(1, len(spread)):  # `| 本集团 | | 本行 | |` over the years: a Markdown row lost the colspan
        if not spread[c] and roles[c].role is Role.YEAR and roles[c - 1].role is Role.YEAR:
            spread[c] = spread[c - 1]
    for c in parent_only_columns(spread):  # `本集团 | 本行` over `2024年 | 2023年` each: the group's figures
        merged[c] = ColumnRole(Role.SKIP) if merged[c].role is Role.YEAR else merged[c]
    spans = [above[c] if c < len(above) else "" for c, role in enumerate(roles) if role.role is Role.YEAR]
    if not all(spans) or len(set(spans)) < 2:
        return merged  # one title over every year (`環境`, `年度`: a colspan, or Docling repeating it)
    for c, role in enumerate(roles):
        # `受訓僱員百分比（%）| 平均受訓時數（小時）` each spanning `2024年 | 2023年`: what each year column measures
        if (
            role.role is Role.YEAR
            and not role.measure
            and above[c] != header[0]
            and column_role(above[c]).role is Role.LABEL
            and year_of(above[c]) is None
        ):
            measure, unit = split_label(above[c])
            merged[c] = replace(role, unit=unit or role.unit, measure=measure)
    return merged


def side_by_side(grid: Grid, columns: Columns | None) -> list[Grid]:
    """The halves of a table printed side by side (label columns again after value columns), each as
    its own grid; [] for an ordinary table."""
    if columns is None:
        return []
    roles = columns.roles
    starts = [0]
    for c in range(1, len(roles)):
        after_values = any(role.role in (Role.YEAR, Role.CURRENT, Role.PRIOR) for role in roles[starts[-1] : c])
        if roles[c].role is Role.LABEL and after_values and is_label_header(grid.texts(_header_row(grid))[c]):
            starts.append(c)
    if len(starts) < 2:
        return []
    bounds = [*starts, len(roles)]
    return [
        Grid(
            [[Cell(cell.text, (cell.origin[0], cell.origin[1] - a)) for cell in row[a:b]] for row in grid.rows],
            grid.lines,
            grid.first_line,
            grid.last_line,
            grid.kind,
            cell_lines=[numbers[a:b] for numbers in grid.cell_lines],
        )
        for a, b in pairwise(bounds)
    ]


def _header_row(grid: Grid) -> int:
    return next((r for r in range(min(_MAX_HEADER_SEARCH_ROWS, len(grid.rows))) if header_roles(grid.texts(r))), 0)


def _lost_spans(roles: list[ColumnRole], header: list[str], below: list[str]) -> list[ColumnRole]:
    """A year cell spanning sub-columns, converted to Markdown without its colspan (`2024年 |  | 2023年 |  |`
    over `目標 | 實際 | 目標 | 實際`): an empty header cell right of a year, with a sub-header below it, is
    that year's."""
    out = list(roles)
    for c in range(1, len(out)):
        empty = c < len(header) and not header[c] and c < len(below) and below[c]
        if empty and out[c - 1].role is Role.YEAR and c - 1 < len(below) and below[c - 1]:
            out[c] = out[c - 1]
    return out


def _with_measures(roles: list[ColumnRole], grid: Grid, header: int) -> list[ColumnRole] | None:
    """Year columns with what each sub-column under them measures, if the row below the header is such
    a sub-header row: text (no numbers, no not-disclosed marks) under every year column, not all the
    same, and nothing of its own in the label columns (a rowspan of the header, or empty)."""
    below, above = grid.texts(header + 1), grid.texts(header)
    roles = _lost_spans(roles, above, below)
    years = [c for c, role in enumerate(roles) if role.role is Role.YEAR]
    first_year = min(years, default=0)
    if any(
        cell.text and cell.origin[0] > header and cell.text != above[c]
        for c, cell in enumerate(grid.rows[header + 1][:first_year])
    ):
        return None  # text of its own under the label column (a rowspan from above, or its text repeated: none)
    if any(c < len(below) and is_not_disclosed(below[c]) for c in years):
        return None
    if len(years) < 2 or any(c >= len(below) or not below[c] or value_and_unit(below[c])[0] for c in years):
        return None
    if all(is_unit_alone(below[c]) for c in years):  # a row of units under the years (`萬噸標準煤`, `PJ`)
        return [replace(role, unit=below[c]) if c in years else role for c, role in enumerate(roles)]
    if len({below[c] for c in years}) < 2 or any(year_of(below[c]) is not None for c in years):
        return None
    out = list(roles)
    if any(is_total(below[c]) for c in years):  # `2024年` over `香港 | 中國內地 | 合計`: the total is the year's
        return [
            (ColumnRole(Role.YEAR, role.year, unit=role.unit) if is_total(below[c]) else ColumnRole(Role.SKIP))
            if c in years
            else role
            for c, role in enumerate(roles)
        ]
    parents = parent_only_columns(below)  # `113年 | 113年` over `本公司 | 合併`
    for c in years:
        measure, unit = split_label(below[c])
        measure = "" if parents and is_consolidated_column(measure) else measure  # the group's: no measure
        role = ColumnRole(Role.SKIP) if c in parents else column_role(measure)
        # `2024年` over `數值 | 單位`: the year's values and the unit they are in
        if role.role in (Role.UNIT, Role.SKIP):  # `2024年` over `數值 | 同比變化`: the change is no value
            out[c] = ColumnRole(role.role)  # `2024年` over `目標 | 實際`: a target is none either
            continue
        measure = "" if role.role is Role.CURRENT else measure  # `實際`, `數值`: the year's figure itself
        out[c] = ColumnRole(Role.YEAR, roles[c].year, unit=unit or role.unit or roles[c].unit, measure=measure)
    return out


def find_header(grid: Grid) -> tuple[Columns | None, int]:
    """The columns of `grid`'s header row (searched in its first rows) and the row its data starts at."""
    for r in range(min(_MAX_HEADER_SEARCH_ROWS, len(grid.rows))):
        roles = header_roles(grid.texts(r))
        if roles is not None and r > 0:
            roles = _with_row_above(roles, grid.texts(r), grid.texts(r - 1))
        if roles is not None:
            measured = _with_measures(roles, grid, r) if r + 1 < len(grid.rows) else None
            if measured is not None:  # `2024年` spanning `數量（人）| 佔比` in the row below
                parts = any(is_total(text) for text in grid.texts(r + 1))  # (`香港 | 中國內地 | 合計`)
                return Columns(measured, grid.lines[r], total_of_parts=parts), r + 2
            return Columns(roles, grid.lines[r]), r + 1
    found = _measure_header(grid)
    return found if found[0] is not None else _total_column_header(grid)


_MIN_PARTS_AFTER_TOTAL = 2
_MIN_TOTAL_LAST = 3  # the label column and two parts before it


def _total_column_header(grid: Grid) -> tuple[Columns | None, int]:
    """A first row of parts as columns and their total last (`指標 | 單位 | 物業發展 | 酒店 | 零售 | 總計`) or
    first (`指標 | 單位 | 集團總計 | 其中：物業 | 酒店 | 零售`): the total column holds the company's figures of
    the caption's year, the parts' columns none."""
    cells = grid.texts(0) if grid.rows else []
    roles = [column_role(text) for text in cells]
    last = max((c for c, text in enumerate(cells) if text), default=-1)
    if last >= _MIN_TOTAL_LAST and is_total(cells[last]):
        total = last
        parts = [c for c, role in enumerate(roles[:last]) if c > 0 and role.role is Role.LABEL]
    else:  # the total before its parts
        total = next((c for c, text in enumerate(cells) if c > 0 and is_total(text)), -1)
        parts = [c for c, role in enumerate(roles) if c > total and role.role is Role.LABEL] if total > 0 else []
        parts = parts if len(parts) >= _MIN_PARTS_AFTER_TOTAL else []
    if not parts:
        return None, 0
    if any(
        role_pattern(gender).fullmatch(fold(cells[c])) for c in parts for gender in ("male_column", "female_column")
    ):
        return None, 0  # genders as columns: `read.gender_tables` reads their total row
    if any(value_of(text) is not None for text in cells):
        return None, 0
    named = [ColumnRole(Role.SKIP) if c in parts else role for c, role in enumerate(roles)]
    named[total] = ColumnRole(Role.CURRENT)
    return Columns(named, grid.lines[0], total_of_parts=True), 1


def _measure_header(grid: Grid) -> tuple[Columns | None, int]:
    """A first row of a label and measures that imply their units (`董事會組成（於2025年3月31日） | 人數`):
    the report's own figures, though no cell names the label column as `類別` or `指標` would."""
    cells = grid.texts(0) if grid.rows else []
    roles = [column_role(text) for text in cells]
    if (
        len(roles) >= 2
        and roles[0].role is Role.LABEL
        and all(value_of(text) is None for text in cells)
        and all(role.role is Role.CURRENT and role.unit for role in roles[1:])
    ):
        return Columns(roles, grid.lines[0]), 1
    return None, 0
