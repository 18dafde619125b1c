"""KPIs stated as none in words (`報告期內未發生因工死亡事故`): a zero for the sentence's year.

How reports say so is data (the `zero_statements` seed); this module finds such sentences on a line,
keeps out zeros that are aims (`力爭實現零工亡`, `目標為零死亡`: the `label_vocabulary` seed's
zero_not_a_level words) and dates the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ingest.map.reference import read_seed
from ingest.map.vocabulary import role_pattern
from ingest.read.layout import Line
from ingest.read.paragraphs import number_at
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.text import fold

_SENTENCE_SPLIT = re.compile(r"(?<=[。；;！!？?])")


@dataclass(frozen=True)
class ZeroStatement:
    metric_code: str
    pattern: re.Pattern[str]
    label: str
    unit: str


@cache
def zero_statements() -> tuple[ZeroStatement, ...]:
    """How reports say a KPI was zero in words (the `zero_statements` seed)."""
    return tuple(
        ZeroStatement(row["metric_code"], re.compile(row["pattern"]), row["label"], row["unit"])
        for row in read_seed("zero_statements.csv")
    )


def zero_rows(line: Line, section: str, year_of: Callable[[str], int | None]) -> list[KpiRow]:
    """The zeros a line states in words; `year_of` dates a sentence (None: no level of any year)."""
    if not role_pattern("zero_hint").search(line.text):  # the words of zero_statements' KPIs
        return []
    rows: list[KpiRow] = []
    for sentence in _SENTENCE_SPLIT.split(line.text):
        folded = fold(sentence)
        for rule in zero_statements():
            match = rule.pattern.search(folded)
            year = year_of(sentence) if match else None
            if match is None or year is None or role_pattern("zero_not_a_level").search(folded[: match.start()]):
                continue
            row = build_row(
                layout=Layout.PROSE,
                source_line=number_at(line, line.text.find(sentence) + match.start()),
                label_line=number_at(line, line.text.find(sentence)),
                labels=[(rule.label, match.group())],
                section=section,
                context=" / ".join((section, sentence)),
                raw_value="0",
                unit=rule.unit,
                fiscal_year=year,
            )
            if row.metric_code == rule.metric_code:
                rows.append(row)
    return rows
