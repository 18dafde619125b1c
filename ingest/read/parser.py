"""Report text -> KPI rows with lineage: the readers in order, most structured first, each on what
the ones before left.

- grids (`read.grid`, `read.markdown_grid`, `read.pandoc_tables`, `read.tables`): HTML, Markdown (pipe, grid, and
  pandoc's simple and multiline) and tab-separated tables and tables written one cell per line, with their caption; a caption that names one subsidiary makes its rows partial;
  a table of genders instead of years (`read.gender_tables`) gives its total row;
- charts' data labels under a title that states the unit (`read.charts`), tables printed column by
  column (`read.column_blocks`);
- text tables (`read.text_tables`): PDF text, one line per row;
- transposed label-value cells (`cells`);
- key figures and prose statements on the lines no table took (`statements`);
then the report-wide passes: stated scopes, confirming footnotes, money in another currency.
"""

from __future__ import annotations

import re

from ingest.map.currency import CNY, report_currency, stated_rates, unit_currency
from ingest.map.reference import metrics
from ingest.read.cards import parse_cards
from ingest.read.cell_lines import cell_line_grids
from ingest.read.cells import parse_cells
from ingest.read.charts import parse_charts
from ingest.read.column_blocks import parse_column_blocks
from ingest.read.columns import is_year_cell
from ingest.read.footnotes import footnote_below, marked_note
from ingest.read.gender_tables import gender_rows
from ingest.read.grid import Grid, csv_as_tabs, html_grids, tab_grids
from ingest.read.json_state import parse_json_state
from ingest.read.latex_grid import latex_grids
from ingest.read.layout import logical_lines, page_furniture
from ingest.read.markdown_grid import markdown_grids
from ingest.read.markup import clean_text
from ingest.read.measure_tables import measure_rows
from ingest.read.metadata import extract_metadata
from ingest.read.neighbours import CAPTION_UNIT
from ingest.read.page_columns import split_columns
from ingest.read.pandoc_tables import pandoc_grids
from ingest.read.paragraphs import join_wrapped
from ingest.read.rows import KpiRow, Layout, ParsedReport
from ingest.read.scope import (
    Companies,
    bound_by_note_items,
    bounding_note,
    bounds_table,
    caption_scope,
    defined_companies,
    note_scope,
    report_scopes,
    row_part,
    scope_of,
)
from ingest.read.selection import confirmations
from ingest.read.side_tables import split_side_tables
from ingest.read.statements import parse_statements
from ingest.read.tables import TableReader
from ingest.read.text import fold, ocr_zeros, roc_years_of, source_lines
from ingest.read.text_tables import parse_tables
from ingest.read.tiles import parse_tiles
from ingest.read.word_text import word_text_grids
from ingest.read.year_lists import parse_year_lists
from ingest.read.year_pairs import split_year_pairs
from ingest.read.year_records import parse_year_records

__all__ = ["KpiRow", "ParsedReport", "parse_report"]


def parse_report(text: str, source_name: str | None = None) -> ParsedReport:
    """Every KPI row of a report's text; `source_name` (the file's name) fills metadata the text lacks."""
    text = ocr_zeros(text)
    metadata = extract_metadata(text, source_name)
    text = roc_years_of(text, metadata.fiscal_year)  # `較112年之…`: a Taiwan report's years, in prose too
    report = ParsedReport(metadata)
    consumed: set[int] = set()
    bounding_captions: set[int] = set()  # `表6 母公司數據（僅限母公司本部）` bounds its table, not the report
    companies = defined_companies(text, metadata.company_key)
    report.rows.extend(parse_grids(text, metadata.fiscal_year, consumed, companies, bounding_captions))
    if metadata.fiscal_year is not None:  # a saved web app's state script: its data, which the page draws
        report.rows.extend(parse_json_state(text, metadata.fiscal_year))
    # a page in two columns (`pdftotext -layout`): its table for the table readers, its prose for prose
    lines, prose_lines, left_parts = split_columns(logical_lines(text, consumed))
    if furniture := page_furniture(text):  # running headers and footers: no table's row or label (prose
        lines = [line for line in lines if line.number not in furniture]  # keeps them: they set its width)
    lines = split_side_tables(lines)  # two tables side by side: the left one's rows, then the right one's
    if metadata.fiscal_year is not None:  # a chart's line of years would read as a text table's header
        report.rows.extend(parse_year_records(lines, metadata.fiscal_year, consumed, companies))
        lines = [line for line in lines if line.number not in consumed]
        report.rows.extend(parse_charts(lines, metadata.fiscal_year, consumed, companies))
        report.rows.extend(parse_column_blocks(lines, metadata.fiscal_year, consumed, companies))
        lines = [line for line in lines if line.number not in consumed]
    report.rows.extend(parse_tables(lines, metadata.fiscal_year, consumed, companies))
    if metadata.fiscal_year is not None:
        report.rows.extend(parse_cards(lines, metadata.fiscal_year, consumed))
        report.rows.extend(parse_cells(lines, metadata.fiscal_year, consumed))
        report.rows.extend(parse_tiles(lines, metadata.fiscal_year, consumed))
        report.rows.extend(parse_year_lists(lines, metadata.fiscal_year, consumed))
        prose = [line for line in prose_lines if line.number not in consumed or id(line) in left_parts]
        report.rows.extend(_bounded_by_heading(parse_statements(join_wrapped(prose), metadata, companies), companies))
    _attach_scopes(report.rows, _without_lines(text, bounding_captions) if bounding_captions else text)
    _bounded_by_note_below(report.rows, text)
    _attach_notes(report.rows, text)
    _money_in_cny(report.rows, text)
    return report


def _money_in_cny(rows: list[KpiRow], text: str) -> None:
    """Money in CNY only: an amount in another currency (its unit names one, or the report's money is in
    one: `港元`, `新台幣`) is converted at the rate the report states (`以1港元兌人民幣0.92元換算`); without a
    rate it stays, unmapped, marked unconverted. An intensity per revenue in another currency is no CNY
    intensity at any rate (corpus README)."""
    money = [row for row in rows if row.metric_code and "CNY" in metrics()[row.metric_code].canonical_unit]
    if not money:
        return
    currency = report_currency(text)
    rates: dict[str, dict[int | None, float]] | None = None
    for row in money:
        code = unit_currency(row.reported_unit) or currency
        if code == CNY:
            continue
        rates = stated_rates(text) if rates is None else rates
        rate = rates.get(code, {}).get(row.fiscal_year, rates.get(code, {}).get(None))
        amount = metrics()[row.metric_code].canonical_unit == "CNY"
        if rate is not None and row.unit_factor is not None and amount:
            row.unit_factor *= rate
            continue
        if amount:  # the data-quality page lists it (CONTRACT: unconverted, and a finding says so)
            row.unconverted_metric, row.unconverted_currency = row.metric_code, code
        row.metric_code, row.unit_factor, row.rule_priority = None, None, None


def _bounded_by_heading(rows: list[KpiRow], companies: Companies) -> list[KpiRow]:
    """Figures stated under a heading that names one subsidiary's or site's data (`附屬公司數據：某某（東莞）
    食品有限公司`) are that part's, as a table under it is (`read.scope.caption_scope`)."""
    for row in rows:
        part = None if row.is_partial_scope or not row.section else caption_scope(row.section, companies)
        row.bound_by(part)
    return rows


_MAX_NOTE_GAP_LINES = 3  # between a table's last row and the note below it (a blank line, a rule)


def _bounded_by_note_below(rows: list[KpiRow], text: str) -> None:
    """A note just below a table that says the table holds part of the group (`注：本表仅统计总行办公大楼数据，
    不含分支机构。`) bounds that table's rows, as a caption above it would; below a table of one metric, a
    note that bounds it needs no `本表` (`註：只包括香港中央食品加工中心`)."""
    if "表" not in text and "注" not in text and "註" not in text:
        return
    tables: dict[int, list[KpiRow]] = {}
    for row in rows:  # (a table of no header line of its own: each row apart)
        if row.layout == Layout.TABLE:
            tables.setdefault(row.table_header_line or row.source_line, []).append(row)
    for number, line in enumerate(source_lines(text), start=1):
        noted = line.lstrip().startswith(_NOTE_OPENERS)
        table = max((header for header in tables if header < number), default=None) if noted or "表" in line else None
        if table is None or number - max(row.source_line for row in tables[table]) > _MAX_NOTE_GAP_LINES + 1:
            continue
        one_metric = len({row.raw_label for row in tables[table]}) == 1
        # (a note that names its table says what it bounds: `注：上表数据只涵盖本集团员工` bounds nothing)
        part = bounding_note(line) if "表" in line else note_scope(clean_text(line)) if noted and one_metric else None
        for row in tables[table] if part else ():
            if row.source_line < number and not row.is_partial_scope:
                row.bound_by(part)


_NOTE_OPENERS = ("注", "註", "※")


def _without_lines(text: str, numbers: set[int]) -> str:
    """The text with the lines `numbers` (1-based) blank, every other line where it was."""
    return "\n".join("" if number in numbers else line for number, line in enumerate(source_lines(text), start=1))


def _attach_notes(rows: list[KpiRow], text: str) -> None:
    """The footnote that may confirm a weakly labelled figure (`label_confirmations.note_confirms`)."""
    lines: list[str] | None = None
    for row in rows:
        rule = confirmations().get(row.metric_code or "")
        if rule is None or rule.note_confirms is None or (row.rule_priority or 1) < rule.min_priority:
            continue
        lines = lines if lines is not None else source_lines(text)
        row.note = footnote_below(lines, row.source_line, rule.note_confirms)


def _attach_scopes(rows: list[KpiRow], text: str) -> None:
    """A scope the report states for a pillar or a label (`read.scope`); a table row's own, the note its
    label's footnote mark points to (`無害廢棄物產生量#` … `# 僅統計公司總部`); a key figure's own, the note
    item below its year items (`  - 附註：僅包括香港業務`)."""
    scopes = report_scopes(text)
    lines = source_lines(text)
    for row in rows:
        if row.metric_code and not row.is_partial_scope and row.layout == Layout.TABLE:
            note = marked_note(lines, row.source_line, row.raw_label)
            if note and (part := note_scope(note)) is not None:
                row.bound_by(part)
    bound_by_note_items(rows, lines)
    for row in rows:
        if not row.metric_code or row.is_partial_scope:
            continue
        scope = scope_of(row.metric_code, row.raw_label, scopes, row.fiscal_year)
        if scope is not None:
            row.bound_by(scope)


_PROSE_END = re.compile(r"[。；;！!？?]")
_PANDOC_CAPTION = re.compile(r"\s*table:\s*", re.IGNORECASE)  # pandoc's `Table: 表七：…` caption line
_NUMBERED_TITLE = re.compile(
    rf"(?:{_PANDOC_CAPTION.pattern})?\s*(?:表|table)\s*[\d一二三四五六七八九十]", re.IGNORECASE
)
_TABLE_TITLE = re.compile(rf"\s*#|{_NUMBERED_TITLE.pattern}", re.IGNORECASE)
_CAPTION_LOOKBACK = 4
_HEADING_LOOKBACK = 20
_MAX_CAPTION_CHARS = 60
_MAX_LEAD_IN_CHARS = 160


# `下表載列附屬公司甲的主要環境數據，有關數據已包括在上述本集團數據內。`: a sentence about the table below
_TABLE_DEIXIS = re.compile(r"(?:下表|以下表格|下列表格|本表|如下表)")
# `**附屬公司數據：某某有限公司**`, `<p><b>专栏：某某有限公司…</b></p>`: a converter's or a web page's heading
_BOLD_LINE = re.compile(r"\s*(?:\*\*[^*]+\*\*|<p\b[^>]*>\s*<(b|strong)\b[^>]*>.*</\1>\s*</p>)\s*$", re.IGNORECASE)
_HTML_HEADING = re.compile(r"\s*<h[1-6][\s>]", re.IGNORECASE)


def _is_heading(raw_line: str) -> bool:
    """A Markdown (`## 目標`) or HTML (`<h1>目标</h1>`: a sheet's name in Excel's HTML) heading."""
    return raw_line.lstrip().startswith("#") or _HTML_HEADING.match(raw_line) is not None


_BOUNDARY_ROW = re.compile(r"^(?:统计|数据|报告|披露)?(?:范围|边界|口径)$")


def _boundaries(grid: Grid) -> list[str]:
    """What a table's boundary rows say (`統計範圍 | 澔運冷鏈`), as `統計範圍：澔運冷鏈`."""
    return [
        f"{row[0].text}：{row[1].text}"
        for row in grid.rows
        if len(row) >= 2 and row[1].text and _BOUNDARY_ROW.match(fold(row[0].text))
    ]


def _next_text_line(raw_lines: list[str], number: int, step: int) -> int | None:
    """The first line after (`step` 1) or before (-1) line `number` that holds text, within a few lines."""
    for other in range(number + step, number + step * (_CAPTION_LOOKBACK + 1), step):
        if not 0 < other <= len(raw_lines):
            return None
        if clean_text(raw_lines[other - 1]):
            return other
    return None


def _is_title(raw_lines: list[str], number: int | None) -> bool:
    """A numbered table title (`表1：溫室氣體排放`), not a heading."""
    return number is not None and _NUMBERED_TITLE.match(clean_text(raw_lines[number - 1])) is not None


def _titles_below(raw_lines: list[str], grids: list[Grid]) -> bool:
    """Whether the report prints each table's numbered title below it (`</table>` / `表1：溫室氣體排放`):
    more titles follow a table with no table after them than precede one with no table before."""
    firsts, lasts = {grid.first_line for grid in grids}, {grid.last_line for grid in grids}
    below = above = 0
    for grid in grids:  # (a title with another table just beyond it tells nothing)
        after = _title_after(raw_lines, grid, firsts)
        if after and not firsts & set(range(after, after + _CAPTION_LOOKBACK + 1)):
            below += 1
        before = _next_text_line(raw_lines, grid.first_line, -1)
        if before and _is_title(raw_lines, before) and not lasts & set(range(before - _CAPTION_LOOKBACK, before)):
            above += 1
    return below > above


def _title_after(raw_lines: list[str], grid: Grid, firsts: set[int]) -> int | None:
    """The line of a numbered title printed just after `grid`, not one inside the next table (`<caption>`)."""
    after = _next_text_line(raw_lines, grid.last_line, 1)
    if after is None or not _is_title(raw_lines, after) or firsts & set(range(grid.last_line + 1, after + 1)):
        return None
    return after


def _caption(raw_lines: list[str], first_line: int, title_below: int | None = None) -> tuple[str, list[int]]:
    """The heading above a table and the short line just above it (`單位：萬元`, `表：員工構成`), or a
    numbered or bold title above one sentence of prose (`表二：江門生產基地主要環境數據` / `江門生產基地為…如下。`)
    or a sentence about the table below (`下表載列…的主要環境數據。`), or the title printed below it
    (`title_below`), and the lines they stand on."""
    parts: list[str] = [_PANDOC_CAPTION.sub("", clean_text(raw_lines[title_below - 1]), count=1)] if title_below else []
    numbers: list[int] = [title_below] if title_below else []
    prose_above = titled = False
    # (a report that prints titles below its tables: `title_below`, and the line above is another's)
    for number in range(first_line - 1, max(0, first_line - (0 if title_below else _CAPTION_LOOKBACK) - 1), -1):
        text = clean_text(raw_lines[number - 1])
        if not text:
            continue
        if "<t" in raw_lines[number - 1] or "|" in text:
            break
        # `下表僅涵蓋附屬公司甲的數據，供持份者參考：`, `以下數據僅涵蓋本公司本部（母公司），不含子公司。`
        bounding = bounds_table(text) or _TABLE_DEIXIS.match(text) is not None
        lead_in = text.endswith(("：", ":")) or bounding
        if titled and not (bounding and len(text) <= _MAX_LEAD_IN_CHARS):
            break  # above a table's title, only a sentence about the table below is its caption too
        prose = len(text) > (_MAX_LEAD_IN_CHARS if lead_in else _MAX_CAPTION_CHARS) or (
            _PROSE_END.search(text) is not None and not lead_in
        )
        title = bool(_TABLE_TITLE.match(text) or _BOLD_LINE.match(raw_lines[number - 1]))
        if prose or (prose_above and not title):
            if prose_above:
                break
            prose_above = True
            continue
        parts.insert(0, _PANDOC_CAPTION.sub("", text.lstrip("#"), count=1).strip())
        numbers.append(number)
        # `表5　嘉興基地各月耗水量` / `單位：噸`: the title above the table's unit line; `下表僅為本公司（個體）之
        # 申報數據。` / `表4-4　空氣污染物排放量`: the sentence above the title
        titled = title and not lead_in and not prose_above and len(parts) <= 2
        if not (CAPTION_UNIT.match(text) and len(parts) == 1) and not titled:
            break
    for number in range(first_line - 1, max(0, first_line - _HEADING_LOOKBACK - 1), -1):
        raw = raw_lines[number - 1].lstrip()
        if _is_heading(raw):
            heading = clean_text(raw).lstrip("#").strip()
            if heading and heading not in parts:
                parts.insert(0, heading)
                numbers.append(number)
            break
    return " / ".join(parts), numbers


def _grids(text: str, raw_lines: list[str]) -> list[Grid]:
    """Every table of the report written as one, in the order it prints them: HTML, LaTeX, Markdown
    (pipe, grid and pandoc's plain-text tables), tab- or comma-separated lines, one cell per line (with
    a blank line after each row, as Word saves a table as text, or without)."""
    word = word_text_grids(raw_lines)
    taken = {number for grid in word for number in range(grid.first_line, grid.last_line + 1)}
    rest = [("" if number in taken else line) for number, line in enumerate(raw_lines, start=1)] if word else raw_lines
    return sorted(
        html_grids(text)
        + latex_grids(text)
        + markdown_grids(raw_lines)
        + pandoc_grids(raw_lines)
        + tab_grids(csv_as_tabs(raw_lines))
        + word
        + cell_line_grids(rest),
        key=lambda grid: grid.first_line,
    )


def parse_grids(
    text: str,
    fiscal_year: int | None,
    consumed: set[int],
    companies: Companies | None = None,
    bounding_captions: set[int] | None = None,
) -> list[KpiRow]:
    """Rows of every HTML or Markdown period table; adds the lines of the tables it read to `consumed`.
    `companies`: the reporting company and the short names of others, so that a caption naming another
    company marks its table partial; `bounding_captions` gets the lines of captions that bound their table (no report-wide scope)."""
    raw_lines = source_lines(text)
    grids = _grids(text, raw_lines)
    reader = TableReader(fiscal_year)
    rows: list[KpiRow] = []
    last_line = 0
    below = _titles_below(raw_lines, grids) if "表" in text or "able" in text else False
    firsts = {grid.first_line for grid in grids}
    for grid in map(split_year_pairs, grids):  # `2024年 / 2023年` over `1,842.6 / 2,015.3`: two columns
        between = range(last_line + 1, grid.first_line)
        if any(_is_heading(raw_lines[number - 1]) or _is_title(raw_lines, number) for number in between):
            reader.previous = None  # a heading or a numbered title (`**表2 …**`) between two tables: a new table
        last_line = max(last_line, grid.last_line)
        above, caption_lines = _caption(
            raw_lines, grid.first_line, _title_after(raw_lines, grid, firsts) if below else None
        )
        caption = " / ".join(part for part in (above, grid.caption) if part)
        read = reader.read(grid, caption)
        if read is None:
            read = gender_rows(grid, caption, fiscal_year)  # genders instead of years as columns
        if read is None:
            read = measure_rows(grid, caption, fiscal_year)  # measures instead of years as columns
        if read is None or (not read and grid.rows and is_year_cell(grid.texts(0)[0])):
            continue  # no period table; or years over figures with no label column that gave nothing: a record's
            # (`read.year_records`), the label on the line above
        # the corner cell of a table is its caption too (`上海某某主要數據 | 2024/25 | 2023/24`), and so is a
        # boundary row of a card (`統計範圍 | 附屬公司甲`)
        corner = grid.rows[0][0].text if grid.rows and grid.rows[0] else ""
        corner = " / ".join([corner, *_boundaries(grid)])
        # a `<tfoot>` note that bounds the table (`本表僅涵蓋本公司位於香港觀塘之總辦事處`) as a caption would
        part = caption_scope(" / ".join(piece for piece in (caption, corner) if piece), companies) or caption_scope(
            grid.notes
        )
        if part and bounding_captions is not None:  # a heading or a table's title is this table's only;
            # a plain line between two tables may be the note of the one above, so it stays report-wide
            bounding_captions.update(number for number in caption_lines if _TABLE_TITLE.match(raw_lines[number - 1]))
        for row in read if part else ():  # `下表僅涵蓋附屬公司甲的數據`: every row is that part's
            row.bound_by(part)
        for row in read if not part else ():
            if own := row_part(row.raw_label, companies):  # `客戶投訴（惠州澄嶺）`
                row.bound_by(own)
        rows.extend(read)
        consumed.update(range(grid.first_line, grid.last_line + 1))
    if bounding_captions is not None:  # a row's note (`2022年數據僅統計…`) bounds that row, not the report
        bounding_captions.update(reader.noted_lines)
    return rows
