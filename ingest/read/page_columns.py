"""Pages printed in two columns and extracted with `pdftotext -layout`: each text line holds a piece of
the left column (prose) and, after a run of spaces, a piece of the right one (a KPI table):

    氣體盤查議定書》及生態環境部發佈的全國電                  範圍一排放         3,415.2     3,602.8
    網平均排放因子計算溫室氣體排放，並同時披                  （噸二氧化碳當量）

Read line by line, the table's rows would take the prose as their labels and the prose the table's
figures. Here each such block of lines is split at the column where the right part starts (the same
display column on every line), giving two views of the report's lines: the right parts for the table
readers and the left parts for the prose reader, each piece keeping its source line.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.read.layout import Line, plain_line
from ingest.read.text import HAN, width

_GAP = re.compile(r"\S( {3,})(?=\S)")
_MIN_RIGHT_COLUMN = 24  # display columns: a right column starts past the middle of a narrow page at least
_MIN_SPLIT_LINES = 4  # lines holding both columns that show a block
_MIN_PROSE_LINES = 3  # of which the left parts read as prose (a table's label column does not)
_MARGIN = 2  # spaces before a prose line of the left column (it starts at the page's margin)
_INDENT = 6  # display columns a row of the right column may be indented by (`  按性別劃分`)
_FULL_SLACK = 4  # two CJK characters short of the longest left part still fills the column
_MIN_LEFT_CHARS = 14  # a line of wrapped prose is longer than most labels
_PUNCTUATION = re.compile(r"[，。；！？]")
_MIN_PUNCTUATED_LINES = 2  # wrapped prose has commas and full stops on some of its lines


def _right_start(raw: str) -> int | None:
    """The display column where the text after a line's first wide gap starts (None: no such gap)."""
    match = _GAP.search(raw)
    return width(raw[: match.end(1)]) if match else None


def _in_column(start: int, column: int) -> bool:
    """Whether text starting at display column `start` stands in the column starting at `column` (its
    rows may be indented: `  按性別劃分`)."""
    return column - 1 <= start <= column + _INDENT


def _only_right(raw: str, column: int) -> bool:
    stripped = raw.lstrip(" ")
    return bool(stripped) and _in_column(width(raw[: len(raw) - len(stripped)]), column)


def _split(raw: str, column: int) -> tuple[str, str] | None:
    """(left, right) of a line whose right part starts at `column`, or None if it has none there."""
    for match in _GAP.finditer(raw):
        if _in_column(width(raw[: match.end(1)]), column):
            return raw[: match.start(1) + 1], raw[match.end(1) :]
    return None


def _column_of(block: list[Line]) -> int | None:
    """The right column's start shared by the block's lines, if it is a two-column block."""
    starts = Counter(start for line in block if (start := _right_start(line.raw)) and start >= _MIN_RIGHT_COLUMN)
    if not starts:
        return None
    mode, _ = starts.most_common(1)[0]
    column = min(start for start in starts if mode - _INDENT <= start <= mode)  # its rows may be indented
    split = [parts for line in block if (parts := _split(line.raw, column))]
    prose = [left for left, _ in split if _is_prose(left)]
    labelled = [right for _, right in split if HAN.search(right)]
    if len(split) < _MIN_SPLIT_LINES or len(labelled) < _MIN_SPLIT_LINES:
        return None
    # the left parts are a column of prose: most of them text from the margin, with no gap inside, and
    # filling the column's width (wrapped text; a table's labels end wherever they end)
    widths = [width(left.strip()) for left in prose]
    full = [value for value in widths if value >= max(widths, default=0) - _FULL_SLACK]
    if sum(1 for left in prose if _PUNCTUATION.search(left)) < _MIN_PUNCTUATED_LINES:
        return None  # long labels of a table (`范围二温室气体排放（基于位置）`) are no sentences
    return column if len(full) >= max(_MIN_PROSE_LINES, len(split) // 2) else None


def _is_prose(left: str) -> bool:
    """A left part that reads as a line of prose: from the page's margin, no gap inside (a table's row
    has one between its code or category and its label), long enough to be wrapped text."""
    text = left.rstrip()
    return (
        len(text) - len(text.lstrip(" ")) <= _MARGIN
        and len(text.strip()) >= _MIN_LEFT_CHARS
        and not _GAP.search(text.strip())
        and bool(HAN.search(text))
    )


def split_columns(lines: list[Line]) -> tuple[list[Line], list[Line], set[int]]:
    """(lines for the table readers, lines for the prose reader, the ids of the left parts): the same
    lines where no block of two columns stands (a block is a run of lines; blank lines end it). The prose
    view holds a block's left parts, then its right parts: those no table reads are prose too."""
    table_view: list[Line] = []
    prose_view: list[Line] = []
    left_parts: set[int] = set()
    index = 0
    while index < len(lines):
        end = index + 1
        while end < len(lines) and lines[end].number == lines[end - 1].number + 1:
            end += 1
        block = lines[index:end]
        column = _column_of(block) if len(block) >= _MIN_SPLIT_LINES else None
        if column is None:
            table_view += block
            prose_view += block
        else:
            rights: list[Line] = []
            for line in block:
                parts = _split(line.raw, column)
                left, right = parts if parts else (("", line.raw) if _only_right(line.raw, column) else (line.raw, ""))
                if left.strip():
                    prose_view.append(Line(line.number, left, plain_line(left)))
                    left_parts.add(id(prose_view[-1]))
                if right.strip():
                    rights.append(Line(line.number, right, plain_line(right)))
            table_view += rights
            prose_view += rights
        index = end
    return table_view, prose_view, left_parts
