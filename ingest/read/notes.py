"""The report's own explanation of a figure: a footnote near it that gives a reason for a change.

    4.因 2024 年新設體檢中心門店，以及統計宿豫醫院 2024 年全年度排放數據，較 2023 年數據統計口徑增大。

A finding on a figure carries such a note, so the reviewer reads the report's reason beside the
numbers. A note is a line in the few lines after the figure's table that opens like a footnote
(`注：`, `1.`, `2 `, `*`, `※`, `<sup>3</sup>`) and speaks of a change or of a change of basis.
"""

from __future__ import annotations

import re

from ingest.read.markup import clean_text
from ingest.read.text import fold

_NOTE_OPENING = re.compile(
    r"^\s*(?:<sup>\s*\d+\s*</sup>|\d{1,2}\s*[.、．)）]|\d{1,2}\s{1,3}(?=\D)|[*※#]|[注註](?:\d*)\s*[:：]?)"
)
# A change, or what changes a figure's basis; a cause alone (`由於…估算`) is a method note.
_CHANGE = re.compile(
    r"口径|统计范围|新设|新增|替代|增加|增长|增大|减少|下降|上升|变化|变动|调整|停止|关闭|暂停|出售|收购"
)
_WINDOW_LINES = 40
_MAX_NOTE_CHARS = 240


def explaining_note(lines: list[str], statement_lines: list[int], label: str = "") -> str | None:
    """The best note within the lines after any statement of the figure (1-based line numbers).

    A note that names the figure's label wins over one that only explains the table's scope.
    """
    stem = fold(re.sub(r"[(（].*?[)）]", "", label))[:4]
    best: tuple[int, int, str] | None = None
    for line_number in sorted(set(statement_lines)):
        for index in range(line_number, min(len(lines), line_number + _WINDOW_LINES)):
            text = clean_text(lines[index])
            if not text or not _NOTE_OPENING.match(lines[index]):
                continue
            folded = fold(text)
            if not _CHANGE.search(folded):
                continue
            score = 2 if stem and stem in folded else 1
            if best is None or score > best[0]:
                best = (score, index + 1, text)
    if best is None:
        return None
    _, number, text = best
    text = text if len(text) <= _MAX_NOTE_CHARS else text[: _MAX_NOTE_CHARS - 1] + "…"
    return f"the report notes (line {number}): {text}"
