"""Report text -> KPI rows with lineage.

Four readers share the report's logical lines (`layout.logical_lines`), most structured first:
- tables (here): a header line that names the period columns (`指標 單位 2023 年數據 2022 年數據`,
  `指标 单位 2024年`, `指標 單位（人） 比例（%）`) opens a table; each following line that ends in one
  value per column is a row (`label unit v1 v2 v3`). Wrapped labels, indentation (sub-rows) and the
  heading above give the row its context, which the label rules use to decide the metric;
- transposed tables whose cells are `label value` pairs (`cells`);
- key figures and prose statements on the lines no table took (`statements`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ingest.cells import is_cells_line, parse_cells
from ingest.layout import Line, logical_lines
from ingest.map.units import looks_like_unit, names_currency, report_currency
from ingest.metadata import extract_metadata
from ingest.read.cell_lines import cell_line_grids
from ingest.read.footnotes import footnote_below
from ingest.read.grid import Grid, html_grids, markdown_grids, tab_grids
from ingest.read.markup import clean_text, strip_footnote_mark
from ingest.read.scope import caption_scope, report_scopes, scope_of
from ingest.read.tables import TableReader, caption_unit, split_label
from ingest.reference import metrics
from ingest.rows import KpiRow, Layout, ParsedReport, build_row
from ingest.selection import confirmations
from ingest.statements import parse_statements
from ingest.text import fold, is_not_disclosed, is_number

__all__ = ["KpiRow", "ParsedReport", "parse_header", "parse_report"]

_YEAR_COLUMN = re.compile(
    r"(?<![\d.])(?:FY\s*)?(20\d{2})\s*(?:財政年度|财政年度|財年|财年|財政|财政)?年?度?\s*(?:數據|数据)?(?![\d.%])",
    re.IGNORECASE,
)
# A column of changes (`2023年 2022年 變化率`) holds no value of its own; it is read and skipped.
_CHANGE_COLUMN = re.compile(
    r"(?:同比|環比|环比)?(?:變化|变化|變動|变动|增減|增减|增長|增长)(?:率|幅度|比例)?|同比|yoy|change", re.I
)
_NOTE_COLUMN = re.compile(r"附註|附注|備註|备注|註釋|注释|notes?|remarks?", re.I)
_PERIOD_COLUMN = re.compile(r"(本年度|本年|本期|本報告期|本报告期|當年|当年)|(上年度|上年|上期|去年|上一年度?)")
_UNIT_COLUMN = re.compile(r"(?:單位|单位|數量|数量|比例|比率|占比|數值|数值)\s*[（(]\s*([^）)]{1,12})\s*[）)]")
_HEADER_WORDS = re.compile(
    r"指标名称|指标|单位|项目|[\u4e00-\u9fff]{0,4}(?:类别|类型|种类)|范畴|绩效|关键绩效|数量|数据|数值|kpi|备注|年度|年份|层面|议题"
    r"|财年|财政年度|fy|indicators?|units?|items?|category|kpis?|remarks?|data|[|:\-/]"
)
_COLUMN_WORDS = re.compile(r"指标|项目|类别|类型|种类|单位|kpi|范畴|绩效|indicator|unit")
_PROSE_END = re.compile(r"[。；;！!？?]")
_HEADER_HINT = re.compile(
    r"20\d{2}|1[01]\d\s*年|單位|单位|數量|数量|數據|数据|數值|数值|本年|本期|上年|上期", re.IGNORECASE
)
# Taiwan's ROC years in a header (`113年` = 2024), made Gregorian before the columns are read.
_ROC_YEAR = re.compile(r"(?<![\d.,])(1[01]\d)(\s*年)")
_ROC_OFFSET = 1911
_MAX_HEADER_CHARS = 120
_NOTE_MARK = re.compile(r"[\d,，a-zA-Z*#]{1,5}")
_CHANGE_VALUE = re.compile(r"[-−+]?\d[\d,.]*\s*(?:%|个百分点|個百分點|pp|倍)?")
# Page furniture inside a PDF table: rules, a page number alone.
_FURNITURE = re.compile(r"^\s*(?:[─━—–\-=_·•.\s]{5,}|\d{1,4})\s*$")
_BRACKET_UNIT_LINE = re.compile(r"^\s*[(（]([^()（）]{1,20})[)）]\s*$")
_UNIT_WORD = re.compile(r"單位|单位|unit", re.IGNORECASE)
_CAPTION_UNIT_TEXT = re.compile(r"[(（]?(?:單位|单位|unit)\s*[:：].*$", re.IGNORECASE)
_MAX_LABEL_FRAGMENTS = 3
_MAX_GAP_LINES = 12


@dataclass
class Column:
    fiscal_year: int | None
    unit: str | None = None
    ignored: bool = False
    note: bool = False  # a notes column (`附註`): footnote numbers or nothing
    prior: bool = False  # `上年度` / `上期`: the year before the report's


def parse_header(text: str) -> list[Column] | None:
    """Columns of a table header line, or None if the line is not a header."""
    if len(text) > _MAX_HEADER_CHARS or not _HEADER_HINT.search(text):
        return None  # most lines: prose
    text = _ROC_YEAR.sub(lambda match: f"{int(match.group(1)) + _ROC_OFFSET}{match.group(2)}", text)
    years = [int(y) for y in _YEAR_COLUMN.findall(text)]
    units = _UNIT_COLUMN.findall(text)
    rest = fold(_NOTE_COLUMN.sub(" ", _CHANGE_COLUMN.sub(" ", _UNIT_COLUMN.sub(" ", _YEAR_COLUMN.sub(" ", text)))))
    periods = [] if years else list(_PERIOD_COLUMN.finditer(text))
    if periods:
        rest = fold(_PERIOD_COLUMN.sub(" ", _NOTE_COLUMN.sub(" ", text)))
    if _HEADER_WORDS.sub("", rest):
        return None
    # A bare year (a cover page's "2023") is no header: it needs a column word or several 年 columns.
    several_years = len(years) >= 2 and max(text.count("年"), text.upper().count("FY")) >= len(years)
    # `2025 2024 2023` alone (a PDF page's header row): consecutive years, nothing else
    several_years = several_years or (len(years) >= 2 and _consecutive(years) and not rest)
    if not _COLUMN_WORDS.search(rest) and not several_years and not (periods and len(periods) >= 2):
        return None
    if periods:  # `指標 單位 本年度 上年度`
        positioned = [(match.start(), Column(None, prior=bool(match.group(2)))) for match in periods]
    elif years and not units:
        if len(set(years)) != len(years) or any(not 1990 <= y <= 2100 for y in years):
            return None
        positioned = [(match.start(), Column(int(match.group(1)))) for match in _YEAR_COLUMN.finditer(text)]
    elif units and not years:
        return [Column(None, unit) for unit in units]
    elif not years and not units and re.search(r"数量|数据|数值", rest) and re.search(r"单位", rest):
        return [Column(None)]  # `指標 單位 數量`: one column for the report's own year
    else:
        return None
    first = min(start for start, _ in positioned)
    positioned += [(m.start(), Column(None, ignored=True)) for m in _CHANGE_COLUMN.finditer(text) if m.start() > first]
    positioned += [
        (m.start(), Column(None, ignored=True, note=True)) for m in _NOTE_COLUMN.finditer(text) if m.start() > first
    ]
    return [column for _, column in sorted(positioned, key=lambda item: item[0])]


def _consecutive(years: list[int]) -> bool:
    return all(abs(later - earlier) == 1 for earlier, later in pairwise(years))


def split_values(
    tokens: list[str], max_values: int, columns: list[Column] | None = None
) -> tuple[list[str], list[str]]:
    """Trailing value tokens (numbers or not-disclosed markers), at most `max_values`. With `columns`,
    a change column also takes `-1.6个百分点` and a notes column a footnote number (`2`, `3,4`)."""
    values: list[str] = []
    index = len(tokens)
    while index > 0 and len(values) < max_values:
        token = tokens[index - 1]
        column = columns[len(columns) - 1 - len(values)] if columns else None
        fits = is_number(token) or is_not_disclosed(token)
        if column is not None and column.note:
            fits = bool(_NOTE_MARK.fullmatch(token))
        elif column is not None and column.ignored:
            fits = fits or bool(_CHANGE_VALUE.fullmatch(token))
        if not fits:
            break
        values.insert(0, token)
        index -= 1
    return tokens[:index], values


def row_values(tokens: list[str], columns: list[Column]) -> tuple[list[str], list[str]]:
    """The row's label tokens and one value per column; a notes column may be left empty."""
    text_tokens, values = split_values(tokens, len(columns), columns)
    if len(values) != len(columns) and columns and columns[-1].note:
        text_tokens, values = split_values(tokens, len(columns) - 1, columns[:-1])
        if len(values) == len(columns) - 1:
            values = [*values, "-"]
    return text_tokens, values


def split_label_unit(tokens: list[str]) -> tuple[str, str | None]:
    """`label unit` text -> (label, unit); units may span tokens (`噸二氧化碳當量 /人`)."""
    for width in (3, 2, 1):
        if len(tokens) <= width:
            continue
        candidate = " ".join(tokens[-width:])
        if (width == 1 or candidate.split()[-1].startswith("/") or "/" in candidate) and looks_like_unit(candidate):
            return " ".join(tokens[:-width]), candidate
    return " ".join(tokens), None


def clean_label(label: str) -> str:
    label = label.strip().lstrip("•·-*#>").strip()
    return strip_footnote_mark(label).strip()


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
        self.caption = heading
        self.heading_indent: int | None = None  # the indent of a sub-heading inside the table
        self.deeper_row_seen = False
        self.parents: list[tuple[int, str]] = []
        self.fragments: list[tuple[int, str]] = []
        self.gap = 0

    def context(self, indent: int) -> str:
        while self.parents and self.parents[-1][0] >= indent:
            self.parents.pop()
        return " / ".join([self.heading, *(label for _, label in self.parents)])


def parse_report(text: str, source_name: str | None = None) -> ParsedReport:
    """Every KPI row of a report's text; `source_name` (the file's name) fills metadata the text lacks."""
    metadata = extract_metadata(text, source_name)
    report = ParsedReport(metadata)
    consumed: set[int] = set()
    report.rows.extend(parse_grids(text, metadata.fiscal_year, consumed))
    lines = [line for line in logical_lines(text) if line.number not in consumed]
    report.rows.extend(parse_tables(lines, metadata.fiscal_year, consumed))
    if metadata.fiscal_year is not None:
        report.rows.extend(parse_cells(lines, metadata.fiscal_year, consumed))
        report.rows.extend(parse_statements([line for line in lines if line.number not in consumed], metadata))
    _attach_scopes(report.rows, text)
    _attach_notes(report.rows, text)
    _keep_out_foreign_money(report.rows, text)
    return report


def _keep_out_foreign_money(rows: list[KpiRow], text: str) -> None:
    """In a report whose money is in another currency (港元, 新台幣), an amount or intensity whose unit
    does not itself say 人民幣 is not converted to CNY: the row stays, unmapped."""
    money = [row for row in rows if row.metric_code and "CNY" in metrics()[row.metric_code].canonical_unit]
    if not money or report_currency(text) == "CNY":
        return
    for row in money:
        if not names_currency(row.reported_unit, "CNY"):
            row.metric_code, row.unit_factor, row.rule_priority = None, None, None


def _attach_notes(rows: list[KpiRow], text: str) -> None:
    """The footnote that may confirm a weakly labelled figure (`label_confirmations.note_confirms`)."""
    lines: list[str] | None = None
    for row in rows:
        rule = confirmations().get(row.metric_code or "")
        if rule is None or rule.note_confirms is None or (row.rule_priority or 1) < rule.min_priority:
            continue
        lines = lines if lines is not None else text.splitlines()
        row.note = footnote_below(lines, row.source_line, rule.note_confirms)


def _attach_scopes(rows: list[KpiRow], text: str) -> None:
    scopes = report_scopes(text)
    for row in rows:
        if not row.metric_code or row.is_partial_scope:
            continue
        scope = scope_of(row.metric_code, row.raw_label, scopes)
        if scope is not None:
            row.scope_note, row.is_partial_scope = scope.note, scope.partial


_CAPTION_LOOKBACK = 4
_HEADING_LOOKBACK = 20
_MAX_CAPTION_CHARS = 60


def _caption(raw_lines: list[str], first_line: int) -> str:
    """The heading above a table and the short line just above it (`單位：萬元`, `表：員工構成`)."""
    parts: list[str] = []
    for number in range(first_line - 1, max(0, first_line - _CAPTION_LOOKBACK - 1), -1):
        text = clean_text(raw_lines[number - 1])
        if not text:
            continue
        lead_in = text.endswith(("：", ":"))  # `下表僅涵蓋附屬公司甲的數據，供持份者參考：`
        if "<t" in raw_lines[number - 1] or "|" in text or len(text) > _MAX_CAPTION_CHARS:
            break
        if _PROSE_END.search(text) and not lead_in:
            break
        parts.insert(0, text.lstrip("#").strip())
        break
    for number in range(first_line - 1, max(0, first_line - _HEADING_LOOKBACK - 1), -1):
        raw = raw_lines[number - 1].lstrip()
        if raw.startswith("#"):
            heading = clean_text(raw).lstrip("#").strip()
            if heading and heading not in parts:
                parts.insert(0, heading)
            break
    return " / ".join(parts)


def parse_grids(text: str, fiscal_year: int | None, consumed: set[int]) -> list[KpiRow]:
    """Rows of every HTML or Markdown period table; adds the lines of the tables it read to `consumed`."""
    raw_lines = text.splitlines()
    grids: list[Grid] = sorted(
        html_grids(text) + markdown_grids(raw_lines) + tab_grids(raw_lines) + cell_line_grids(raw_lines),
        key=lambda grid: grid.first_line,
    )
    reader = TableReader(fiscal_year)
    rows: list[KpiRow] = []
    for grid in grids:
        caption = _caption(raw_lines, grid.first_line)
        read = reader.read(grid, caption)
        if read is None:
            continue
        part = caption_scope(caption)
        for row in read if part else ():  # `下表僅涵蓋附屬公司甲的數據`: every row is that part's
            row.scope_note, row.is_partial_scope = part.note, part.partial
        rows.extend(read)
        consumed.update(range(grid.first_line, grid.last_line + 1))
    return rows


def parse_tables(lines: list[Line], default_year: int | None, consumed: set[int]) -> list[KpiRow]:
    """Rows of every period-column table; adds the line numbers it reads to `consumed`."""
    rows: list[KpiRow] = []
    table: _TableState | None = None
    heading = ""
    unit: str | None = None

    pending: tuple | None = None  # the last row read, whose unit may stand on the next line

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            rows.extend(_table_rows(*pending))
            pending = None

    for line in lines:
        tokens = line.text.split()
        joined = " ".join(tokens)
        if table is not None and _FURNITURE.match(line.text):
            continue  # a rule or a page number between a table's rows
        below_unit = _BRACKET_UNIT_LINE.match(joined)
        if pending is not None and below_unit and pending[4] is None and looks_like_unit(below_unit.group(1)):
            pending = (*pending[:4], below_unit.group(1), *pending[5:])  # `每名僱員平均受訓時數 18.6 16.2` / `（小時）`
            consumed.add(line.number)
            flush()
            continue
        flush()
        columns = parse_header(joined)
        if columns:
            table = _TableState(columns, line.number, heading, unit)
            heading, unit = "", None
            consumed.add(line.number)
            continue
        caption = caption_unit(joined) if len(joined) <= _MAX_CAPTION_CHARS and _UNIT_WORD.search(joined) else None
        if caption or (len(joined) <= 30 and not _PROSE_END.search(joined) and not split_values(tokens, 1)[1]):
            # A caption (`表4-2 電力使用情形 單位：千度`) or heading: it names the next table
            heading, unit = clean_label(_CAPTION_UNIT_TEXT.sub("", joined).lstrip("#").strip()), caption
        if table is None:
            continue
        if is_cells_line(line):
            continue

        text_tokens, values = row_values(tokens, table.columns)
        has_number = any(
            is_number(value) for value, column in zip(values, table.columns, strict=False) if not column.ignored
        )
        if len(values) == len(table.columns) and has_number:
            label_line = line.number
            if not text_tokens and table.fragments:
                label_line = table.fragments[0][0]
                text_tokens = " ".join(fragment for _, fragment in table.fragments).split()
            elif table.fragments and not looks_like_unit(" ".join(text_tokens)):
                pass  # fragments above were headings, not a wrapped label
            elif table.fragments:
                label_line = table.fragments[0][0]
                text_tokens = " ".join(fragment for _, fragment in table.fragments).split() + text_tokens
            if label_line != line.number:
                consumed.update(number for number, _ in table.fragments)
            table.fragments = []
            table.gap = 0
            label, row_unit = split_label_unit(text_tokens)
            if row_unit is None:  # `離職率（%）`, `員工平均訓練時數（小時/人）`: the unit in the label
                label, row_unit = split_label(label)
            label = clean_label(label)
            if not label:
                continue
            consumed.add(line.number)
            indent = _indent(line.raw)
            if table.heading_indent is not None and indent <= table.heading_indent and table.deeper_row_seen:
                table.heading, table.heading_indent = table.caption, None  # back out of `按性別劃分`
            if table.heading_indent is not None and indent > table.heading_indent:
                table.deeper_row_seen = True
            context = table.context(indent)
            table.parents.append((indent, label))
            pending = (
                table,
                line.number,
                label_line,
                label,
                row_unit or table.caption_unit,
                values,
                context,
                default_year,
            )
            continue

        table.gap += 1
        if _PROSE_END.search(joined) or len(joined) > 60 or table.gap > _MAX_GAP_LINES:
            table = None
            continue
        if values:
            table.fragments = []
            continue
        # A short line without values: a heading inside the table, or part of a wrapped label.
        table.fragments = [*table.fragments, (line.number, joined)][-_MAX_LABEL_FRAGMENTS:]
        if not looks_like_unit(joined):
            table.heading = clean_label(joined.lstrip("#").strip())
            table.heading_indent, table.deeper_row_seen = _indent(line.raw), False
            table.parents = []
    flush()
    return rows


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
    rows = []
    for column, raw_value in zip(table.columns, values, strict=True):
        year = column.fiscal_year or (default_year - 1 if column.prior and default_year else default_year)
        if column.ignored or is_not_disclosed(raw_value) or year is None:
            continue
        row_unit = column.unit or unit
        if row_unit is None and raw_value.endswith("%"):
            row_unit = "%"
        rows.append(
            build_row(
                layout=Layout.TABLE,
                source_line=line_no,
                label_line=label_line,
                labels=[(label, label)],
                section=context,
                raw_value=raw_value,
                unit=row_unit,
                fiscal_year=year,
                table_header_line=table.header_line,
            )
        )
    return rows
