"""A figure of an earlier year stated beside the subject's own, in prose and key figures:

用水量為12,300立方米（2023年：13,100立方米）        the bracket names the year before
範圍一排放量：12,345.6噸（2023年：13,210.2）         a bare figure there is in the subject's unit
2023年用水量為12,000噸，本年度為11,500噸            `本年度為`: the report's own year again
去年為13,025.9兆瓦時；而2023年則為402.6千克          a clause that names an earlier year
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ingest.map.currency import currency_name
from ingest.map.vocabulary import alternation
from ingest.read.periods import PRIOR_PERIOD
from ingest.read.text import FISCAL_YEAR_WORD, fold

if TYPE_CHECKING:
    from ingest.read.prose_tokens import Value

_PER_PERSON = "每(?:名|位)?(?:僱員|雇员|員工|员工)"  # `（2023年：每名僱員5.27噸）`: the intensity's denominator first
# `去年為`, `2023年則為約`, `而2023年則為`: a clause that gives the figure before it for an earlier year (folded).
PRIOR_CLAUSE = re.compile(
    rf"(?:而)?(?:较|比)?(?:(20\d{{2}})(?:{FISCAL_YEAR_WORD}|年(?:度|底|末)?)(?:则|亦)?|{PRIOR_PERIOD}(?:同期)?)(?:则|亦)?(?:为|是|的|之)?(?:约)?(?:人民币)?"
)


@cache
def current_clause() -> re.Pattern[str]:
    """`本年度為`, `而報告期內則為約`: a clause that gives the subject's figure for the report's own period
    after the figure of an earlier year (`2023年用水量為12,000噸，本年度為11,500噸`), folded."""
    return re.compile(rf"(?:而)?(?:{alternation('current_period_word')})(?:则|亦)?(?:为|是)(?:约)?(?:人民币)?")


@cache
def prior_in_bracket() -> re.Pattern[str]:
    """`（2023年：`, `（上年度：人民幣`, `（2023年：約`, `（截至2024年3月31日止年度：` just before a value: the figure before it again, for
    the year the bracket names (group 1; none: the year before the report's)."""
    return re.compile(
        rf"[（(]\s*(?:(?:截至|截止)?\s*(20\d{{2}})\s*(?:{FISCAL_YEAR_WORD}|年度?)(?:\d{{1,2}}月\d{{1,2}}日(?:止(?:年度|{FISCAL_YEAR_WORD}))?)?"
        rf"|{PRIOR_PERIOD}(?:同期)?)\s*(?:[:：]|为|為)?\s*"
        rf"(?:合共|合計|合计|共|達|达)?\s*(?:約|约|大約|大约)?\s*(?:{currency_name()}|{_PER_PERSON})?\s*(?:約|约)?\s*$",
        re.IGNORECASE,
    )


# `氮氧化物排放量（噸）：2024年為3.86，2023年為4.12`: the clause after the subject's figure names an earlier year
_PRIOR_AFTER_FIGURE = re.compile(
    rf"\d[^\d,;。]{{0,16}}[,;]\s*(?:而)?(?:20\d{{2}}(?:{FISCAL_YEAR_WORD}|年度?)|{PRIOR_PERIOD})(?:则|亦)?(?:为|是)(?:约)?\s*$"
)


def bare_prior_unit(text: str, value: Value, subject_unit: str | None, legend: bool = False) -> str | None:
    """`範圍一排放量：12,345.6噸（2023年：13,210.2）`: a figure alone in a bracket naming an earlier year (or any
    bracket, under a `legend` saying what one holds), or in the clause naming an earlier year after the
    subject's own where its label carries the unit (`…（噸）：2024年為3.86，2023年為4.12`), is in the subject's unit."""
    if not subject_unit:
        return None
    before = text[max(0, value.start - 40) : value.start]
    if not in_own_bracket(text, value, legend):  # (the label before carries the unit: `（噸）`)
        labelled = f"（{subject_unit}）" in text[: value.start] or f"({subject_unit})" in text[: value.start]
        return subject_unit if labelled and _PRIOR_AFTER_FIGURE.search(fold(before)) else None
    return subject_unit if legend or prior_in_bracket().search(before) else None


def in_own_bracket(text: str, value: Value, opened: bool = True) -> bool:
    """Whether a figure closes a bracket and (`opened`) opens it too: `（13,210.2噸）`."""
    closed = text[value.end : value.end + 2].lstrip().startswith(("）", ")"))
    return closed and (not opened or text[max(0, value.start - 4) : value.start].rstrip().endswith(("（", "(")))
