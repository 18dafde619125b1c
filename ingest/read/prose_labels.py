"""Labels of prose and key-figure values: the clause before a value, stripped of the filler around
it (`報告期內，本集團…為`), of the company's own name and of a unit in brackets; a share
(`占比`) reads as the share of the subject before it, and a clause that compares, aims or sums over
years (`同比增加`, `目標`, `累计`) gives no label at all. The words are the `label_vocabulary` seed's
(roles not_a_level, sum_word, year_period_word, leading_filler, trailing_filler, share_label).
"""

from __future__ import annotations

import re
from functools import cache

from ingest.map.units import is_unit_alone
from ingest.map.vocabulary import alternation
from ingest.read.memo import memo
from ingest.read.prose_tokens import CLAUSE_END, LIST_CLAUSE_END, UNIT_IN_LABEL
from ingest.read.text import BULLET_MARKS, FISCAL_YEAR_WORD, fold

# Filler after a leading year or date (`2024年末`, `2024年之`, `12月31日`, `底`): the grammar of dates, not words.
_DATE_FILLER = rf"(?:20\d{{2}}|1[01]\d)(?:{FISCAL_YEAR_WORD}|年度?)?(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?(?:底|末|内)?(?:之|的)?|\d{{1,2}}月\d{{1,2}}日|底|末"


@cache
def _not_a_level() -> re.Pattern[str]:
    """A clause that changes, compares, aims or sums over years states no level for the period."""
    return re.compile(alternation("not_a_level"))


@cache
def _original_figure() -> re.Pattern[str]:
    return re.compile(alternation("original_figure"))


@cache
def _leading_filler() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('leading_filler')}|{_DATE_FILLER})")


@cache
def _trailing_filler() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation('trailing_filler')}|:)$")


@cache
def _relative() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('share_label')})$")


MAX_LABEL_CHARS = 40
_COMPANY_PREFIX_MIN_CHARS = 3


@cache
def _sum() -> re.Pattern[str]:
    return re.compile(alternation("sum_word"))


_MAX_CHARS_TO_SUM = 12  # `全年累计`, `全年员工志愿服务时长累计`: how far before the sum its year may stand


@cache
def _sum_over_the_year() -> re.Pattern[str]:
    return re.compile(
        f"(?:{alternation('year_period_word')})[^,，。;；]{{0,{_MAX_CHARS_TO_SUM}}}?(?:{alternation('sum_word')})"
    )


_FULL_STOP = re.compile(r"[。！!？?]")  # not `；`: `2024年，…；員工累計志願服務6,420小時` is one sentence


@cache
def _year_named() -> re.Pattern[str]:
    """A year or the report's period (`113年`, `2024年度`, `二零二四年`, `全年`) named in a sentence."""
    numerals = "[零〇○一二三四五六七八九]"
    return re.compile(rf"(?:{alternation('year_period_word')}|(?:20\d{{2}}|1[01]\d|二{numerals}{{3}})\s*年)")


@cache
def _inner_period() -> re.Pattern[str]:
    """`於報告期內`, `在本年度`, `年內` inside a label (folded: `僱員年內參與義工服務`)."""
    return re.compile(
        rf"(?:于|在)(?:{alternation('year_period_word')})|(?<=[\u4e00-\u9fff])(?:本报告期内|报告期内|本年度|年度内|年内|全年)"
    )


# a section title of a web page or an infographic (`【關鍵數字速覽】`, `▌安全生產`, `■ 環境`), or a line of
# no word at all (an emoji over a figure): no figure's label
_DECORATION = re.compile(rf"^\s*(?:【[^】]*】\s*$|[{BULLET_MARKS}]|[^\u4e00-\u9fffA-Za-z]*$)")


def is_decoration(text: str) -> bool:
    return _DECORATION.match(text) is not None


def in_bracket_of_no_level(prefix: str) -> bool:
    """Whether a figure stands in a bracket opened after a clause that states no level (a permit's limits)."""
    opened = max(prefix.rfind("（"), prefix.rfind("("))
    if opened < 0 or max(prefix.rfind("）"), prefix.rfind(")")) > opened:
        return False
    before = prefix[:opened]
    return states_no_level(before[max((m.end() for m in CLAUSE_END.finditer(before)), default=0) :])


def states_no_level(text: str, sentence: str = "") -> bool:
    """A clause that compares, aims or sums over years (`较上年下降`, `目標`, `累计` unless the year
    comes just before it, `全年累计培训时长`, or its sentence names the year and no span of years:
    `113年…，員工志工服務時數累計3,860小時` is the year's total). `sentence`: the text before the value."""
    listed = sentence[max((end.end() for end in LIST_CLAUSE_END.finditer(sentence)), default=0) :]
    if _original_figure().search(fold(text)) or (listed and _original_figure().search(fold(listed))):
        return True  # `原披露範圍二排放量為28,106噸、溫室氣體排放總量為`: each item the clause lists
    reading = _level_reading(text)
    if reading is not _SUM:
        return reading
    own = fold(sentence[max((end.end() for end in _FULL_STOP.finditer(sentence)), default=0) :])
    if _not_a_level().search(own):
        return True
    return not _year_named().search(own) and not _dated_paragraph(fold(sentence))


def _dated_paragraph(paragraph: str) -> bool:
    """Whether a paragraph's first sentence dates the rest (`2025年，公司對外捐贈…。`, `本集團…，2024年對外
    捐贈…。` before `員工志願服務時長累計9,460小時`): it names the year or the period and counts from no start
    (`自2015年起`, `成立以來`), folded."""
    first = paragraph[: next((end.start() for end in _FULL_STOP.finditer(paragraph)), len(paragraph))]
    return first != paragraph and _year_named().search(first) is not None and not _SINCE.search(first)


_SINCE = re.compile(r"(?:自|从)\s*(?:20\d{2}|1[01]\d)\s*年.{0,6}起|以来|至今|迄今|历年|累计")


_SUM = "sum"  # a clause with a sum its own words do not bound to the year: its sentence decides


@memo
def _level_reading(text: str) -> bool | str:
    """True: states no level; False: a level; `_SUM`: a sum, a level only where its sentence names the year.
    Cached on the clause alone (its sentence differs for every value)."""
    folded = fold(text)
    if _not_a_level().search(folded):
        return True
    if _sum().search(folded) is None or _sum().search(_sum_over_the_year().sub("", folded)) is None:
        return False
    return _SUM


class LabelReader:
    """Reads the labels of one report's values; knows the company's name, to strip it off labels."""

    def __init__(self, company: str) -> None:
        self.company = fold(company)

    def labels(
        self, candidates: list[str], subject: str, sentence: str = ""
    ) -> tuple[list[tuple[str, str]], str | None, bool]:
        """(label the rules read, label as printed) for each usable candidate; a unit a label carries;
        whether the label is a share of `subject`, the figure before; `sentence`: the text before the value."""
        labels: list[tuple[str, str]] = []
        unit = None
        relative = False
        for candidate in candidates:
            if len(candidate) > MAX_LABEL_CHARS or states_no_level(candidate, sentence):
                continue
            label, label_unit, relative = self.normalise(candidate, subject)
            if not label:
                continue
            labels.append((label, candidate.strip()))
            unit = unit or label_unit
        return labels, unit, relative

    def normalise(self, candidate: str, subject: str) -> tuple[str, str | None, bool]:
        """Folded label without the filler around it (`報告期內，本集團…為`); the unit it may carry."""
        label, unit = _bare_label(candidate, self.company)
        if _relative().match(label):
            return (subject + "占比" if subject else ""), unit, True
        return label, unit, False


@cache
def _counted_after() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation('counted_after_verb')})$")


def counted_after(text: str) -> bool:
    """A clause ending in a verb of having or comprising (`董事會有`, `包括`): the noun after the count
    says what is counted (`董事會有3位女性董事`), before the subject does."""
    return _counted_after().search(fold(text).strip()) is not None


def only_filler(text: str) -> bool:
    """Whether a text is filler only, no label of its own (`，合共`, `合計為`)."""
    return not _bare_label(text.strip(" \t,，、"), "")[0]


@memo
def _bare_label(candidate: str, company: str) -> tuple[str, str | None]:
    """(folded label without filler or the company's name, the unit it carries in brackets). Cached: a
    clause is read once for each value after it and again as the label line of the figure below."""
    label = fold(candidate)
    unit = None
    unit_match = UNIT_IN_LABEL.search(label)
    if unit_match and is_unit_alone(unit_match.group(1)):
        unit = unit_match.group(1)
        label = label[: unit_match.start()]
    label = _sum().sub("", label)  # a sum that passed `states_no_level` is the year's: `僱員累計參與義工服務`
    for _ in range(8):  # leading filler first: `共计拥有` must not lose its 有 to the trailing rule
        before = label
        label = _leading_filler().sub("", label, count=1)
        if label == before:
            label = _strip_company(_trailing_filler().sub("", label), company)
        if label == before:
            break
    # `僱員於報告期內參與義工服務`, `員工義工全年服務`, `員工義工本年度合共服務`: the period inside the label is none of it
    if "于" in label or "在" in label or "内" in label or "全年" in label or "本年" in label:
        label = _inner_period().sub("", label)
    return label, unit


def _strip_company(label: str, company: str) -> str:
    for width in range(min(len(label) - 1, len(company)), _COMPANY_PREFIX_MIN_CHARS - 1, -1):
        if label[:width] in company:
            return label[width:]
    return label
