"""A metric as a record of lines, as a web page's accordion or a card copied as text prints it:

    溫室氣體排放量（範疇一）
    單位：公噸CO2e                     (the unit line may also follow the values, or be missing)
    2022 | 2023 | 2024                 (years apart by `|`, tabs or wide spaces; `2025目標`: a target)
    3,210.5 | 3,105.2 | 2,987.4

The label is the line above the years (above a unit line, if one stands between); each value is its
year's, in the unit of the record's unit line or the label's bracket. A line of years without a line
of as many values under it is no record (a chart's axis, a table's header: other readers').
"""

from __future__ import annotations

import re

from ingest.read.cell_values import caption_unit, clean_label, split_label, unit_line, value_of
from ingest.read.layout import Line
from ingest.read.periods import year_of
from ingest.read.prose_tokens import SENTENCE_END
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Companies, caption_scope
from ingest.read.text import HAN, is_not_disclosed

_SEPARATOR = re.compile(r"\s*[|｜]\s*|\t+|\s{2,}")
_YEARISH = re.compile(r"(?:19|20)\d{2}|1[01]\d年|FY\d{2}", re.IGNORECASE)
_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:單位|单位|unit)\s*[:：][^（）()]*[）)]", re.IGNORECASE)
_MAX_LABEL_CHARS = 40
_MIN_YEARS = 2
_MAX_YEARS = 8


def parse_year_records(
    lines: list[Line], fiscal_year: int, consumed: set[int], companies: Companies | None
) -> list[KpiRow]:
    """Rows of the records among `lines`; adds their lines to `consumed`."""
    rows: list[KpiRow] = []
    for index in range(1, len(lines) - 1):
        years = _years(lines[index].text)
        if years is None:
            continue
        values = _cells(lines[index + 1].text)
        if len(values) != len(years) or not all(value_of(cell) or is_not_disclosed(cell) for cell in values):
            continue
        unit_above = _unit(lines[index - 1].text)
        at = index - 2 if unit_above is not None else index - 1
        label_line = lines[at] if at >= 0 else None
        if label_line is None or not _is_label(label_line.text):
            continue
        printed = label_line.text.strip()
        label, label_unit = split_label(clean_label(_UNIT_IN_BRACKETS.sub("", printed)))  # `外購電力（單位：萬千瓦時）`
        unit_below = _unit(lines[index + 2].text) if index + 2 < len(lines) else None
        unit = unit_above or unit_below or label_unit or caption_unit(printed)
        part = caption_scope(printed, companies)  # `越南平陽廠外購電力`: one site's
        for year, cell in zip(years, values, strict=True):
            raw = value_of(cell)
            if year is None or year > fiscal_year or raw is None:
                continue  # a target's column, a future year, not disclosed
            rows.append(
                build_row(
                    layout=Layout.TABLE,
                    source_line=lines[index + 1].number,
                    label_line=label_line.number,
                    labels=[(label, label)],
                    section=label,
                    raw_value=raw,
                    unit=unit,
                    fiscal_year=year,
                    table_header_line=lines[index].number,
                )
            )
            if part is not None:
                rows[-1].scope_note, rows[-1].is_partial_scope = part.note, part.partial
        used = [label_line, lines[index], lines[index + 1]]
        used += [lines[index - 1]] if unit_above is not None else []
        used += [lines[index + 2]] if unit_below is not None else []
        consumed.update(line.number for line in used)
    return rows


def _cells(text: str) -> list[str]:
    return [cell for cell in _SEPARATOR.split(text.strip()) if cell]


def _years(text: str) -> list[int | None] | None:
    """The year of each cell of a line of years (None for a target's: `2025目標`), or None if the line is
    not one: two to eight cells, each a year, at least two of them of the past."""
    if not _YEARISH.match(text.strip()):
        return None  # (most lines: cheap)
    cells = _cells(text)
    if not _MIN_YEARS <= len(cells) <= _MAX_YEARS:
        return None
    years = [year_of(cell) for cell in cells]
    if sum(year is not None for year in years) < _MIN_YEARS or any(
        year is None and not _YEARISH.search(cell) for year, cell in zip(years, cells, strict=True)
    ):
        return None
    return years


def _unit(text: str) -> str | None:
    return unit_line(text.strip())  # `單位：千度（MWh）`


def _is_label(text: str) -> bool:
    """A label line: words, short, no unit line, no figure, no sentence (`溫室氣體排放量（範疇一）`); not a
    Markdown heading (a heading per metric is the text tables' to read, in its section's scope)."""
    stripped = text.strip()
    return (
        bool(HAN.search(stripped))
        and not stripped.startswith("#")
        and len(stripped) <= _MAX_LABEL_CHARS
        and _unit(stripped) is None
        and value_of(stripped) is None
        and not SENTENCE_END.search(stripped)
    )
