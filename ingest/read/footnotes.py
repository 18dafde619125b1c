"""Footnotes near a figure: the lines below a table or figure that open with a footnote mark
(`5  阿里健康不涉及直接溫室氣體排放量（範圍一）…`, `注1：…`, `<sup>2</sup> …`, `*…`).

A weakly labelled figure may be confirmed by what its footnote says (an unscoped GHG total whose
note speaks of scope 1 and 2 only); `label_confirmations.note_confirms` says what to look for.
"""

from __future__ import annotations

import re

from ingest.read.markup import clean_text
from ingest.read.text import fold

_FOOTNOTE_LINE = re.compile(
    r"^\s*(?:<sup>\s*\d{1,2}\s*</sup>|\$\^\{?\d{1,2}\}?\$|注\s*\d{0,2}\s*[:：.．、]?|[(（]?\d{1,2}[)）]?[\s.．、:：]|[¹²³⁴⁵⁶⁷⁸⁹*])"
)
NOTE_LOOKAHEAD_LINES = 40


def footnote_below(lines: list[str], line_number: int, wanted: re.Pattern[str]) -> str | None:
    """The first footnote within NOTE_LOOKAHEAD_LINES below `line_number` (1-based) whose folded text
    `wanted` matches, as printed (markup removed), or None."""
    for number in range(line_number, min(len(lines), line_number + NOTE_LOOKAHEAD_LINES)):
        raw = lines[number]
        if _FOOTNOTE_LINE.match(raw) and wanted.search(fold(raw)):
            return clean_text(raw)
    return None
