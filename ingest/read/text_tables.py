"""Tables printed as text (PDF text extraction, tab or space aligned): one line per row.

A header line that names the period columns (`指標 單位 2023 年數據 2022 年數據`, `指標 本年度 上年度`) opens a
table; each following line that ends in one value per column is a row (`label unit v1 v2 v3`). Wrapped
labels, a unit on the line below the values, indentation (sub-rows, sub-headings), the caption above
(`表4-2 電力使用情形 單位：千度`), page furniture between rows, notes in words (`僅含台灣廠區` bounds its
row), a `（續）` caption going on with the table above and a category column are handled.

The header's grammar (years, periods, measures, entities, units, changes, notes) is `read.text_headers`',
how a row's tokens split into label, unit and values `read.text_rows`'. A label whose values stand one
per line below it is one row; a row printing no unit takes its measure word's (`工作日數`: days).
"""

from __future__ import annotations

import re

from ingest.map.units import looks_like_unit
from ingest.read.cell_values import BREAKDOWN, clean_label, split_label, unit_line
from ingest.read.cells import is_cells_line
from ingest.read.layout import Line, words
from ingest.read.periods import is_subtotal, is_total, unit_label_implies
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Companies, Scope, caption_scope, lead_in_scope
from ingest.read.table_shapes import bound_by_note
from ingest.read.text import HAN, is_not_disclosed, is_number
from ingest.read.text_captions import caption_above, lead_in_above
from ingest.read.text_headers import (
    BRACKETED_UNIT,
    Column,
    header_at,
    index_names,
    label_columns,
    measure_units,
    other_header,
    parse_header,
    read_by,
    row_period,
    sub_columns,
    units_row,
)
from ingest.read.text_rows import category_and_item, label_and_unit, open_brackets, row_values, unit_with_gloss
from ingest.read.wrapped_labels import completes_a_metric, opens_or_closes_bracket, wraps_with_its_unit

_PROSE_END = re.compile(r"[。；;！!？?]")
# Page furniture inside a PDF table: rules, a page number alone.
_FURNITURE = re.compile(r"^\s*(?:[─━—–\-=_·•.\s]{5,}|\d{1,4})\s*$")
_MAX_LABEL_FRAGMENTS = 3
_DIGIT_RUN = re.compile(r"(?<!['\d])\d")  # a figure; a units line holds none (`'000 kWh` is a unit)
_NEXT_TABLE = re.compile(r"^(?:表|圖表|图表|table)\s*\d{1,2}(?:[-.]\d{1,2})?\s*[:：、.]?\s*\S", re.IGNORECASE)
_MAX_GAP_LINES = 12
_CONTINUED = re.compile(r"[（(]\s*(?:續|续|續表|续表|continued|cont'd)\s*[)）]\s*$", re.IGNORECASE)
_CATEGORY_AND_LABEL = 2


def _indent(line: str) -> int:
    stripped = line.lstrip(" \t\u3000")
    prefix = line[: len(line) - len(stripped)]
    return prefix.count("\t") * 4 + prefix.count(" ") + prefix.count("\u3000") * 2


class _TableState:
    def __init__(self, columns: list[Column], header_line: int, heading: str, unit: str | None = None) -> None:
        self.columns = columns
        self.header_line = header_line
        self.heading = heading
        self.caption_unit = unit  # `單位：千度` on the caption line: the unit of rows that print none
        self.block_unit: str | None = None  # `單位：噸` on a line of its own inside the table, until a heading
        self.caption = heading
        self.topic = ""  # the last sub-heading that is no breakdown: `僱員流失率` over `按性別劃分`
        self.heading_indent: int | None = None  # the indent of a sub-heading inside the table
        self.deeper_row_seen = False
        self.parents: list[tuple[int, str]] = []
        self.fragments: list[tuple[int, str]] = []
        self.before_fragments: tuple = ()  # the sub-heading state the first fragment replaced
        self.stacked: list[tuple[int, str]] = []  # values printed one per line under their label
        self.header_at: list[tuple[int, int]] | None = None  # where each column's header starts
        self.part: Scope | None = None  # the caption says the table holds one part's figures
        self.gap = 0
        self.label_columns = 1  # `廢棄物類別 處理方式 112年 113年`: a category column before the label column

    def context(self, indent: int) -> str:
        while self.parents and self.parents[-1][0] >= indent:
            self.parents.pop()
        return " / ".join([self.heading, *(label for _, label in self.parents)])


_MIN_METRIC_LABEL_CHARS = 4  # `女性僱員比例（%）` is a metric; `男性（人）` may be a row under `按性別劃分`


def parse_tables(
    lines: list[Line], default_year: int | None, consumed: set[int], companies: Companies | None = None
) -> list[KpiRow]:
    """Rows of every period-column table; adds the line numbers it reads to `consumed`. `companies`:
    the reporting company and the short names of others, so that a caption naming another company
    marks its table partial."""
    reader = _TextTableReader(default_year, consumed, companies)
    for line in lines:
        reader.feed(line)
    reader.flush()
    return reader.rows


class _TextTableReader:
    """Reads lines in order: a header opens a table, value lines are its rows, anything else between
    them is furniture, a wrapped label, a sub-heading or the end of the table."""

    def __init__(self, default_year: int | None, consumed: set[int], companies: Companies | None = None) -> None:
        self.default_year = default_year
        self.consumed = consumed
        self.companies = companies
        self.rows: list[KpiRow] = []
        self.table: _TableState | None = None
        self.since_table: list[str] = []  # lines since the last header: one may be the next table's caption
        self.pending: tuple | None = None  # the last row read, whose unit may stand on the next line

    def flush(self) -> None:
        if self.pending is not None:
            rows = _table_rows(*self.pending)
            part = self.pending[0].part
            for row in rows if part else ():  # `表5 子公司某某有限公司溫室氣體排放`: every row is that part's
                row.bound_by(part)
            self.rows.extend(rows)
            self.pending = None

    def feed(self, line: Line) -> None:
        words_, joined, header = _reading(line.text)
        tokens = list(words_)
        if self.table is not None and _FURNITURE.match(line.text):
            return  # a rule or a page number between a table's rows
        if self._unit_below(line, joined) or self._label_below(line, tokens):
            return
        self.flush()
        if header:
            self.table = _TableState(list(header), line.number, *caption_above(self.since_table))
            self.table.header_at = header_at(line.text, len(header))
            self.table.label_columns = label_columns(joined, header)
            self.table.part = caption_scope(self.table.caption, self.companies) or lead_in_scope(
                lead_in_above(self.since_table)  # `子公司某某…，其2024年主要環境數據如下：`
            )
            self.since_table = []
            self.consumed.add(line.number)
            return
        self.since_table.append(joined)
        table = self.table
        if table is None or is_cells_line(line):
            return
        first = line.number == table.header_line + 1
        if first and (named := index_names(line.text)):  # `类别 指标 单位` under `2022 2023 2024` (pandas)
            table.label_columns = named
            self.consumed.add(line.number)
            return
        units = (
            None
            if _DIGIT_RUN.search(line.text)
            else units_row(line.raw, table.columns)
            if first or len(table.columns) > 1
            else None
        )
        if first and table.columns[0].measured and (measured := measure_units(line.text, table.columns)):
            table.columns = measured  # `（人）  （%）` under `僱員人數  僱員流失率`
            self.consumed.add(line.number)
            return
        if first and (split := sub_columns(line.text, table.columns)):
            table.columns, table.header_at = split, None  # `人數 比率 人數 比率` under `2023年 2024年`
            self.consumed.add(line.number)
            return
        if units:
            # `人民幣千元  人民幣千元` under the years, or over a section's rows (one cell alone is the unit
            # of the figure above it as often as of those below)
            table.caption_unit = (table.caption_unit or units) if first else units
            self.consumed.add(line.number)
            return
        text_tokens, values = row_values(
            tokens, table.columns, (line.text, table.header_at) if table.header_at else None
        )
        has_number = any(
            is_number(value) for value, column in zip(values, table.columns, strict=False) if not column.ignored
        )
        if len(values) == len(table.columns) and has_number:
            self._data_row(table, line, text_tokens, values)
        elif not self._stacked_value(table, line, tokens):
            self._between_rows(table, line, joined, values)

    def _stacked_value(self, table: _TableState, line: Line, tokens: list[str]) -> bool:
        """`培訓總時數（小時）` / `41,534` / `38,318`: a label on its line(s), then one value per line, one
        line per column (PDF text of a table whose label wraps); the row once every column has its value."""
        value = tokens[0] if len(tokens) == 1 else ""
        if not value or not (is_number(value) or is_not_disclosed(value)) or not (table.fragments or table.stacked):
            table.stacked = []
            return False
        table.stacked.append((line.number, value))
        table.gap = 0
        if len(table.stacked) < len(table.columns):
            return True
        values = [value for _, value in table.stacked]
        first_value_line = table.stacked[0][0]
        self.consumed.update(number for number, _ in table.stacked)
        table.stacked = []
        if any(is_number(value) for value in values):
            self._data_row(table, line._replace(number=first_value_line), [], values)
        return True

    def _unit_below(self, line: Line, joined: str) -> bool:
        """`每名僱員平均受訓時數 18.6 16.2` / `（小時）`: the unit of the row above, on a line of its own."""
        pending = self.pending
        if pending is None:
            return False
        below_unit = BRACKETED_UNIT.match(joined)
        if not below_unit or pending[4] is not None or not looks_like_unit(below_unit.group(1)):
            return False
        self.pending = (*pending[:4], below_unit.group(1), *pending[5:])
        self.consumed.add(line.number)
        self.flush()
        return True

    def _label_below(self, line: Line, tokens: list[str]) -> bool:
        """`有害廢棄物產生量（含廢脫硝催化劑、 噸 1,245.3` / `廢礦物油等）`: the rest of the label above, on
        the next line (with the rest of its unit: `噸二氧化碳` / `當量`); or a bracket that qualifies it
        (`溫室氣體排放強度 噸/百萬元 191.48` / `（每百萬元營業收入）`); or words that with it name a metric."""
        pending = self.pending
        if pending is None or not tokens or any(is_number(token) for token in tokens):
            return False
        label, unit, head = pending[3], pending[4], tokens[0]
        if unit and unit.endswith(("/", "／")) and len(tokens) == 1 and looks_like_unit(unit + head):
            # `噸二氧化碳當量／` / `人民幣百萬元收益`: the rest of the unit, wrapped in its column
            self.pending = (*pending[:4], unit + head, *pending[5:])
            self.consumed.add(line.number)
            return True
        if open_brackets(label) > 0 and ")" in head.replace("）", ")"):
            rest = "".join(tokens[1:])
        elif open_brackets(label) == 0 and len(tokens) == 1 and BRACKETED_UNIT.fullmatch(head):
            rest = ""
        elif len(tokens) == 1 and completes_a_metric(tokens, [label], pending[5], unit, pending[0].caption, False):
            rest = ""  # `因工傷損失  日  46` / `工作日數`: the label's end, below (`read.wrapped_labels`)
        elif len(tokens) == 2 and wraps_with_its_unit(label, unit, tokens):
            rest = tokens[1]  # `範圍一及範圍二溫室氣體  噸二氧化碳  33,777.2` / `排放總量  當量`: both wrapped
        else:
            return False
        if rest and unit is None and " " in label and looks_like_unit(label.rsplit(" ", 1)[1] + rest):
            label, unit = label.rsplit(" ", 1)  # the unit's start was read as the end of the label
        if rest and (unit is None or not looks_like_unit(unit + rest)):
            return False
        label, unit = label + head, unit + rest if rest and unit else unit
        if unit is None:  # `范围二排放量（基于位置，吨二氧化碳` / `当量）`: the unit the whole bracket holds
            bare, unit = split_label(label)
            label = clean_label(bare) if unit else label
        self.pending = (*pending[:3], label, unit, *pending[5:])
        self.consumed.add(line.number)
        return True

    def _data_row(self, table: _TableState, line: Line, text_tokens: list[str], values: list[str]) -> None:
        """A line with one value per column: a row, its label maybe wrapped over the lines above."""
        text_tokens, label_line, heading_too = _wrapped_label(table, line, text_tokens, values)
        if label_line != line.number:
            self.consumed.update(number for number, _ in table.fragments)
            if table.before_fragments and not heading_too:  # the fragments were a label, not a sub-heading
                table.heading, table.topic, table.heading_indent, table.deeper_row_seen = table.before_fragments
        table.fragments = []
        table.gap = 0
        label, row_unit, unit_in_label = label_and_unit(text_tokens)
        if not label:
            return
        if table.label_columns == _CATEGORY_AND_LABEL and (category := category_and_item(label)):
            # `有害事業廢棄物 焚化 84.6` / `物理處理 12.4` / `小計 97.0`: the category, printed on its first row only,
            # is what a subtotal below totals
            table.topic = category[0]
        self.consumed.add(line.number)
        indent = _indent(line.raw)
        # A metric of its own (a long label with its unit) ends a sub-heading printed flush with its rows.
        own_metric = unit_in_label and len(label) >= _MIN_METRIC_LABEL_CHARS and indent == table.heading_indent
        if (
            table.heading_indent is not None
            and indent <= table.heading_indent
            and (table.deeper_row_seen or own_metric)
        ):
            table.heading, table.heading_indent, table.topic = table.caption, None, ""  # back out of `按性別劃分`
        if table.heading_indent is not None and indent > table.heading_indent:
            table.deeper_row_seen = True
        context = table.context(indent)
        table.parents.append((indent, label))
        self.pending = (
            table,
            line.number,
            label_line,
            label,
            row_unit or table.block_unit or table.caption_unit,
            values,
            context,
            self.default_year,
        )

    def _between_rows(self, table: _TableState, line: Line, joined: str, values: list[str]) -> None:
        """A line inside a table that is no row: the table's end, a heading or part of a wrapped label."""
        table.gap += 1
        next_table = _NEXT_TABLE.match(joined)
        if next_table and _CONTINUED.search(joined):
            return  # `表5-8 事業廢棄物產出量（續）` over the rest of the table after a page break
        if _PROSE_END.search(joined) or len(joined) > 60 or table.gap > _MAX_GAP_LINES or next_table:
            self.table = None  # prose, a gap, or the caption of the next table (`表10：2030年環境目標`)
            return
        if values:
            table.fragments = []
            return
        if block_unit := unit_line(joined):
            table.block_unit = block_unit  # `（四）水資源與廢棄物` / `單位：噸`: the unit of the rows below
            return
        # A short line without values: a heading inside the table, or part of a wrapped label.
        if not table.fragments:
            table.before_fragments = (table.heading, table.topic, table.heading_indent, table.deeper_row_seen)
        table.fragments = [*table.fragments, (line.number, joined)][-_MAX_LABEL_FRAGMENTS:]
        if joined.isascii() and not table.heading.isascii():
            return  # `By gender` under `按性別劃分`: the English gloss of the heading above
        if not looks_like_unit(joined):
            heading = clean_label(joined.lstrip("#").strip())
            breakdown = BREAKDOWN.match(heading) and table.topic
            table.heading = f"{table.topic} / {heading}" if breakdown else heading  # `僱員流失率 / 按性別劃分`
            table.topic = table.topic if breakdown else heading
            table.heading_indent, table.deeper_row_seen = _indent(line.raw), False
            table.parents, table.block_unit = [], None


def _reading(text: str) -> tuple[tuple[str, ...], str, tuple[Column, ...] | None]:
    """A line's words, joined, and its columns if it is a header. Cached: the reader's state decides the rest."""
    tokens = words(text)
    joined = " ".join(tokens)
    columns = parse_header(joined) or other_header(joined)
    return tuple(tokens), joined, tuple(columns) if columns is not None else None


def _wrapped_label(
    table: _TableState, line: Line, text_tokens: list[str], values: list[str]
) -> tuple[list[str], int, bool]:
    """The row's label tokens with the fragments above it if they are its wrapped start, its line, and
    whether the fragments stay the sub-heading of the rows below too (`溫室氣體排放` / `範疇一 …` / `範疇二 …`)."""
    above = " ".join(fragment for _, fragment in table.fragments).split()
    if not table.fragments:
        return text_tokens, line.number, False
    if not text_tokens or looks_like_unit(" ".join(text_tokens)) or unit_with_gloss(text_tokens):
        return above + text_tokens, table.fragments[0][0], False
    if opens_or_closes_bracket(above, text_tokens):
        return above + text_tokens, table.fragments[0][0], False
    unit = table.block_unit or table.caption_unit
    same_indent = _indent(line.raw) == table.heading_indent
    if same_indent and completes_a_metric(above, text_tokens, values, unit, table.caption):
        return above + text_tokens, table.fragments[0][0], True
    return text_tokens, line.number, False  # fragments above were headings, not a wrapped label


def _table_rows(
    table: _TableState,
    line_no: int,
    label_line: int,
    label: str,
    unit: str | None,
    values: list[str],
    context: str,
    default_year: int | None,
) -> list[KpiRow]:
    rows: list[KpiRow] = []
    labels = [(label, label)]
    if table.label_columns == _CATEGORY_AND_LABEL and (category := category_and_item(label)):
        labels.append((category[1], label))  # `雇佣 员工总数`: the item under its category (the context)
    if table.topic and (is_total(label) or is_subtotal(label)):
        measure, measure_unit = split_label(table.topic)  # `整體` under `B1.2 僱員流失率（%）`: the measure's total
        labels += [(measure + label, label), (measure, label)]  # `事業廢棄物` / `總計`: as `事業廢棄物總計` first
        unit = unit or measure_unit
    for column, raw_value in zip(table.columns, values, strict=True):
        year, caption_measure = row_period(column, label, table.caption, default_year)
        if caption_measure:  # `2022年 | 8,105 | …` under `年度 | 金控合併 | …`: the caption's measure
            labels = [(caption_measure, label)]
        if column.ignored or is_not_disclosed(raw_value) or year is None or (default_year and year > default_year):
            continue
        row_unit = column.unit or unit
        if (column_labels := read_by(column, label, labels)) is None:
            continue  # a part (`全職`, `30歲以下`) under a measure
        row_unit = row_unit or (unit_label_implies(column.measure) if column.measure else None)
        if row_unit is None and raw_value.endswith("%"):
            row_unit = "%"
        row_unit = row_unit or unit_label_implies(label)  # after the unit on the line below had its chance
        rows.append(
            build_row(
                layout=Layout.TABLE,
                source_line=line_no,
                label_line=label_line,
                labels=column_labels,
                section=context,
                raw_value=raw_value,
                unit=row_unit,
                fiscal_year=year,
                table_header_line=table.header_line,
            )
        )
    if note := " ".join(
        value for column, value in zip(table.columns, values, strict=True) if column.note and HAN.search(value)
    ):
        bound_by_note(rows, note)  # `… 1,482.6 1,538.9 僅含台灣廠區`
    return rows
