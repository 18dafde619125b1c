"""Report text -> logical lines, with HTML and Markdown tables turned into tab-separated rows.

Every later stage (tables, label-value cells, key figures, prose) reads these lines, so a table
row looks the same whether the report printed it with tabs, spaces, `| a | b |` or `<tr><td>`.
Each line keeps the 1-based number of the source line where it starts: that is the lineage.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from ingest.read.markdown_grid import MARKDOWN_ROW, MARKDOWN_RULE
from ingest.read.markup import BREAK_TAG, clean_text
from ingest.read.memo import memo
from ingest.read.numerals import arabic_numbers
from ingest.read.stacked_headers import stacked_headers
from ingest.read.text import SUBSCRIPTS, arabic_dates, ascii_numbers, fiscal_years, gregorian_years, source_lines

_TABLE_TAG = re.compile(r"<\s*(/?)\s*(table|tr|td|th)\b[^>]*>", re.IGNORECASE)
# dot leaders before a value (`收益.......3,846.2 .......3,615.9`, `總耗水量 ······ 186,420 立方米`)
_LEADER = re.compile(r"\s*(?:[.．·⋯]{3,}|…{2,})\s*(?=[-\d—–/]|N/?A|不適用|不适用)")
_HTML_HEADING = re.compile(r"\s*<h([1-6])\b[^>]*>.*</h\1\s*>\s*$", re.IGNORECASE)  # a heading alone on its line
# between two key figures of an infographic line (`… 126,345.6吨CO2e（2023年：131,982.4） · 范围二排放 …`, `… 41.2%
# ｜ 人均培训 …`): a dot or bar with spaces around it, after a figure, its unit or bracket, before the next label
_TILE_GAP = re.compile(r"(?<=[\d%）)a-zA-Z\u4e00-\u9fff])\s+[·・｜]\s+(?=[\u4e00-\u9fff\d])")
_STROKE_BAR = re.compile(r"\s*[丨▏│]\s*(?=[-−+]?\d)")  # before a figure (`綠色丨低碳` is a slogan's bar: kept)
_THIN_SPACE_IN_NUMBER = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")
# Markup outside tables: tags, LaTeX, image links, escapes, entities, superscript marks.
_MARKUP = re.compile(r"[<$\\!&*_¹²³⁴⁵⁶⁷⁸⁹⁰]")


_PIPE_TOKENS = frozenset({"|", "｜", "¦"})


def words(text: str) -> list[str]:
    """A line's space-separated words without table pipes (`| 指標 |`); a line with no pipe is split as it is."""
    if "|" not in text and "｜" not in text and "¦" not in text:
        return text.split()
    return [token.strip("|｜") or token for token in text.split() if token not in _PIPE_TOKENS]


class Line(NamedTuple):
    """A logical line (a NamedTuple: a report has thousands, and a tuple is built twice as fast as a
    frozen dataclass)."""

    number: int
    raw: str  # as printed (indentation kept: it tells sub-rows from rows)
    text: str  # markup stripped, cells tab-separated
    breaks: tuple[int, ...] = ()  # a paragraph joined from wrapped lines: where each next source line starts in `text`

    @property
    def last_number(self) -> int:
        """The source line it ends on (a joined paragraph spans several)."""
        return self.number + len(self.breaks)

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t") if cell.strip()]


# `範圍1（直接）：3,482.6噸`: a record of a label and its value, as content indexes list them in one cell
_RECORD = re.compile(r"^[^：:。]{1,40}[：:].*\d")
_DIGIT = re.compile(r"\d")


def _clean_cell(cell: str) -> str:
    """A cell as read; records listed in it one per `<br>` (`氮氧化物：8,462.5千克<br>硫氧化物：52.8千克`)
    stay apart as sentences do, so one record's label is no part of the next one's."""
    if "<br" in cell or "<BR" in cell:
        pieces = [clean_text(piece) for piece in BREAK_TAG.split(cell)]
        records = [piece for piece in pieces if piece]
        if len(records) > 1 and all(_DIGIT.search(piece) for piece in records) and _RECORD.match(records[0]):
            return arabic_numbers(arabic_dates("；".join(records)))
    return arabic_numbers(arabic_dates(clean_text(cell)))


class _HtmlTable:
    """Collects `<tr><td>` rows that may span several source lines."""

    def __init__(self) -> None:
        self.open = False
        self.cells: list[str] = []
        self.cell: list[str] | None = None
        self.row_line: int | None = None

    def feed(self, number: int, raw: str, out: list[Line]) -> None:
        position = 0
        outside: list[str] = []
        for match in _TABLE_TAG.finditer(raw):
            self._text(raw[position : match.start()], outside)
            position = match.end()
            closing, tag = match.group(1) == "/", match.group(2).lower()
            if tag == "table":
                self._end_row(out)
                self.open = not closing
            elif tag == "tr":
                self._end_row(out)
                if not closing:
                    self.row_line = number
            elif closing:
                self._end_cell()
            else:
                self._end_cell()
                self.cell = []
                self.row_line = self.row_line or number
        self._text(raw[position:], outside)
        if self.cell is not None:
            self.cell.append(" ")
        text = " ".join(part for part in outside if part.strip())
        if text.strip():
            out.append(Line(number, raw, arabic_dates(clean_text(text))))

    def is_idle(self) -> bool:
        """Outside any table, with no row or cell begun: what a line without table tags leaves as it is."""
        return not self.open and self.cell is None and not self.cells and self.row_line is None

    def _text(self, chunk: str, outside: list[str]) -> None:
        if self.cell is not None:
            self.cell.append(chunk)
        elif not self.open:
            outside.append(chunk)

    def _end_cell(self) -> None:
        if self.cell is not None:
            self.cells.append(_clean_cell("".join(self.cell)) or "")
            self.cell = None

    def _end_row(self, out: list[Line]) -> None:
        self._end_cell()
        if self.cells and self.row_line is not None and any(self.cells):
            row = "\t".join(cell if cell else "-" for cell in self.cells)
            out.append(Line(self.row_line, row, row))
        self.cells = []
        self.row_line = None


def logical_lines(text: str, taken: Collection[int] = frozenset()) -> list[Line]:
    """Non-blank lines of the report; table rows of any markup become `cell\\tcell` lines.

    Lines in `taken` (those a grid reader already read) are left out, unread where that changes nothing:
    an HTML table among them is skipped whole when it closes within them, else read as usual so that
    what follows reads the same.
    """
    out: list[Line] = []
    html = _HtmlTable()
    raws = stacked_headers(text, source_lines(text))  # a rotated header printed a character a line
    if "<" in text and _TAG_CUT.search(text):
        raws = whole_tags(raws)
    skip_to = 0
    for number, raw in enumerate(raws, start=1):
        if number <= skip_to:
            continue
        if number in taken and html.is_idle():
            has_tag = "<" in raw and _TABLE_TAG.search(raw)
            if not has_tag:
                continue
            last = number
            while last + 1 in taken:
                last += 1
            tags = list(_TABLE_TAG.finditer(raws[last - 1]))
            if tags and tags[-1].group(1) == "/" and tags[-1].group(2).lower() == "table":
                skip_to = last  # a whole table (and what else those lines hold): nothing of it is read
                continue
        if html.open or ("<" in raw and _TABLE_TAG.search(raw)):
            html.feed(number, raw, out)
            continue
        markdown = MARKDOWN_ROW.match(raw) if "|" in raw else None
        if markdown:
            if MARKDOWN_RULE.match(markdown.group(1)):
                continue
            row = "\t".join(_clean_cell(cell) or "-" for cell in markdown.group(1).split("|"))
            out.append(Line(number, raw, row))
            continue
        cleaned = plain_line(raw)
        if cleaned.strip():
            out.append(Line(number, raw, cleaned))
    return [line for line in out if line.number not in taken] if taken else out


_TAG_CUT = re.compile(r"<[a-zA-Z/][^<>\n]*\n")  # a tag cut by a line break
_TAG_HEAD = re.compile(r"<[a-zA-Z/][^<>]*$")
_TAG_TAIL = re.compile(r"^[^<>]*>")


def whole_tags(raws: list[str]) -> list[str]:
    """The lines with each tag a line break cuts (`<span` / `style='font-family:宋体'>人次，…`, as Word's
    filtered HTML wraps its source) whole on the line where it opens: the line below keeps its text,
    and every line its number."""
    lines = list(raws)
    for number in range(len(lines) - 1):
        head = _TAG_HEAD.search(lines[number])
        tail = _TAG_TAIL.match(lines[number + 1]) if head else None
        if tail:
            lines[number] += " " + tail.group()
            lines[number + 1] = lines[number + 1][tail.end() :]
    return lines


@memo
def plain_line(raw: str) -> str:
    """A line outside any table as read: no markup (an HTML heading as a Markdown one), ASCII digits, Arabic
    and Gregorian dates, small counts, no thin space inside a number.
    Cached: page headers, footers and repeated captions recur through a report."""
    cleaned = arabic_numbers(arabic_dates(ascii_numbers(clean_text(raw) if _MARKUP.search(raw) else SUBSCRIPTS(raw))))
    if "<" in raw and (heading := _HTML_HEADING.match(raw)) and cleaned.strip():
        cleaned = "#" * int(heading.group(1)) + " " + cleaned.strip()  # `<h3>目標</h3>`: a heading, as `### 目標`
    if "年" in cleaned:  # Taiwan's `112年度` is 2023; `2023/24財政年度` is 2024
        cleaned = fiscal_years(gregorian_years(cleaned))
    if ("..." in cleaned or "··" in cleaned or "……" in cleaned or "．．" in cleaned) and _LEADER.search(cleaned):
        cleaned = _LEADER.sub("    ", cleaned)  # `員工總數........2,418人`: dot leaders are a column gap
    if "\u2009" in cleaned or "\u202f" in cleaned:
        cleaned = _THIN_SPACE_IN_NUMBER.sub("", cleaned)  # `23 154.80` with a thin space is one number
    if "丨" in cleaned or "▏" in cleaned or "│" in cleaned:  # `外購電力丨11,862萬千瓦時`, `範圍一 ▏ 41,260噸`:
        cleaned = _STROKE_BAR.sub("：", cleaned)  # a web page's bar between a label and its value
    if ("·" in cleaned or "｜" in cleaned) and _TILE_GAP.search(cleaned):
        cleaned = _TILE_GAP.sub("；", cleaned)  # `範圍一排放 126,345.6吨 · 範圍二排放 …`: one key figure a clause
    return cleaned


_DIGITS = re.compile(r"\d+")
_MIN_PAGES = 2  # a line that opens (or closes) two pages or more is the pages' furniture


def page_furniture(text: str) -> set[int]:
    """The numbers of the lines `pdftotext` prints on every page around its text: a running header
    (`某某控股有限公司    2024 環境、社會及管治報告`) that opens two pages or more after a form feed,
    and a footer that closes them (its page number apart). Between a table's rows they are no row,
    label or heading of it; in prose no sentence."""
    if "\f" not in text:
        return set()
    raws = source_lines(text)
    firsts: dict[str, list[int]] = {}
    lasts: dict[str, list[int]] = {}
    page_start, last = True, 0
    for number, raw in enumerate(raws, start=1):
        starts_page = "\f" in raw
        key = " ".join(raw.replace("\f", " ").split())
        if starts_page and last:
            lasts.setdefault(_DIGITS.sub("#", " ".join(raws[last - 1].split())), []).append(last)
        page_start = page_start or starts_page
        if not key:
            continue
        if page_start:
            firsts.setdefault(key, []).append(number)
            page_start = False
        last = number
    found = {number for numbers in firsts.values() if len(numbers) >= _MIN_PAGES for number in numbers}
    return found | {number for numbers in lasts.values() if len(numbers) >= _MIN_PAGES for number in numbers}
