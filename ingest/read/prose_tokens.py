"""The grammar of a prose or key-figure line: number-and-unit tokens, clause and sentence ends,
headings, a line's last clause and a unit a label carries in brackets.

Everything here is about how a line is built, not what it says; the readers of key figures and
prose (`read.statements`, `read.prose_labels`, `read.zeros`) build on it. Each reading is a pure
function of the text and cached: a line is read again as the label line, the wrapped start or the
context of the figures below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.map.units import is_unit_alone, unit_prefix
from ingest.read.layout import Line
from ingest.read.memo import memo

# A number not glued to a word, a decimal or another number (`-1,234.5`, not `A1`, `1.2.3`, `2-3`).
# It opens with the character it consumes, its look-behind checked after: a pattern that opens with a
# look-behind is tried at every position, one that opens with a character class skips to the digits.
_VALUE = re.compile(
    r"[-−\d](?<![\d.,A-Za-z/\-−][-−\d])"
    r"(?:(?<=[-−])(?:\d{1,3}(?:,\d{3})+|\d+)|(?<=\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?:\.\d+)?(?!\d)"
)
_DIGIT = re.compile(r"\d")
CLAUSE_END = re.compile(r"[，,。；;：:！!？?、]")
SENTENCE_END = re.compile(r"[。；;！!？?]")
BULLETS = " \t•·-*>#–—"
_HEADING = re.compile(r"^(?:#+\s*|\d+(?:\.\d+)+\s*(?=[\u4e00-\u9fff]{2})|表\s*[:：])")
_BARE_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
UNIT_IN_LABEL = re.compile(r"[(（]([^()（）]{1,16})[)）]$")


@dataclass(frozen=True)
class Value:
    start: int
    end: int  # after the unit
    raw: str
    unit: str | None


@memo
def unit_in_label(label: str) -> str | None:
    """The unit a label carries in a closing bracket (`僱員總數（人）`)."""
    match = UNIT_IN_LABEL.search(label.strip())
    if match and is_unit_alone(match.group(1)):
        return match.group(1)
    return None


def may_carry_unit(prefix: str, above: list[Line]) -> bool:
    """Whether a label cut from `prefix` and the lines `above` could end in a unit in brackets
    (`僱員總數（人）`): without a closing bracket in them, `unit_in_label` finds none in any such label."""
    return any(")" in text or "）" in text for text in (prefix, *(line.text for line in above)))


def is_heading(text: str) -> bool:
    """`## 排放物`, `3.2 人才發展及培訓`, `表：員工構成` -- but not a figure such as `26.83 小時`.
    Not cached: most lines fail the match at their first character, cheaper than a cache lookup."""
    match = _HEADING.match(text)
    if not match:
        return False
    return not text[0].isdigit() or unit_prefix(text, match.end()) is None


@memo
def is_figure_line(text: str) -> bool:
    """A line that states a figure: a value with its unit, or a number alone (a tile's value)."""
    return has_value(text) or bool(_BARE_NUMBER.fullmatch(text.strip()))


@memo
def has_value(text: str) -> bool:
    return any(value.unit for value in line_values(text))


def line_values(text: str) -> tuple[Value, ...]:
    """Number-and-unit tokens of a line (none without a digit: most lines of a report)."""
    return _line_values(text) if _DIGIT.search(text) else ()


@memo
def _line_values(text: str) -> tuple[Value, ...]:
    """Cached: a line is also read as the label line of the next."""
    found = []
    for match in _VALUE.finditer(text):
        unit = unit_prefix(text, match.end())
        end = match.end()
        if unit:
            end = text.index(unit, match.end()) + len(unit)
        found.append(Value(match.start(), end, match.group(), unit))
    return tuple(found)


@memo
def last_clause(text: str) -> str:
    """The last clause of a line, after its last delimiter or value: the label of what follows."""
    cut = max((match.end() for match in CLAUSE_END.finditer(text)), default=0)
    for value in line_values(text):
        if value.unit or value.end == len(text.rstrip()):
            cut = max(cut, value.end)
    return text[cut:].strip(BULLETS)
