"""Grids (HTML or Markdown tables) -> KPI rows.

A KPI table has a header row that names its period columns (`2025年`, `FY2024`, `數據`) and maybe a
unit column; every other row is a data row (label cells, unit, one value per period), a section row
(one text across the row: `環境績效`), or a parent row (a label without values: `按性別劃分`,
`溫室氣體排放`) whose children follow. The header may be repeated (a table split over pages) or
missing (a table continued in the next `<table>`, which takes the previous table's columns). A table
whose years run down its first column (`2025年 | 1,234 | 5,678` under `電力消耗/千瓦時 | …`) is read
transposed. Units come from the unit column, else the label, the column header or the caption.

This module owns the reading of a period table's rows (sections, parents, labels, values, units);
the header's column roles are `read.columns`', how a row's label reads `read.row_labels`', tiles and
transposed tables `read.table_shapes`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.map.lexicon import some_term_matches
from ingest.map.normalize import normalize_label
from ingest.map.units import is_multiplier, is_unit_alone
from ingest.read.cell_values import (
    BREAKDOWN,
    caption_unit,
    caption_year,
    clean_label,
    split_label,
    table_caption_unit,
    unit_of_cell,
    value_and_unit,
)
from ingest.read.columns import Columns, find_header, header_roles, is_year_cell, side_by_side
from ingest.read.grid import Cell, Grid
from ingest.read.periods import (
    ColumnRole,
    Role,
    column_role,
    is_label_header,
    is_subtotal,
    is_total,
    unit_label_implies,
    year_of,
)
from ingest.read.row_labels import BARE_LABEL_CHARS, RowState, row_readings
from ingest.read.row_years import dated_label
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import caption_scope
from ingest.read.table_shapes import bound_by_note, tile_rows, transposed_rows
from ingest.read.text import fold
from ingest.read.text_headers import note_column

_YEARISH = re.compile(r"\s*(?:19|20)\d{2}\s*$")  # a bare year in a label column is no numbering
_NUMBERING = re.compile(r"^(?:\d{1,3}[.、)]?|[(（]?[一二三四五六七八九十]{1,3}[)）、.]?|[a-z][.)])$", re.IGNORECASE)
_MAX_CONTINUATION_GAP_LINES = 12  # a page break, its running header and footer
_GROUP_ITEM = re.compile(r"(?<=[\u4e00-\u9fff）)])\s*[-—–－]\s*(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class _RowLabels:
    """What a row with values gives each of its value cells."""

    label: str
    candidates: list[tuple[str, str]]  # (label the rules read, label as printed)
    section: str
    year: int | None  # a year a label cell names (`因公死亡人數 | 人 | 2023年 | 0`)
    units: tuple[str | None, ...]  # unit cell, label, category, section row, caption: in that order


def _unit_cell(
    grid: Grid, texts: list[str], columns: Columns, label_columns: set[int], bare: bool, state: RowState
) -> str | None:
    """A row's unit cell; an empty one under a merged cell is the unit of the row above: unit and category
    cells merged over a category's rows (Word tables), or a Word table saved as text, which prints a merged
    cell on its first row only (`bare`: the label carries no unit of its own)."""
    unit_cell = unit_of_cell(texts[columns.unit_column] if columns.unit_column is not None else "")
    if unit_cell or columns.unit_column is None:
        state.unit_above = unit_cell
    elif (len(label_columns) > 1 and not texts[min(label_columns)].strip()) or (grid.kind == "tabs" and bare):
        unit_cell = state.unit_above
    return unit_cell


def _values(
    texts: list[str], value_columns: list[int], columns: Columns
) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """(the value, the unit printed with it) of each value cell; where each year prints its unit beside
    its values (`2024年` over `數值 | 單位`), the unit cell after the value's."""
    values, cell_units = {}, {}
    for c in value_columns:
        values[c], cell_units[c] = value_and_unit(texts[c])
        if columns.paired_units and c + 1 < len(texts) and columns.roles[c + 1].role is Role.UNIT:
            cell_units[c] = cell_units[c] or unit_of_cell(texts[c + 1]) or None
    return values, cell_units


@dataclass
class TableReader:
    """Reads the grids of one report in order; a headerless grid continues the previous table."""

    fiscal_year: int | None
    previous: Columns | None = None
    previous_width: int = 0
    previous_last_line: int = 0
    table_labels: str = ""
    caption_year: int | None = None  # `#### 2023年環境關鍵績效` over `指標 | 數值 | 單位`: its one column's year
    noted_lines: set[int] = field(default_factory=set)  # rows with a note cell: no report-wide statement
    note_columns: list[int] = field(default_factory=list)  # `備註`, `數據說明`: a note on its row

    def read(self, grid: Grid, caption: str) -> list[KpiRow] | None:
        """KPI rows of `grid`, or None if it is no period table (left to the other readers)."""
        halves = side_by_side(grid, find_header(grid)[0])
        if halves:  # `指標|單位|2024|2023 || 指標|單位|2024|2023` in one table: two tables
            rows: list[KpiRow] = []
            for half in halves:
                rows.extend(self.read(half, caption) or [])
            return rows
        columns, start = find_header(grid)
        self.caption_year = caption_year(caption)
        # a "header" found below a first row, opening with a year (`2023 | —`): a row of years down the table
        if columns is None or (start > 1 and grid.texts(start - 1) and is_year_cell(grid.texts(start - 1)[0])):
            transposed = transposed_rows(grid, caption, self.fiscal_year)
            if transposed is not None:
                return transposed
            if self._continues(grid):
                columns, start = self.previous, 0  # continued after a page break
            else:
                self.previous = None  # another table stands between: nothing to continue
                return tile_rows(grid, caption, self.fiscal_year)
        columns = columns.with_unit_column([grid.texts(r) for r in range(start, len(grid.rows))])
        self.previous, self.previous_width = columns, grid.width
        self.previous_last_line = grid.last_line
        title = " ".join(dict.fromkeys(text for r in range(max(0, start - 1)) for text in grid.texts(r) if text))
        context_head = " / ".join(part for part in (caption, title) if part)
        if columns.total_of_parts:  # `（按業務分部劃分）`: the parts are the columns left out, not these figures
            context_head = BREAKDOWN.sub("", context_head)
        unit_default = caption_unit(caption) or caption_unit(title)
        if unit_default is None and caption:  # `#### B1.2 僱員流失比率（%）` over the table: its rows' unit
            unit_default = table_caption_unit(caption.rsplit(" / ", 1)[-1])
        state = RowState()
        header = grid.texts(start - 1) if start > 0 else []
        self.note_columns = [
            c
            for c, role in enumerate(columns.roles)
            if role.role in (Role.SKIP, Role.LABEL) and c < len(header) and note_column().search(header[c])
        ]
        label_columns = columns.label_columns()
        # `僱員流失率 | 2024年（%）`, `按地區劃分的供應商數目 | 2024年`: a label column headed by what the table
        # measures; its total row (`整體`, `總數`) is that measure's
        corner = header[label_columns[0]] if label_columns and label_columns[0] < len(header) else ""
        if is_unit_alone(corner.strip("（）() ")):  # `人民幣千元 | 2024財年 | 2023財年`: the unit of every row
            unit_default = unit_default or corner.strip("（）() ")
        elif corner and not is_label_header(corner):
            measure, corner_unit = split_label(corner)  # `廢氣排放（千克） | 集團總計 | …`: the measure and its unit
            unit_default = unit_default or corner_unit
            state.measure = BREAKDOWN.sub("", measure if corner_unit else corner).strip()
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

    def _continues(self, grid: Grid) -> bool:
        """Whether a headerless grid continues the table before it across a page break: as wide, close
        after it, and not opening with a header of its own (`指標 | 單位 | 2025年目標`: a table of targets)."""
        continued = grid.first_line - self.previous_last_line <= _MAX_CONTINUATION_GAP_LINES
        own_header = bool(grid.rows and grid.rows[0] and is_label_header(grid.rows[0][0].text))
        return self.previous is not None and grid.width == self.previous_width and continued and not own_header

    def _row(
        self,
        grid: Grid,
        r: int,
        cells: list[Cell],
        columns: Columns,
        state: RowState,
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
        values, cell_units = _values(texts, value_columns, columns)
        if any(_NUMBERING.match(texts[c].strip()) for c in label_columns if c < len(cells) and texts[c].strip()):
            state.parent, state.parent_column = "", -1  # a numbered row is a new item
        if all(value is None for value in values.values()):
            self._structure_row(cells, r, columns, texts, value_columns, state)
            return []
        read = self._row_label(cells, r, columns, state)
        if read is None:
            return []
        label, label_unit, categories, row_year = read
        # A bare label (`範圍二`, `密度`, `女性`) takes its meaning from the valued row above it.
        bare = len(normalize_label(label)) <= BARE_LABEL_CHARS
        if not bare and BREAKDOWN.match(state.section) and some_term_matches(label):
            state.section = ""  # `每名僱員平均受訓時數` after `按性別劃分` / `男` / `女`: a metric of its own ends it
        # `能源消耗（吨标准煤）` spanning its rows: the unit of rows that print none
        category_unit = next((unit for category in reversed(categories) if (unit := split_label(category)[1])), None)
        unit_cell = _unit_cell(grid, texts, columns, label_columns, not label_unit, state)
        candidates, context = row_readings(label, categories, state, context_head, state.last_label if bare else "")
        row = _RowLabels(
            label=label,
            candidates=candidates,
            section=" / ".join(part for part in context if part),
            year=row_year,
            units=(unit_cell or None, label_unit, category_unit, state.unit, unit_default),
        )
        if not bare:
            state.last_label = label
        state.subtotal_seen = state.subtotal_seen or is_subtotal(label)
        out = []
        for c in value_columns:
            kpi_row = self._value_row(grid, r, c, columns, values[c], cell_units[c], row)
            if kpi_row is not None:
                out.append(kpi_row)
        part = caption_scope(state.section) if state.section else None  # a section row `控股子公司：某某物流有限公司`
        for kpi_row in out if part else ():
            kpi_row.bound_by(part)
        note = " ".join(texts[c] for c in self.note_columns if c < len(texts))
        if note.strip():
            self.noted_lines.add(grid.lines[r])
            bound_by_note(out, note)
        return out

    def _value_row(
        self, grid: Grid, r: int, c: int, columns: Columns, raw: str | None, cell_unit: str | None, row: _RowLabels
    ) -> KpiRow | None:
        """The KPI row of one value cell: the year from the row or its column; the unit from the cell,
        else the row (unit cell, label), the column, the category, a section row or the caption."""
        role = columns.roles[c]
        year = row.year or self._year_of(role)
        if raw is None or year is None or (self.fiscal_year is not None and year > self.fiscal_year):
            return None  # not disclosed, or a future year: a target or a pathway
        unit_cell, label_unit, category_unit, section_unit, unit_default = row.units
        magnitude = cell_unit if cell_unit and is_multiplier(cell_unit) else ""  # `5.02萬` in a 噸 row: 萬噸
        unit = (
            (cell_unit if not magnitude else None)
            or unit_cell
            or label_unit
            or role.unit
            or category_unit
            or section_unit
            or unit_default
            or ("%" if raw.endswith("%") else None)
            or unit_label_implies(row.label)
        )
        unit = f"{magnitude}{unit}" if magnitude and unit else unit
        if unit and role.unit and role.unit.startswith("/") and "/" not in unit:
            unit += role.unit  # `2024年（/萬元營業收入）` over `排放強度（噸二氧化碳當量）`: the denominator
        # `全體僱員` under `流失率`: the row's measure is the column's; under `數量` the row's own label
        labels = row.candidates
        measured = {column.measure for column in columns.roles if column.measure}
        if measured and role.measure:
            plain = column_role(role.measure).role is Role.CURRENT
            labels = [(row.label + role.measure, row.label), *(row.candidates if plain else [])]
            if is_total(row.label):  # `整體` under `平均受訓時數`
                labels.insert(0, (role.measure, row.label))
        return build_row(
            layout=Layout.TABLE,
            source_line=grid.line_of(r, c),
            label_line=grid.lines[r],
            labels=labels,
            section=row.section,
            raw_value=raw,
            unit=unit,
            fiscal_year=year,
            table_header_line=columns.header_line,
            table_labels=self.table_labels,
        )

    def _year_of(self, role: ColumnRole) -> int | None:
        if role.role is Role.YEAR:
            return role.year
        if role.role is Role.PRIOR:
            return self.fiscal_year - role.back if self.fiscal_year else None
        return self.caption_year or self.fiscal_year

    def _structure_row(
        self, cells: list[Cell], r: int, columns: Columns, texts: list[str], value_columns: list[int], state: RowState
    ) -> None:
        """A row without values: one text across the row is a section; a label with empty cells a parent."""
        distinct = [text for text in dict.fromkeys(cell.text for cell in cells) if text]
        if len(distinct) == 1:
            state.section, state.parent, state.parent_column = clean_label(distinct[0]), "", -1
            state.subtotal_seen = False
            state.last_label = ""
            state.unit = caption_unit(distinct[0]) or state.unit  # `表B 能源消耗 單位：兆瓦時` across the table
            measure, measure_unit = split_label(clean_label(distinct[0]))
            if measure_unit:  # `受訓僱員百分比（%）` over `按性別` … `整體`: what the rows below measure
                state.measure, state.unit = measure, measure_unit
            elif not BREAKDOWN.match(measure):  # a new topic, not a breakdown of the measure above
                state.measure = ""
            return
        labels = self._labels(cells, r, columns)
        if labels and all(not texts[c] for c in value_columns):
            state.parent, state.parent_column = labels[-1]

    def _row_label(
        self, cells: list[Cell], r: int, columns: Columns, state: RowState
    ) -> tuple[str, str | None, list[str], int | None] | None:
        """(label, unit it carries, category labels, a year a label cell names) of a row with values."""
        labels = self._labels(cells, r, columns)
        row_year = None
        if len(labels) == 1 and state.year_label[0] and year_of(labels[0][0]) is not None:
            labels = [state.year_label, *labels]  # `| | 2023 | 1,402.18 |`: the year row of the label above
        if len(labels) >= 2 and year_of(labels[-1][0]) is not None:  # `因公死亡人數 | 人 | 2023年 | 0`
            row_year = year_of(labels[-1][0])
            labels = labels[:-1]
            state.year_label = labels[-1]
        if not labels:
            return None
        # A parent row's children sit in the same or a later label column (or are unnumbered).
        if state.parent and labels[-1][1] < state.parent_column:
            state.parent, state.parent_column = "", -1
        label_text = labels[-1][0]
        if row_year is None and not any(role.role is Role.YEAR for role in columns.roles):
            row_year, label_text, state.dated_label = dated_label(label_text, state.dated_label)
        categories = [text for text, _ in labels[:-1]]
        group_item = _GROUP_ITEM.split(label_text, maxsplit=1)
        if len(group_item) == 2 and not is_unit_alone(group_item[1].strip()):  # (`員工總數 - 人`: its unit)
            # `按性別劃分的員工人數-女性`: a group and its item in one cell
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
            numbering = _NUMBERING.match(cell.text.strip()) and not _YEARISH.match(cell.text)
            if cell.origin in seen or not cell.text or numbering:
                continue
            seen.add(cell.origin)
            if labels and labels[-1][0] == cell.text:
                continue
            labels.append((cell.text, c))
        return labels
