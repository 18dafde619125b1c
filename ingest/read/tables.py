"""Grids (HTML or Markdown tables) -> KPI rows.

A KPI table has a header row that names its period columns (`2025年`, `FY2024`, `數據`) and maybe a
unit column; every other row is a data row (label cells, unit, one value per period), a section row
(one text across the row: `環境績效`), or a parent row (a label without values: `按性別劃分`,
`溫室氣體排放`) whose children follow. The header may be repeated (a table split over pages) or
missing (a table continued in the next `<table>`, which takes the previous table's columns). A table
whose years run down its first column (`2025年 | 1,234 | 5,678` under `電力消耗/千瓦時 | …`) is read
transposed. Units come from the unit column, else the label (`員工總數(人)`), the column header
(`電力消耗/千瓦時`, `數量（人）`) or the caption (`單位：萬元`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ingest.map.normalize import normalize_label
from ingest.map.units import looks_like_unit
from ingest.read.cell_values import (
    caption_unit,
    clean_label,
    split_label,
    tile_pairs,
    unit_of_cell,
    value_and_unit,
    value_of,
)
from ingest.read.grid import Cell, Grid
from ingest.read.periods import ColumnRole, Role, column_role, is_label_header, year_of
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.text import fold, is_not_disclosed

_NUMBERING = re.compile(r"^(?:\d{1,3}[.、)]?|[(（]?[一二三四五六七八九十]{1,3}[)）、.]?|[a-z][.)])$", re.IGNORECASE)
_MAX_HEADER_SEARCH_ROWS = 4
_BARE_LABEL_CHARS = 3
_MAX_CONTINUATION_GAP_LINES = 12  # a page break, its running header and footer
_GROUP_ITEM = re.compile(r"(?<=[\u4e00-\u9fff）)])\s*[-—–]\s*(?=[\u4e00-\u9fff])")


@dataclass
class Columns:
    """The roles of a table's columns, from its header row."""

    roles: list[ColumnRole]
    header_line: int

    @property
    def value_columns(self) -> list[int]:
        return [i for i, role in enumerate(self.roles) if role.role in (Role.YEAR, Role.CURRENT, Role.PRIOR)]

    @property
    def unit_column(self) -> int | None:
        return next((i for i, role in enumerate(self.roles) if role.role is Role.UNIT), None)

    def label_columns(self) -> list[int]:
        first_value = min(self.value_columns, default=len(self.roles))
        return [i for i, role in enumerate(self.roles[:first_value]) if role.role is Role.LABEL]

    def shifted_for(self, texts: list[str]) -> Columns:
        """These columns, moved right for a row with more leading cells than the header has (a category
        cell the header does not name: `按性別劃分 | 女性員工佔比 | % | 43` under `指標 | 單位 | 2024年`)."""
        last_value = max(self.value_columns, default=-1)
        used = max((c for c, text in enumerate(texts) if text), default=-1)
        shift = used - last_value
        if shift <= 0 or last_value < 0:
            return self
        moved = [c + shift for c in self.value_columns]
        if not any(value_of(texts[c]) is not None for c in moved if c < len(texts)):
            return self
        return Columns([ColumnRole(Role.LABEL)] * shift + self.roles, self.header_line)


def _is_year_cell(text: str) -> bool:
    return year_of(text) is not None


def header_roles(cells: list[str]) -> list[ColumnRole] | None:
    """Column roles if `cells` is a header row: period columns and no values."""
    roles = [column_role(text) for text in cells]
    if not any(role.role in (Role.YEAR, Role.CURRENT, Role.PRIOR) for role in roles):
        return None
    for text, role in zip(cells, roles, strict=True):
        if role.role is Role.YEAR:
            continue
        if value_of(text) is not None:
            return None  # a data row with numbers
    bare = [text for text, role in zip(cells, roles, strict=True) if role.role is Role.YEAR and text.strip().isdigit()]
    if bare and len(bare) == sum(role.role is Role.YEAR for role in roles):
        # `2025 | 2024` with no 年: a header only if the other cells are header words or empty
        others = [fold(text) for text, role in zip(cells, roles, strict=True) if role.role is not Role.YEAR]
        if any(text and looks_like_unit(text) for text in others):
            return None
    # `數據` alone: the row must also name the label or unit column, as a header does
    names_columns = any(role.role is Role.UNIT for role in roles) or any(is_label_header(text) for text in cells)
    if not any(role.role is Role.YEAR for role in roles) and not names_columns:
        return None
    return roles


def _with_row_above(roles: list[ColumnRole], header: list[str], above: list[str]) -> list[ColumnRole]:
    """A header in two rows: `GRI 準則 | 揭露項目 | 單位 | 年度` over `| | | 113年 | 112年`. The row
    above names the columns the year row leaves empty."""
    merged = list(roles)
    for c, text in enumerate(header[: len(roles)]):
        if not text and c < len(above) and above[c]:
            upper = column_role(above[c])
            if upper.role in (Role.UNIT, Role.LABEL, Role.SKIP):
                merged[c] = upper
    return merged


def _side_by_side(grid: Grid, columns: Columns | None) -> list[Grid]:
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


def _with_measures(roles: list[ColumnRole], grid: Grid, header: int) -> list[ColumnRole] | None:
    """Year columns with what each sub-column under them measures, if the row below the header is such
    a sub-header row: text (no numbers, no not-disclosed marks) under every year column, not all the
    same, and nothing of its own in the label columns (a rowspan of the header, or empty)."""
    below = grid.texts(header + 1)
    years = [c for c, role in enumerate(roles) if role.role is Role.YEAR]
    first_year = min(years, default=0)
    if any(cell.text and cell.origin[0] != header for cell in grid.rows[header + 1][:first_year]):
        return None
    if any(c < len(below) and is_not_disclosed(below[c]) for c in years):
        return None
    if len(years) < 2 or any(c >= len(below) or not below[c] or value_and_unit(below[c])[0] for c in years):
        return None
    if len({below[c] for c in years}) < 2 or any(year_of(below[c]) is not None for c in years):
        return None
    out = list(roles)
    for c in years:
        measure, unit = split_label(below[c])
        role = column_role(measure)
        out[c] = ColumnRole(Role.YEAR, roles[c].year, unit=unit or role.unit or roles[c].unit, measure=measure)
    return out


@dataclass
class _State:
    """What a table's rows so far say about the rows that follow."""

    section: str = ""
    parent: str = ""
    parent_column: int = -1
    last_label: str = ""
    unit: str | None = None  # the unit a section row across the table gives the rows below it


@dataclass
class TableReader:
    """Reads the grids of one report in order; a headerless grid continues the previous table."""

    fiscal_year: int | None
    previous: Columns | None = None
    previous_width: int = 0
    previous_last_line: int = 0
    table_labels: str = ""

    def read(self, grid: Grid, caption: str) -> list[KpiRow] | None:
        """KPI rows of `grid`, or None if it is no period table (left to the other readers)."""
        halves = _side_by_side(grid, self._header(grid)[0])
        if halves:  # `指標|單位|2024|2023 || 指標|單位|2024|2023` in one table: two tables
            rows: list[KpiRow] = []
            for half in halves:
                rows.extend(self.read(half, caption) or [])
            return rows
        columns, start = self._header(grid)
        if columns is None:
            transposed = self._transposed(grid, caption)
            if transposed is not None:
                return transposed
            continued = grid.first_line - self.previous_last_line <= _MAX_CONTINUATION_GAP_LINES
            if self.previous is not None and grid.width == self.previous_width and continued:
                columns, start = self.previous, 0  # continued after a page break
            else:
                self.previous = None  # another table stands between: nothing to continue
                return self._tiles(grid, caption)
        self.previous, self.previous_width = columns, grid.width
        self.previous_last_line = grid.last_line
        title = " ".join(dict.fromkeys(text for r in range(max(0, start - 1)) for text in grid.texts(r) if text))
        context_head = " / ".join(part for part in (caption, title) if part)
        unit_default = caption_unit(caption) or caption_unit(title)
        state = _State()
        self.table_labels = fold(" ".join(cell.text for row in grid.rows for cell in row))
        rows: list[KpiRow] = []
        for r in range(start, len(grid.rows)):
            cells = grid.rows[r]
            texts = [cell.text for cell in cells]
            roles = header_roles(texts)
            if roles is not None:
                columns = Columns(roles, grid.lines[r])  # a repeated or new header
                self.previous = columns
                continue
            row_columns = columns.shifted_for(texts) if grid.kind == "tabs" else columns
            rows.extend(self._row(grid, r, cells, row_columns, state, context_head, unit_default))
        return rows

    def _header(self, grid: Grid) -> tuple[Columns | None, int]:
        for r in range(min(_MAX_HEADER_SEARCH_ROWS, len(grid.rows))):
            roles = header_roles(grid.texts(r))
            if roles is not None and r > 0:
                roles = _with_row_above(roles, grid.texts(r), grid.texts(r - 1))
            if roles is not None:
                measured = _with_measures(roles, grid, r) if r + 1 < len(grid.rows) else None
                if measured is not None:  # `2024年` spanning `數量（人）| 佔比` in the row below
                    return Columns(measured, grid.lines[r]), r + 2
                return Columns(roles, grid.lines[r]), r + 1
        return None, 0

    def _row(
        self,
        grid: Grid,
        r: int,
        cells: list[Cell],
        columns: Columns,
        state: _State,
        context_head: str,
        unit_default: str | None,
    ) -> list[KpiRow]:
        """The KPI rows of one grid row; a row without values updates the section or parent instead."""
        label_columns = set(columns.label_columns())
        # A label cell spanned over the value columns (`79. | 供應商數量` across the row) is no value.
        texts = [
            "" if c not in label_columns and cell.origin[1] in label_columns else cell.text
            for c, cell in enumerate(cells)
        ]
        value_columns = [c for c in columns.value_columns if c < len(cells)]
        values, cell_units = {}, {}
        for c in value_columns:
            values[c], cell_units[c] = value_and_unit(texts[c])
        if any(_NUMBERING.match(texts[c].strip()) for c in label_columns if c < len(cells) and texts[c].strip()):
            state.parent, state.parent_column = "", -1  # a numbered row is a new item
        if all(value is None for value in values.values()):
            self._structure_row(cells, r, columns, texts, value_columns, state)
            return []
        read = self._row_label(cells, r, columns, state)
        if read is None:
            return []
        label, label_unit, categories, row_year = read
        # `能源消耗（吨标准煤）` spanning its rows: the unit of rows that print none
        category_unit = next((unit for category in reversed(categories) if (unit := split_label(category)[1])), None)
        unit_cell = unit_of_cell(texts[columns.unit_column] if columns.unit_column is not None else "")
        # A bare label (`範圍二`, `密度`, `女性`) takes its meaning from the valued row above it.
        bare = len(normalize_label(label)) <= _BARE_LABEL_CHARS
        above = state.last_label if bare else ""
        section = " / ".join(part for part in (context_head, state.section, *categories, state.parent, above) if part)
        candidates = [(label, label)]
        for prefix in (*reversed(categories), state.parent):
            if prefix and prefix != label:
                candidates.append((clean_label(split_label(prefix)[0]) + label, label))
        measured = {role.measure for role in columns.roles if role.measure}
        if not bare:
            state.last_label = label
        out = []
        for c in value_columns:
            role, raw = columns.roles[c], values[c]
            year = row_year or self._year_of(role)
            if raw is None or year is None or (self.fiscal_year is not None and year > self.fiscal_year):
                continue  # not disclosed, or a future year: a target or a pathway
            unit = (
                cell_units[c]
                or (unit_cell or None)
                or label_unit
                or role.unit
                or category_unit
                or state.unit
                or unit_default
                or ("%" if raw.endswith("%") else None)
            )
            # `全體僱員` under `流失率`: the row's measure is the column's; under `數量` the row's own label
            labels = candidates
            if measured and role.measure:
                plain = column_role(role.measure).role is Role.CURRENT
                labels = [(label + role.measure, label), *(candidates if plain else [])]
            out.append(
                build_row(
                    layout=Layout.TABLE,
                    source_line=grid.line_of(r, c),
                    label_line=grid.lines[r],
                    labels=labels,
                    section=section,
                    raw_value=raw,
                    unit=unit,
                    fiscal_year=year,
                    table_header_line=columns.header_line,
                    table_labels=self.table_labels,
                )
            )
        return out

    def _year_of(self, role: ColumnRole) -> int | None:
        if role.role is Role.YEAR:
            return role.year
        if role.role is Role.PRIOR:
            return self.fiscal_year - 1 if self.fiscal_year else None
        return self.fiscal_year

    def _structure_row(
        self, cells: list[Cell], r: int, columns: Columns, texts: list[str], value_columns: list[int], state: _State
    ) -> None:
        """A row without values: one text across the row is a section; a label with empty cells a parent."""
        distinct = [text for text in dict.fromkeys(cell.text for cell in cells) if text]
        if len(distinct) == 1:
            state.section, state.parent, state.parent_column = clean_label(distinct[0]), "", -1
            state.last_label = ""
            state.unit = caption_unit(distinct[0]) or state.unit  # `表B 能源消耗 單位：兆瓦時` across the table
            return
        labels = self._labels(cells, r, columns)
        if labels and all(not texts[c] for c in value_columns):
            state.parent, state.parent_column = labels[-1]

    def _row_label(
        self, cells: list[Cell], r: int, columns: Columns, state: _State
    ) -> tuple[str, str | None, list[str], int | None] | None:
        """(label, unit it carries, category labels, a year a label cell names) of a row with values."""
        labels = self._labels(cells, r, columns)
        row_year = None
        if len(labels) >= 2 and year_of(labels[-1][0]) is not None:  # `因公死亡人數 | 人 | 2023年 | 0`
            row_year = year_of(labels[-1][0])
            labels = labels[:-1]
        if not labels:
            return None
        # A parent row's children sit in the same or a later label column (or are unnumbered).
        if state.parent and labels[-1][1] < state.parent_column:
            state.parent, state.parent_column = "", -1
        label_text = labels[-1][0]
        categories = [text for text, _ in labels[:-1]]
        group_item = _GROUP_ITEM.split(label_text, maxsplit=1)
        if len(group_item) == 2:  # `按性別劃分的員工人數-女性`: a group and its item in one cell
            categories.append(group_item[0])
            label_text = group_item[1]
        label, label_unit = split_label(label_text)
        label = clean_label(label)
        return (label, label_unit, categories, row_year) if label else None

    def _labels(self, cells: list[Cell], r: int, columns: Columns) -> list[tuple[str, int]]:
        """The row's label cells, left to right, each once (a colspan repeats a cell), no numbering."""
        seen: set[tuple[int, int]] = set()
        labels: list[tuple[str, int]] = []
        for c in columns.label_columns():
            if c >= len(cells):
                continue
            cell = cells[c]
            if cell.origin in seen or not cell.text or _NUMBERING.match(cell.text.strip()):
                continue
            seen.add(cell.origin)
            if labels and labels[-1][0] == cell.text:
                continue
            labels.append((cell.text, c))
        return labels

    def _tiles(self, grid: Grid, caption: str) -> list[KpiRow] | None:
        """Key figures laid out as a table: a row of values over (or under) a row of their labels
        (`3,215 | 58.6% | 100%` over `員工總數（人） | 女性員工佔比 | 培訓覆蓋率`), the report's own year."""
        if self.fiscal_year is None:
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
                            fiscal_year=self.fiscal_year,
                        )
                    )
                break
        return rows if used else None

    def _transposed(self, grid: Grid, caption: str) -> list[KpiRow] | None:
        """Years down the first column, indicators across the header row."""
        if len(grid.rows) < 2:
            return None
        header = grid.texts(0)
        year_rows = [r for r in range(1, len(grid.rows)) if _is_year_cell(grid.rows[r][0].text)]
        if len(year_rows) < 1 or len(year_rows) < (len(grid.rows) - 1) / 2:
            return None
        if any(_is_year_cell(text) for text in header[1:]):
            return None
        unit_default = caption_unit(caption)
        rows: list[KpiRow] = []
        for r in year_rows:
            year = year_of(grid.rows[r][0].text)
            if year is None or (self.fiscal_year is not None and year > self.fiscal_year):
                continue
            for c in range(1, len(grid.rows[r])):
                raw = value_of(grid.rows[r][c].text)
                if raw is None or c >= len(header) or not header[c]:
                    continue
                label, unit = split_label(header[c])
                label = clean_label(label)
                rows.append(
                    build_row(
                        layout=Layout.TABLE,
                        source_line=grid.lines[r],
                        label_line=grid.lines[0],
                        labels=[(label, label)],
                        section=caption,
                        raw_value=raw,
                        unit=unit or unit_default or ("%" if raw.endswith("%") else None),
                        fiscal_year=year,
                        table_header_line=grid.lines[0],
                    )
                )
        return rows
