"""The year a row of a table names in its label, where the table's one value column names none:

| 指标 | 数据 |
| 2024年外购电力（万千瓦时） | 4,539.2 |      2024's purchased electricity
| 2023年同口径数据 | 4,822.0 |               the same, for 2023
| 2021年（基准年）温室气体排放总量 | 36,512 |   the base year's
"""

from __future__ import annotations

import re

from ingest.map.vocabulary import role_pattern
from ingest.read.periods import year_of
from ingest.read.text import fold

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
