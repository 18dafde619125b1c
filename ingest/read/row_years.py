"""The year a row of a table names in its label, where the table's one value column names none:

| 指标 | 数据 |
| 2024年外购电力（万千瓦时） | 4,539.2 |      2024's purchased electricity
| 2023年同口径数据 | 4,822.0 |               the same, for 2023
| 2021年（基准年）温室气体排放总量 | 36,512 |   the base year's

and the year a label or a figure names in a bracket of its own, one figure per line or clause:

- 综合能源消耗量（2023年）：4,675.9吨标准煤        2023's
- 范围二排放（基于位置，2023年）：42,845吨           2023's
- 直接温室气体排放：6,038.7吨CO2e（2023年）          2023's
"""

from __future__ import annotations

import re

from ingest.map.vocabulary import role_pattern
from ingest.read.periods import year_of
from ingest.read.text import FISCAL_YEAR_WORD, fold

# a label that opens with its year (`2024年末員工總數（人）`, `2021年（基準年）溫室氣體排放總量`)
_DATED_LABEL = re.compile(r"^(20\d{2}\s*年度?)(?:[（(](?:基準年|基准年)[)）])?(?:末|底)?(.*)$")


def dated_label(label_text: str, previous: str) -> tuple[int | None, str, str]:
    """(the year `label_text` opens with, the label without it, the last dated label as printed); a
    row naming only another year (`2023年同口徑數據`; seed role `same_basis_label`) is the figure of the
    label above it (`previous`) for that year."""
    dated = _DATED_LABEL.match(label_text)
    year = year_of(dated.group(1)) if dated else None
    if dated is None or year is None:
        return None, label_text, previous
    rest = dated.group(2).strip()
    if not rest or role_pattern("same_basis_label").fullmatch(fold(rest)):
        return (year, previous, previous) if previous else (None, label_text, previous)
    return year, rest, rest


# `綜合能源消耗量（2023年）：`, `(2023年度)`, `（基於位置，2023年）`: a bracket that holds a year and at
# most what the figure is dates the figure beside it, closing its label or right after it; one that holds a
# figure of its own (`（2023年：5.23噸）`) dates that figure only
_YEAR_BRACKET = rf"[（(](?:[^（）()\d]*[，,、]\s*)?(20\d{{2}}\s*(?:年度|年|{FISCAL_YEAR_WORD}))[）)]"
_YEAR_BRACKETS = re.compile(rf"{_YEAR_BRACKET}(?=\s*(?:[:：]|為|为|是|約|约|\d))")  # (not `較基準年（2022年）減少`)
_YEAR_BRACKET_NEXT = re.compile(rf"\s*{_YEAR_BRACKET}")


def bracketed_years(text: str) -> str:
    """`text` with each bracket that names only a year replaced by that year (`綜合能源消耗量 2023年 ：`)."""
    return _YEAR_BRACKETS.sub(lambda match: f" {match.group(1)} ", text) if "年" in text else text


def year_bracket_after(text: str, end: int) -> str:
    """The year a bracket right after a figure names (`6,038.7噸CO2e（2023年）`: ` 2023年`), or ``."""
    found = _YEAR_BRACKET_NEXT.match(text, end)
    return f" {found.group(1)}" if found else ""
