"""Footnotes near a figure: the lines below a table or figure that open with a footnote mark
(`5  阿里健康不涉及直接溫室氣體排放量（範圍一）…`, `注1：…`, `<sup>2</sup> …`, `*…`).

A weakly labelled figure may be confirmed by what its footnote says (an unscoped GHG total whose
note speaks of scope 1 and 2 only); `label_confirmations.note_confirms` says what to look for. A
table row whose label carries a mark (`無害廢棄物產生量#`, `耗水量[4]`, `員工總數¹`) has the note below
that opens with the same mark (`# 僅統計公司總部…`, `4. …`, `¹ …`).
"""

from __future__ import annotations

import re

from ingest.read.markup import clean_text
from ingest.read.text import fold

_FOOTNOTE_LINE = re.compile(
    r"^\s*(?:<sup>\s*\d{1,2}\s*</sup>|\$\^\{?\d{1,2}\}?\$|注\s*\d{0,2}\s*[:：.．、]?|[(（]?\d{1,2}[)）]?[\s.．、:：]|[¹²³⁴⁵⁶⁷⁸⁹*])"
)
NOTE_LOOKAHEAD_LINES = 40
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# the mark right after a label: `¹`, `[4]`, `(2)`, `注3`, `①`, `*`, `**`, `#`, `†`
_LABEL_MARK = re.compile(
    rf"\s?(?:([{_SUPERSCRIPTS}])|[\[［(（]\s?(\d{{1,2}})\s?[\]］)）]|[注註]\s?(\d{{1,2}})|([{_CIRCLED}])|(\*{{1,3}}|[#†‡]))"
)


def footnote_below(lines: list[str], line_number: int, wanted: re.Pattern[str]) -> str | None:
    """The first footnote within NOTE_LOOKAHEAD_LINES below `line_number` (1-based) whose folded text
    `wanted` matches, as printed (markup removed), or None."""
    for number in range(line_number, min(len(lines), line_number + NOTE_LOOKAHEAD_LINES)):
        raw = lines[number]
        if _FOOTNOTE_LINE.match(raw) and wanted.search(fold(raw)):
            return clean_text(raw)
    return None


def marked_note(lines: list[str], line_number: int, label: str) -> str | None:
    """The note below `line_number` (1-based) that opens with the mark `label` carries on that line, as
    printed (markup removed); None when the label carries no mark or no note below opens with it."""
    line = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
    at = line.find(label) if label else -1
    mark = _LABEL_MARK.match(line, at + len(label)) if at >= 0 else None
    if mark is None:
        return None
    superscript, bracketed, noted, circled, symbol = mark.groups()
    if symbol:
        opening = re.compile(rf"^\s*{re.escape(symbol)}(?![*#†‡])")
    else:
        number = str(_SUPERSCRIPTS.index(superscript) + 1) if superscript else bracketed or noted
        number = str(_CIRCLED.index(circled) + 1) if circled else number
        signs = re.escape(_SUPERSCRIPTS[int(number) - 1] + _CIRCLED[int(number) - 1]) if int(number) <= 9 else ""
        opening = re.compile(
            rf"^\s*(?:[注註]\s?)?(?:[\[［(（]\s?{number}\s?[\]］)）]|{number}(?!\d)\s*[.．、:：)）]?|[{signs}])"
            if signs
            else rf"^\s*(?:[注註]\s?)?[\[［(（]?\s?{number}\s?[\]］)）]?\s*[.．、:：]"
        )
    for number in range(line_number, min(len(lines), line_number + NOTE_LOOKAHEAD_LINES)):
        if opening.match(lines[number]):
            return clean_text(lines[number])
    return None
