"""A metric's figures for several years on one line, the years joined as the figures are:

    範圍一排放（噸二氧化碳當量）2024/2023/2022：4,512.3/4,786.0/5,013.8
    僱員總數（人）：1,286 / 1,244（2024 / 2023）
    耗水量 2022-2024（立方米）：21,560 → 20,884 → 19,932      (a span of years, each in turn)
    範圍一排放：3,105.8噸（2024年）；3,286.4噸（2023年）          (each figure's year in brackets after it)
    人均排放 2023/2024/2030目標：4.61/4.20/3.20                 (a target's slot is no figure)

Each figure is the year in its slot's; `不適用` or `-` holds its slot. The years and the figures must
be as many; anything else is no series (`2024/25財政年度`, a ratio `3/5`).
"""

from __future__ import annotations

import re

from ingest.read.periods import YEAR_TOKEN, year_of
from ingest.read.text import HAN, NOT_DISCLOSED

_YEAR_SLOT = rf"(?:{YEAR_TOKEN})\s*(?:目[标標](?:值)?)?"
_YEARS = rf"{_YEAR_SLOT}(?:\s*[/／、]\s*{_YEAR_SLOT})+"
_SPAN = r"(?P<first>(?:19|20)\d{2})\s*[-–~～至]\s*(?P<last>(?:19|20)\d{2})"
_SLOT = r"[-−]?\d[\d,]*(?:\.\d+)?%?[^\s/／→\d（）()]{0,4}|不適用|不适用|N/?A|—|-"
_VALUES = rf"(?:{_SLOT})(?:\s*(?:[/／]|→|->)\s*(?:{_SLOT}))+"
_UNIT = r"[（(][^（）()]{1,16}[）)]"
_SERIES = re.compile(
    rf"^(?P<label>[^\d:：/]{{2,40}}?)\s*(?:(?P<years>{_YEARS})|{_SPAN})\s*(?P<unit>{_UNIT})?\s*[:：]\s*(?P<values>{_VALUES})\s*$"
    rf"|^(?P<label2>[^\d:：/]{{2,40}}?)\s*[:：]\s*(?P<values2>{_VALUES})\s*[（(](?P<years2>{_YEARS})[）)]\s*$",
    re.IGNORECASE,
)
# `範圍一排放：3,105.8噸（2024年）（按年下降5.5%）；3,286.4噸（2023年）`: each figure followed by its year in brackets
_DATED_SLOT = r"[-−]?\d[\d,]*(?:\.\d+)?%?[^\s→\d（）()；;、，,]{0,20}|—|-"
_DATED = rf"(?:{_DATED_SLOT})\s*[（(]\s*(?:{YEAR_TOKEN})[^（）()]{{0,16}}[）)](?:\s*[（(][^（）()]{{1,20}}[）)])?"
_DATED_SERIES = re.compile(
    rf"^(?:[-*•]\s+)?(?P<label>[^\d:：]{{2,40}}?)\s*[:：]\s*{_DATED}(?:\s*[；;、，,]\s*{_DATED})+\s*[。.]?$"
)
_DATED_PAIR = re.compile(rf"(?P<value>{_DATED_SLOT})\s*[（(]\s*(?P<year>{YEAR_TOKEN})")
_SLOT_SEPARATOR = re.compile(r"\s*(?:[/／、]|→|->)\s*")
_TARGET = re.compile(r"目[标標]")


def year_series(text: str) -> tuple[str, list[tuple[int | None, str]]] | None:
    """(label, [(year, figure as printed)]) of a line holding a metric's series, a target's or a figure's
    missing slot kept with year None or figure `-`; None if the line is no series."""
    if "/" not in text and "／" not in text and "→" not in text and "->" not in text:
        return _dated_series(text) if "（" in text or "(" in text else None  # (most lines: cheap)
    match = _SERIES.match(text.strip())
    if match is None:
        return _dated_series(text)
    label = (match["label"] or match["label2"]).strip() + (match["unit"] or "")
    values = _SLOT_SEPARATOR.split(match["values"] or match["values2"])
    if match["first"]:
        first, last = int(match["first"]), int(match["last"])
        years: list[int | None] = list(range(first, last + 1)) if first < last else []
    else:
        slots = _SLOT_SEPARATOR.split(match["years"] or match["years2"])
        years = [None if _TARGET.search(slot) else year_of(slot) for slot in slots]
    if not HAN.search(label) or len(years) != len(values):
        return None
    return label, [
        (year, value) for year, value in zip(years, values, strict=True) if value.lower() not in NOT_DISCLOSED
    ]


def _dated_series(text: str) -> tuple[str, list[tuple[int | None, str]]] | None:
    """A metric's figures each with its year in brackets after it, apart by `；` or `、`."""
    match = _DATED_SERIES.match(text.strip())
    if match is None or not HAN.search(match["label"]):
        return None
    pairs = [(year_of(pair["year"]), pair["value"].strip()) for pair in _DATED_PAIR.finditer(text, match.end("label"))]
    return match["label"].strip(), [(year, value) for year, value in pairs if value.lower() not in NOT_DISCLOSED]
