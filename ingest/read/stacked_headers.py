"""Column headers a PDF prints rotated, which `pdftotext -layout` gives one character a line, stacked
above their columns:

                      單          1        1        1
                      位          1        1        1
                                  3        2        1
                                  年       年       年
      項目

read top-down, column by column, as the header line they stand for (`項目  單位  113年  112年  111年`),
written on the run's last line; the lines above it are left blank, so every line keeps its number.
"""

from __future__ import annotations

import re

from ingest.read.text_headers import other_header, parse_header

_MIN_STACKED_LINES = 2
_SHORT_TOKEN = re.compile(r"\S{1,2}")
_TOKEN = re.compile(r"\S+")
_MAX_DRIFT = 1  # a character set a column off its neighbours above


# two lines of short tokens set apart by wide gaps, one over the other: the cheap test of a whole text
_TWO_STACKED_LINES = re.compile(
    r"^[ \t]*\S{1,2}(?:[ \t]{2,}\S{1,2})+[ \t]*\n[ \t]*\S{1,2}(?:[ \t]{2,}\S{1,2})+", re.MULTILINE
)


def stacked_headers(text: str, lines: list[str]) -> list[str]:
    """`lines` (the text's) with each run of stacked header characters read as the header line it prints."""
    if not _TWO_STACKED_LINES.search(text):
        return lines
    out = list(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _stacked(lines[end]):
            end += 1
        if end - index >= _MIN_STACKED_LINES and (header := _header(lines[index:end])) is not None:
            out[index : end - 1] = [""] * (end - 1 - index)
            out[end - 1] = header
        index = max(end, index + 1)
    return out


def _stacked(line: str) -> bool:
    """A line of header characters stacked in columns: two or more tokens, all but one of one or two
    characters (the label header, `項目`, may stand on the last line), no figure of a data row."""
    tokens = _TOKEN.findall(line)
    short = sum(1 for token in tokens if _SHORT_TOKEN.fullmatch(token))
    return len(tokens) >= 2 and short >= len(tokens) - 1 and "," not in line and "." not in line


def _header(run: list[str]) -> str | None:
    """The header line a run of stacked lines prints, if it reads as one."""
    columns: list[list[str | int]] = []  # [start, text] in order of position
    for line in run:
        for match in _TOKEN.finditer(line):
            column = next((column for column in columns if abs(int(column[0]) - match.start()) <= _MAX_DRIFT), None)
            if column is None:
                columns.append([match.start(), match.group()])
            else:
                column[1] = f"{column[1]}{match.group()}"
    columns.sort(key=lambda column: int(column[0]))
    header = ""
    for start, text in columns:
        header = header.ljust(int(start)) if len(header) < int(start) else header + "  "
        header += str(text)
    line = " ".join(header.split())
    return header if parse_header(line) is not None or other_header(line) is not None else None
