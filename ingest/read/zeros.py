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
_LISTED_YEAR = re.compile(r"(20\d{2})\s*年")
_YEAR_LIST = re.compile(r"(?:20\d{2}\s*年度?\s*(?:、|,|及|和|与|至)\s*)+20\d{2}\s*年度?")
_MAX_YEAR_SPAN = 5
_THIS_YEAR = re.compile(r"本年度|本年|今年|报告期")
# `…已審結的貪污訴訟案件（2023年：無）`: none in the year the bracket after it names too (folded text)
_NONE_IN_BRACKET = re.compile(
    r"^[^(。;]{0,8}\((?:(20\d{2})\s*(财政)?年度?|(上年度?|去年|上一年度?))\s*:?\s*(?:无|零|没有|并无)\s*\)"
)


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
            # an aim in the zero's own clause (`力爭實現零工亡`), not in a clause before (`持續完善…體系，…未發生`)
            clause = folded[folded.rfind(",", 0, match.start()) + 1 : match.start()] if match else ""
            if match is None or year is None or role_pattern("zero_not_a_level").search(clause):
                continue
            years = _years_stated(folded[: match.start()], year_of) or [year]
            also = _NONE_IN_BRACKET.match(folded[match.end() :])
            bracketed = _bracket_year(also, year, year_of) if also else None
            for stated in years + ([bracketed] if bracketed and bracketed not in years else []):
                row = build_row(
                    layout=Layout.PROSE,
                    source_line=number_at(line, line.text.find(sentence) + match.start()),
                    label_line=number_at(line, line.text.find(sentence)),
                    labels=[(rule.label, match.group())],
                    section=section,
                    context=" / ".join((section, sentence)),
                    raw_value="0",
                    unit=rule.unit,
                    fiscal_year=stated,
                )
                if row.metric_code == rule.metric_code:
                    rows.append(row)
    return rows


def _bracket_year(bracket: re.Match[str], year: int, year_of: Callable[[str], int | None]) -> int | None:
    """The year a bracket after a zero names: a fiscal year as such, a calendar year as a sentence's, or
    the year before."""
    if bracket.group(1) is None:
        return year - 1
    return int(bracket.group(1)) if bracket.group(2) else year_of(f"{bracket.group(1)}年")


def _years_stated(before: str, year_of: Callable[[str], int | None]) -> list[int]:
    """The years a zero is stated for where the sentence lists them (`於2022年度、2023年度及2024年度均並無`,
    `2022年至2024年`), each dated as its fiscal year; empty for a sentence of one year or none (`過去三年均無`:
    the corpus gold takes only the report's year where the years are not named)."""
    listed = _YEAR_LIST.search(before)
    if listed is None:
        return []
    named = [int(year) for year in _LISTED_YEAR.findall(listed.group())]
    if "至" in listed.group() and len(named) == 2 and 0 < named[1] - named[0] <= _MAX_YEAR_SPAN:
        named = list(range(named[0], named[1] + 1))
    stated = {year_of(f"{year}年") for year in named}
    if _THIS_YEAR.search(before):  # `本年度及過去兩個年度（即2023年及2022年）均沒有`: the report's year too
        stated.add(year_of("本年度"))
    years = sorted(year for year in stated if year is not None)
    return years if len(years) > 1 else []
