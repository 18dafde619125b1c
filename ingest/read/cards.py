"""Key-figure cards (a web page's KPI cards, a dashboard copied as text): a metric's name on a line (a
heading or a short label), its figure and unit alone on the next, then the figures it compares with,
one a line (`2023年：8,790.3`), maybe a change (`▼6.5%`) and a note in small print:

    #### 範圍一溫室氣體排放
    8,216.4 噸二氧化碳當量
    2023年：8,790.3
    ▼6.5%
    只涵蓋本集團五間香港酒店       (a note that bounds the card makes its figures partial)

The figure is the report's year's, a compared one its own year's, in the card's unit where it prints
none. Only a card with a compared figure is read here: a label over a figure alone is the key-figure
reader's (`read.statements`), which would take the year line below for the figure's label.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ingest.map.units import looks_like_unit
from ingest.read.layout import Line
from ingest.read.periods import YEAR_TOKEN, year_of
from ingest.read.prose_tokens import has_value
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import note_scope
from ingest.read.text import HAN

_FIGURE = r"[-−]?\d[\d,]*(?:\.\d+)?%?"
_VALUE_LINE = re.compile(rf"^\s*(?P<value>{_FIGURE})\s*(?P<unit>[^\d\s:：][^:：]{{0,20}}?)?\s*$")
_COMPARED = re.compile(
    rf"^\s*(?P<year>{YEAR_TOKEN})\s*[:：]\s*(?P<value>{_FIGURE})\s*(?P<unit>[^\d\s:：]\S{{0,15}})?\s*$"
)
_CHANGE = re.compile(r"^\s*[▲▼△▽↑↓+\-−]?\s*\d+(?:\.\d+)?\s*(?:%|個?百分點|个?百分点|pp)\s*$")
_MAX_LABEL_CHARS = 40
_MAX_NOTE_CHARS = 80


def parse_cards(lines: list[Line], fiscal_year: int, consumed: set[int]) -> list[KpiRow]:
    """Rows of every card among `lines` (those no other reader took); adds the lines it reads to `consumed`."""
    free = [line for line in lines if line.number not in consumed]
    rows: list[KpiRow] = []
    index = 1
    while index < len(free):
        card = _card(free, index)
        if card is None:
            index += 1
            continue
        rows += _card_rows(card, fiscal_year)
        consumed.update(card.lines)
        index += 1 + len(card.compared)
    return rows


class _Card(NamedTuple):
    label: Line
    figure: re.Match[str]  # `_VALUE_LINE`'s, on line `figure_line`
    figure_line: int
    compared: list[tuple[int, re.Match[str]]]  # (line, `_COMPARED`'s match)
    note: Line | None

    @property
    def lines(self) -> list[int]:
        notes = [self.note.number] if self.note else []
        return [self.label.number, self.figure_line, *(number for number, _ in self.compared), *notes]


def _card(free: list[Line], index: int) -> _Card | None:
    """The card whose figure is line `index`, or None."""
    value = _VALUE_LINE.match(free[index].text)
    if value is None or (value.group("unit") and not looks_like_unit(value.group("unit").strip())):
        return None
    label = free[index - 1]
    if not _is_label(label.text):
        return None
    compared: list[tuple[int, re.Match[str]]] = []
    after = index + 1
    while after < len(free) and (match := _COMPARED.match(free[after].text)):
        compared.append((free[after].number, match))
        after += 1
    if not compared:
        return None
    while after < len(free) and _CHANGE.match(free[after].text):
        after += 1
    note = free[after] if after < len(free) and _is_note(free, after) else None
    return _Card(label, value, free[index].number, compared, note)


def _is_label(text: str) -> bool:
    name = text.strip().lstrip("#").strip()
    return bool(HAN.search(name)) and len(name) <= _MAX_LABEL_CHARS and not has_value(name) and not name.endswith("。")


def _is_note(free: list[Line], index: int) -> bool:
    """A short line after a card that is no next card's label (a figure alone follows that)."""
    text = free[index].text.strip()
    if not HAN.search(text) or len(text) > _MAX_NOTE_CHARS or text.startswith("#"):
        return False
    return not (index + 1 < len(free) and _VALUE_LINE.match(free[index + 1].text))


def _card_rows(card: _Card, fiscal_year: int) -> list[KpiRow]:
    name = card.label.text.strip().lstrip("#").strip()
    unit = (card.figure.group("unit") or "").strip() or None
    figures = [(card.figure_line, card.figure.group("value"), unit, fiscal_year)]
    for number, match in card.compared:
        year = year_of(match.group("year"))
        if year is not None and year < fiscal_year:
            figures.append((number, match.group("value"), match.group("unit") or unit, year))
    part = note_scope(card.note.text) if card.note else None
    rows = []
    for number, raw, row_unit, year in figures:
        row = build_row(
            layout=Layout.KEY_FIGURE,
            source_line=number,
            label_line=card.label.number,
            labels=[(name, name)],
            section=name,
            raw_value=raw,
            unit=row_unit,
            fiscal_year=year,
        )
        row.bound_by(part)
        rows.append(row)
    return rows
