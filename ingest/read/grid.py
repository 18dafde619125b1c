"""HTML tables and tab-separated text -> grids of cells, with `rowspan` / `colspan` expanded.

A grid is what the printed table looks like: every row has a cell in every column, a spanned cell is
repeated in each position it covers (`Cell.origin` tells copies from the cell itself), and every row
keeps the 1-based source line where it starts. HTML is read with a real parser (Lexbor through
selectolax); a table written over several lines is found as one `<table>…</table>` span.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.map.vocabulary import alternation
from ingest.read.aria import aria_as_tables, definition_rows_as_tables, figures_as_tables
from ingest.read.markup import clean_text
from ingest.read.stacked_rows import stacked_rows

_TABLE_SPAN = re.compile(r"<table\b.*?(?:</table\s*>|(?=<table\b)|\Z)", re.IGNORECASE | re.DOTALL)
_ROW_START = re.compile(r"<tr\b", re.IGNORECASE)
_NEWLINE = re.compile("\n")
_MAX_SPAN = 50
_MAX_SECTION_CHARS = 40
_HEADER_ROWS = 4
_SENTENCE_END = re.compile(r"[。；;！!？?：:，,]")
_MIN_CSV_FIELDS = 3
_MAX_QUOTED_LINES = 5
_MAX_HEADER_CHARS = 24
_PROSE_MARK = re.compile(r"[，。；！？]")  # not `：`: `其中：女性僱員` is a label
_TABLE_TAG_OR_PIPE = re.compile(r"<t[dhr]\b|^\s*\|", re.IGNORECASE)


@cache
def _period_hint() -> re.Pattern[str]:
    """A header row names periods or a data column; a run of tab lines without one is left to the text readers."""
    return re.compile(rf"20\d{{2}}|1[01]\d\s*年|{alternation('grid_header_hint')}", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    text: str
    origin: tuple[int, int]  # (row, column) of the cell as written; a spanned copy shares it


@dataclass
class Grid:
    """One table as rows of cells; `lines[r]` is the source line of row r."""

    rows: list[list[Cell]]
    lines: list[int]
    first_line: int
    last_line: int
    kind: str  # "html", "markdown", "tabs" or "cell_lines"
    cell_lines: list[list[int]] = field(default_factory=list)  # per cell, where each cell has its own line
    caption: str = ""  # an HTML table's own `<caption>`
    notes: str = ""  # an HTML table's `<tfoot>`: notes that may bound it (`本表數據僅涵蓋附屬公司…`)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def line_of(self, row: int, column: int) -> int:
        """The source line of one cell: its own line in a one-cell-per-line table, else its row's."""
        if self.cell_lines and column < len(self.cell_lines[row]):
            return self.cell_lines[row][column]
        return self.lines[row]

    def texts(self, row: int) -> list[str]:
        return [cell.text for cell in self.rows[row]]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in _NEWLINE.finditer(text))
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def _span(attributes: dict[str, str | None], name: str) -> int:
    try:
        return max(1, min(_MAX_SPAN, int((attributes.get(name) or "1").strip() or 1)))
    except ValueError:
        return 1


def _cell_text(node: LexborNode) -> str:
    return clean_text(node.inner_html or "")


def _expand(html_rows: list[list[LexborNode]], spans: bool = True) -> list[list[Cell]]:
    """Place each cell in the grid, skipping positions that a rowspan above already fills.
    `spans`: whether the table has any `rowspan`/`colspan` (most have none: their attributes go unread)."""
    grid: dict[tuple[int, int], Cell] = {}
    for r, nodes in enumerate(html_rows):
        c = 0
        for node in nodes:
            while (r, c) in grid:
                c += 1
            cell = Cell(_cell_text(node), (r, c))
            attributes = node.attributes if spans else None
            if not attributes:
                grid[(r, c)] = cell
                c += 1
                continue
            rowspan, colspan = _span(attributes, "rowspan"), _span(attributes, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), cell)
            c += colspan
    rows = len(html_rows)
    width = max((c for (_, c) in grid), default=-1) + 1
    return [[grid.get((r, c), Cell("", (r, c))) for c in range(width)] for r in range(rows)]


def _unstacked(rows: list[list[Cell]], html_rows: list[list[LexborNode]]) -> list[tuple[int, list[Cell]]]:
    """The grid's rows with the row each came from: a row stacked over `<br>`s (`read.stacked_rows`) as
    rows of its own."""
    if not any("<br" in (node.inner_html or "").lower() for nodes in html_rows for node in nodes):
        return list(enumerate(rows))
    raw: dict[tuple[int, int], str] = {}
    for r, nodes in enumerate(html_rows):  # a row's own cells stand in its grid row in the order written
        own = sorted({cell.origin for cell in rows[r] if cell.origin[0] == r}, key=lambda origin: origin[1])
        raw.update(zip(own, (node.inner_html or "" for node in nodes), strict=False))
    unstacked: list[tuple[int, list[Cell]]] = []
    for r, row in enumerate(rows):
        split = stacked_rows([raw.get(cell.origin, cell.text) for cell in row])
        for cells in split if len(split) > 1 else [[cell.text for cell in row]]:
            unstacked.append((r, [Cell(text, cell.origin) for text, cell in zip(cells, row, strict=True)]))
    return unstacked


def html_grids(text: str) -> list[Grid]:
    """Every `<table>` of the report as a grid, and every table drawn with ARIA roles (`read.aria`)."""
    text = aria_as_tables(definition_rows_as_tables(figures_as_tables(text)))
    if "<table" not in text and "<TABLE" not in text:
        return []
    starts = _line_starts(text)
    grids = []
    for match in _TABLE_SPAN.finditer(text):
        source = match.group()
        row_lines = [_line_of(starts, match.start() + row.start()) for row in _ROW_START.finditer(source)]
        tree = LexborHTMLParser(source)
        trs = tree.css("tr")
        html_rows = [list(tr.css("td, th")) for tr in trs]
        if not html_rows or len(html_rows) != len(row_lines):
            row_lines = (
                row_lines + [row_lines[-1] if row_lines else _line_of(starts, match.start())] * len(html_rows)
            )[: len(html_rows)]
        rows = _expand(html_rows, "span" in source.lower())
        caption = tree.css_first("caption") if "<caption" in source.lower() else None
        # `<tfoot>` holds the table's notes (`本表數據僅涵蓋附屬公司…`): they are its caption, not a row
        feet = {index for index, tr in enumerate(trs) if _in_foot(tr)} if "<tfoot" in source.lower() else set()
        notes = " ".join(clean_text(trs[index].text(separator=" ")) for index in sorted(feet))
        stacked = "<br" in source or "<BR" in source  # (most tables: no cell breaks a line)
        unstacked = _unstacked(rows, html_rows) if stacked else list(enumerate(rows))
        keep = [(r, row) for r, row in unstacked if r not in feet and any(cell.text for cell in row)]
        if not keep:
            continue
        grids.append(
            Grid(
                rows=[row for _, row in keep],
                lines=[row_lines[r] for r, _ in keep],
                first_line=_line_of(starts, match.start()),
                last_line=_line_of(starts, match.end() - 1),
                kind="html",
                caption=caption.text(strip=True) if caption else "",
                notes=notes,
            )
        )
    return grids


def _in_foot(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("table", "tfoot"):
        parent = parent.parent
    return parent is not None and parent.tag == "tfoot"


def _is_section_line(raw: str) -> bool:
    text = raw.strip()
    return len(text) <= _MAX_SECTION_CHARS and not _SENTENCE_END.search(text) and not any(ch.isdigit() for ch in text)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def csv_as_tabs(lines: list[str]) -> list[str]:
    """Lines of comma- or semicolon-separated values (a data appendix pasted as CSV: `指標,單位,2024年,2023年`,
    numbers quoted as `"1,284.6"`; Excel's CSV in locales whose decimal mark is a comma: `指標;單位;2024年`)
    as tab-separated lines, for `tab_grids`; every other line as it is. A CSV table opens with a header of
    short cells, one naming a period, and at least one row splits into as many fields as the header;
    prose with ASCII commas (PDF text of mainland reports) does not."""
    return _delimited_as_tabs(_delimited_as_tabs(lines, ","), ";")


def _delimited_as_tabs(lines: list[str], delimiter: str) -> list[str]:
    if not any(delimiter in line for line in lines):
        return lines
    out = list(lines)
    run: list[tuple[int, list[str]]] = []  # the open table's lines so far, header first

    def close() -> None:
        if len(run) >= 2:
            for index, fields in run:  # a section row (`環境範疇,,,,`) as a line of its own
                out[index] = "\t".join(fields) if any(fields[1:]) else fields[0]
        run.clear()

    for index, line in enumerate(lines):
        text = line.lstrip("\ufeff").rstrip("\r")
        if not run and (
            text.count(delimiter) < 2
            or not _could_open_csv(text, delimiter)
            or (delimiter == "," and "," not in _THOUSANDS.sub("", text))
        ):
            continue  # most lines: no table open, and no header of one (a cheap test before parsing); a line whose
            # commas all group thousands (`111年 8,105 5,431 1,152`) is a text table's row, no CSV
        fields = [field.strip() for field in next(csv.reader([text], delimiter=delimiter))] if delimiter in text else []
        if (
            len(fields) < _MIN_CSV_FIELDS
            or "\t" in text
            or _TABLE_TAG_OR_PIPE.search(text)  # a Markdown or HTML row: its own reader's
            or any(_PROSE_MARK.search(field) for field in fields[:2])
        ):
            if text.strip():
                close()
            continue
        if run and len(fields) == len(run[0][1]):
            run.append((index, fields))
            continue
        close()
        if all(len(field) <= _MAX_HEADER_CHARS and not _SENTENCE_END.search(field) for field in fields) and any(
            _period_hint().search(field) for field in fields
        ):
            run.append((index, fields))  # a header: short cells, one naming a period
    close()
    return out


def _quoted_cell_joined(lines: list[str], number: int) -> tuple[str, int]:
    """The tab line `number` (1-based) with the lines its open quote spans (`…\t"按全國電網因子` /
    `0.5703 tCO2/MWh計算"`), and the last line joined; the line alone if the quote does not close soon."""
    text = lines[number - 1]
    for last in range(number + 1, min(len(lines), number + _MAX_QUOTED_LINES) + 1):
        text += " " + lines[last - 1]
        if text.count('"') % 2 == 0:
            return text.replace('"', ""), last
    return lines[number - 1], number


def _could_open_csv(text: str, delimiter: str) -> bool:
    """Whether a line may be a CSV table's header: a period named, every separated piece short."""
    return bool(_period_hint().search(text)) and all(
        len(piece) <= _MAX_HEADER_CHARS + 2 for piece in text.split(delimiter)
    )


def tab_grids(lines: list[str]) -> list[Grid]:
    """Runs of tab-separated lines (a table copied from a web page or a spreadsheet) as grids; one
    blank line inside a run is allowed. Cells keep their printed text (a bilingual cell stays whole)."""
    grids: list[Grid] = []
    rows: list[list[str]] = []
    numbers: list[int] = []
    blank = 0

    def close() -> None:
        if len(rows) >= 2 and any(_period_hint().search(cell) for row in rows[:_HEADER_ROWS] for cell in row):
            width = max(len(row) for row in rows)
            cells = [
                [Cell(clean_text(row[c]) if c < len(row) else "", (r, c)) for c in range(width)]
                for r, row in enumerate(rows)
            ]
            grids.append(Grid(cells, list(numbers), numbers[0], numbers[-1], "tabs"))
        rows.clear()
        numbers.clear()

    skip_to = 0
    for number, raw in enumerate(lines, start=1):
        if number <= skip_to or ("\t" not in raw and not rows):
            continue  # most lines: no table open, no tab
        if "\t" in raw and raw.count('"') % 2:  # a spreadsheet cell quoted over several lines
            raw, skip_to = _quoted_cell_joined(lines, number)
        if not raw.strip():
            blank += 1
            if blank > 1:
                close()
            continue
        cells = [cell.strip() for cell in raw.split("\t")]
        if rows and "\t" not in raw.strip() and _is_section_line(raw):
            cells = [raw.strip()]  # a section row inside the table (`排放物 Emissions`)
        elif "\t" not in raw.strip() or sum(1 for cell in cells if cell) < 2 or _TABLE_TAG_OR_PIPE.search(raw):
            close()
            blank = 0
            continue
        blank = 0
        rows.append(cells)
        numbers.append(number)
    close()
    return grids
