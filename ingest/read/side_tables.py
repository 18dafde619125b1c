"""Two narrow tables printed side by side on one page and extracted with `pdftotext -layout`: each text
line holds a row of the left table and, further on, a row of the right one:

    項目      單位      2023年     2024年          項目      單位    2023年    2024年
    範疇一    公噸CO2e  3,812.46   3,596.20        員工總數  人      2,486     2,613

Read line by line, the right table's rows would run on as more values of the left's. A header line that
holds two headers (a label header word, then period columns, twice) shows such a page; every line of its
block is cut where the second header starts (`pdftotext` keeps a column at one character position), the
left parts then the right parts handed to the table readers, each piece keeping its source line.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.map.vocabulary import role_pattern
from ingest.read.layout import Line, plain_line
from ingest.read.periods import is_label_header
from ingest.read.text_headers import parse_header

_WORD = re.compile(r"\S+")
_MIN_PART_CHARS = 8  # characters before the second header: a left table of a label and a column at least


@cache
def _label_hint() -> re.Pattern[str]:
    """A character or word a label header holds, in either script (`label_column_hint`)."""
    return role_pattern("label_column_hint", re.IGNORECASE)


def _second_header_at(line: Line) -> int | None:
    """Where the second of two headers on a line starts (a character position of `line.raw`), if it holds two."""
    if "\t" in line.text or len(line.raw) < 2 * _MIN_PART_CHARS or len(_label_hint().findall(line.raw)) < 2:
        return None  # (most lines: no two label headers, the cheap test first)
    starts = [match.start() for match in _WORD.finditer(line.raw) if is_label_header(match.group())]
    for start in starts[1:]:
        left, right = parse_header(plain_line(line.raw[:start])), parse_header(plain_line(line.raw[start:]))
        if left and right and start >= _MIN_PART_CHARS and line.raw[start - 1] == " ":
            return start
    return None


def _cut(raw: str, at: int) -> tuple[str, str] | None:
    """(left, right) of a line cut at character `at`, or None where a word runs across the cut."""
    if len(raw) <= at:
        return raw, ""
    if raw[at - 1] != " " and raw[at] != " ":
        return None
    return raw[:at], raw[at:]


def split_side_tables(lines: list[Line]) -> list[Line]:
    """The lines with each block under a double header (a run of consecutive lines) as its left parts,
    then its right parts; every other line as it is."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        at = _second_header_at(lines[index]) if "年" in lines[index].raw or "20" in lines[index].raw else None
        if at is None:
            out.append(lines[index])
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].number == lines[end - 1].number + 1 and _cut(lines[end].raw, at):
            end += 1
        lefts: list[Line] = []
        rights: list[Line] = []
        for line in lines[index:end]:
            left, right = _cut(line.raw, at) or (line.raw, "")
            lefts += [Line(line.number, left, plain_line(left))] if left.strip() else []
            rights += [Line(line.number, right, plain_line(right))] if right.strip() else []
        out += lefts + rights
        index = end
    return out
