"""Prose hard-wrapped at a fixed width (PDF text without layout) -> one logical line per paragraph.

`pdftotext` and many converters break a paragraph wherever the page's column ends, so a label, its
value and its unit can stand on two lines (`總耗水量為 186,420 立方米（2023` / `年：201,385 立方米）`).
A line is the wrapped head of the next when it is as wide as its neighbours (the column is full)
or the next line's first word would not have fitted on it, and it does not end its sentence.
Short lines (key-figure tiles, captions, list items) are never joined: their layout is their grammar.

The joined line keeps where each source line starts (`Line.breaks`), so a value's lineage is still
the line it is printed on.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.read.layout import Line
from ingest.read.prose_tokens import SENTENCE_END, is_heading
from ingest.read.text import width

# A wrapped line ends inside its sentence: not after a full stop or a semicolon, nor after a colon
# (a list follows) unless a bracket is still open (`（2023年：`).
_ENDS_SENTENCE = re.compile(r"[。！？!?；;]\s*$")
_ENDS_LEAD_IN = re.compile(r"[：:]\s*$")
# The first word of a line: a run of Latin letters, digits and their punctuation, or one character.
_FIRST_WORD = re.compile(r"[!-~]+|\S")
# Lines that start a new item: bullets, `（一）`, `1.`, `一、`; a figure alone, maybe with its unit
# (a page number, a tile's or a table cell's value: `10,472.4`, `3,215 人`), which is no wrapped prose.
_STARTS_ITEM = re.compile(
    r"\s*(?:[•●■◆▪►▶◇○·\-*#>]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,3}、"
    r"|[-+]?\d[\d,.]*\s*(?:%|[^\s\d，。,.；;：:、（）()]{1,8})?\s*$"
    r"|(?:KPI\s*)?[A-D]\d{1,2}(?:\.\d{1,2})?(?=\s|[\u4e00-\u9fff]))"  # `B2.2 因工傷損失工作日數：…`: an HKEX KPI
)

# A row of a text table whose columns are one space apart: it ends in two figures (`外購電力 兆瓦時 121.5 129.48`).
_ENDS_IN_COLUMNS = re.compile(r"\d[\d,.]*%?\s+[-+]?\d[\d,.]*%?\s*$")
# A `label：value` record (`員工總數：8,316人（2023年：8,105人）`): a list of them is no paragraph.
_KEY_VALUE = re.compile(r"\s*[^，。；;：:\s]{2,20}[：:]\s*[-+—\d]")
_WINDOW = 3  # lines each side that show the column's width
_FULL_SLACK = 4  # two CJK characters short of the widest neighbour still fills the column
# an HTML block element opening a line: its own paragraph, never the wrapped end of the line above
OPENS_BLOCK = re.compile(r"\s*<(?:p|div|dt|dd|li|h[1-6]|tr|section|article|blockquote)[\s>]", re.IGNORECASE)


def opens_item(line: Line) -> bool:
    """Whether a line starts an item or a block of its own (`- 用水總量為…`, `（二）`, `<p>`), never the
    wrapped end of the line above."""
    return bool(_STARTS_ITEM.match(line.text) or OPENS_BLOCK.match(line.raw))


_MIN_FULL_LINES = 2  # a column width is shown by at least two lines reaching it
_MIN_WIDTH = 30  # fifteen CJK characters: narrower columns are tiles and tables, not paragraphs


def _is_layout_line(line: Line) -> bool:
    """A table row (cells apart) or a heading: its line break is meant."""
    text = line.text
    return "\t" in text or "  " in text.strip() or bool(_ENDS_IN_COLUMNS.search(text)) or is_heading(text.strip())


def join_wrapped(lines: list[Line]) -> list[Line]:
    """`lines` with each hard-wrapped paragraph joined into its first line (see the module's docstring)."""
    widths = [width(line.text.strip()) for line in lines]
    joins = [False] * len(lines)
    numbers = [line.number for line in lines]
    open_paragraph = _open_paragraphs(lines)
    for index in range(len(lines) - 1):  # most lines are short or stand apart: they end their paragraph
        if numbers[index + 1] != numbers[index] + 1:
            continue
        if open_paragraph[index] and not OPENS_BLOCK.match(lines[index + 1].raw):
            joins[index] = True  # an HTML `<p>` its line leaves open goes on below, whatever the widths
        elif widths[index] >= _MIN_WIDTH // 2:
            joins[index] = _wraps_into_next(lines, widths, index)
    if not any(joins):
        return lines
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while joins[end]:
            end += 1
        out.append(lines[index] if end == index else _joined(lines[index : end + 1]))
        index = end + 1
    return out


_PARAGRAPH_TAG = re.compile(r"<(/?)p[\s>]", re.IGNORECASE)


def _open_paragraphs(lines: list[Line]) -> list[bool]:
    """Whether each line ends inside an HTML `<p>` (Word's filtered HTML wraps a paragraph's source
    over several lines: `<p class=MsoNormal>…参与员工1,368` / `人次，员工志愿服务时长…</p>`)."""
    inside, out = False, []
    for index, line in enumerate(lines):
        if index and line.number != lines[index - 1].number + 1:
            inside = False
        if "<" in line.raw and (tags := _PARAGRAPH_TAG.findall(line.raw)):
            inside = tags[-1] == ""  # the last `<p>` opened and not closed
        out.append(inside)
    return out


def _wraps_into_next(lines: list[Line], widths: list[int], index: int) -> bool:
    """Cheapest tests first: most lines of a report are short or end their sentence."""
    line, below = lines[index], lines[index + 1]
    own = widths[index]
    first_word = _FIRST_WORD.match(below.text.lstrip())
    next_width = width(first_word.group()) if first_word else 0
    if own < _MIN_WIDTH - _FULL_SLACK and own + next_width <= _MIN_WIDTH:
        return False  # not full in any column a paragraph is wrapped at
    text = line.text.rstrip()
    if _ENDS_SENTENCE.search(text) or line.raw.endswith("  ") or opens_item(below):
        return False  # (HTML puts a block on its own line: `<dt>總訓練時數</dt><dd>…`, `<p>`, `<li>`)
    if _KEY_VALUE.match(text) and _KEY_VALUE.match(below.text):
        return False
    if _ENDS_LEAD_IN.search(text) and text.count("（") + text.count("(") <= text.count("）") + text.count(")"):
        return False
    near = [
        widths[other]
        for other in range(max(0, index - _WINDOW), min(len(lines), index + _WINDOW + 1))
        if abs(lines[other].number - line.number) <= _WINDOW  # a line across a gap is of another block
    ]
    column = max(near)
    if column < _MIN_WIDTH or sum(1 for other in near if other >= column - _FULL_SLACK) < _MIN_FULL_LINES:
        return False
    if own < column - _FULL_SLACK and own + next_width <= column:
        return False
    return not _is_layout_line(line) and not _is_layout_line(below)


def _joined(lines: list[Line]) -> Line:
    text, raw, breaks = lines[0].text.rstrip(), lines[0].raw.rstrip(), []
    for line in lines[1:]:
        gap = " " if text[-1:].isascii() and text[-1:].isalnum() and line.text.lstrip()[:1].isascii() else ""
        breaks.append(len(text) + len(gap))
        text += gap + line.text.strip()
        raw += gap + line.raw.strip()
    return Line(lines[0].number, raw, text, tuple(breaks))


def number_at(line: Line, offset: int) -> int:
    """The source line on which the character at `offset` of a (possibly joined) line is printed."""
    return line.number + bisect_right(line.breaks, offset) if line.breaks else line.number


def label_line_of(line: Line, prefix: str) -> int:
    """The source line on which the label just before a value ends (a joined paragraph spans several)."""
    return number_at(line, max(len(prefix.rstrip()) - 1, 0))


def own_sentence_start(line: Line, sentence: str, offset: int) -> int:
    """Where the text a value's sentence reads from starts in a joined paragraph: at the sentence end
    before it, but never after the start of the value's own source line (as if it were not joined)."""
    own_line = max((start for start in line.breaks if start <= offset), default=0)
    last_end = max((end.end() for end in SENTENCE_END.finditer(sentence)), default=0)
    return min(own_line, last_end)
