"""Column headers -> what the column holds: a fiscal year, the report's own year, a unit, a label, or
nothing we read (changes, targets, remarks).

Years are printed many ways: `2025年`, `2025年度`, `FY2025`, `2025財年`, `2024/25`, `2023/24財年`,
`截至2025年12月31日`, `二零二五年` (made Arabic before this), Taiwan's ROC years (`114年` = 2025), each
maybe with a footnote mark (`2023年²`, restated). A split year (`2024/25`) is the year in which the
period ends, as `fiscal_year` is everywhere in the warehouse.

Year, period and unit grammar is here; the words of other headers (changes, targets, remarks, label
and data columns) are the `label_vocabulary` seed's. A header's role is cached: every row of a table
is also tried as a header, and a report repeats its headers table after table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from ingest.map.vocabulary import alternation, role_pattern, words
from ingest.read.memo import memo
from ingest.read.numerals import chinese_number
from ingest.read.text import FISCAL_YEAR_WORD, arabic_dates, fold, split_year_end

ROC_OFFSET = 1911  # Taiwan's 民國 years: 113年 is 2024
_HEADER_UNIT = re.compile(r"\(([^()]{1,12})\)$")


class Role(StrEnum):
    YEAR = "year"  # a period column: values for `year`
    CURRENT = "current"  # one unlabelled data column (`數據`, `數值`, `本年度`): the report's own year
    PRIOR = "prior"  # `上年度`, `上期`: the year before the report's
    UNIT = "unit"
    LABEL = "label"
    SKIP = "skip"  # changes, targets, remarks, index references


@dataclass(frozen=True)
class ColumnRole:
    role: Role
    year: int | None = None
    unit: str | None = None  # a unit the header gives its values (`數量（人）`)
    measure: str = ""  # a sub-header under a year (`2024年` over `數量 | 佔比`): what the column measures
    back: int = 1  # a prior period's years before the report's (`上年度`: 1, `前年`: 2)


# All patterns read folded text: simplified script, half-width, no spaces, lower case.
# A year as a line grammar prints it (`2024年`, `2024财年`, `FY2024`, `113年`): a piece for the patterns
# of other readers to embed; what year it names is `year_of`'s to say. (No split year: `2024 / 2023`
# is two years to `read.year_pairs`.)
YEAR_TOKEN = rf"(?:(?:FY|fy)(?:20)?\d{{2}}(?!\d)|20\d{{2}}\s*(?:年度?|{FISCAL_YEAR_WORD})?|1[01]\d\s*年度?)"
_SHORT_FISCAL_YEAR = re.compile(r"^fy'?(\d{2})(?!\d)")  # `FY24`, `FY'24`, `FY23/24` (folded)
_EXPLAINED_PERIOD = re.compile(r"^(.*?)\((20\d{2}[^()]*20\d{2}[^()]*)\)$")  # (folded)
_SPLIT_YEAR = re.compile(
    rf"^(?:fy)?(20\d{{2}})[/\-–~至](?:20)?(\d{{2}})(?:年度?|{FISCAL_YEAR_WORD})?$"
)  # `2024/25學年`
_DATE_YEAR = re.compile(r"^(?:截至|截止|于|於)?(20\d{2})年(\d{1,2})月(\d{1,2})日(?:止)?(?:年度)?$")
# `十八個月`, `18个月`: how many months a period spans, in either numerals
MONTH_COUNT = r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:個|个)?\s*月"
# `截至2024年9月30日止十八個月`, `截至2024年6月30日止六个月` (folded): the months that end on a date
_MONTHS_ENDED = re.compile(rf"^(?:截至|截止)(20\d{{2}})年\d{{1,2}}月\d{{1,2}}日止(?:的)?{MONTH_COUNT}$")
_MAX_FISCAL_MONTHS = 24  # a fiscal period after a change of year end: 18 months, say, named as one year


def month_count(count: str) -> int:
    """`十八` or `18` -> 18 (the count of `MONTH_COUNT`)."""
    return int(count if count.isdigit() else chinese_number(count) or 0)


def _months_ended(text: str) -> tuple[int, int] | None:
    """(the year they end in, how many) of `截至2024年9月30日止十八個月` (folded)."""
    match = _MONTHS_ENDED.match(text)
    return (int(match.group(1)), month_count(match.group(2))) if match else None


# `2024年1-12月`, `2024.01-2024.12`, `2023年4月至2024年3月`: a span of months (folded); twelve of them are a year
_MONTH_SPAN = re.compile(
    r"^(20\d{2})(?:年|[.\-/])0?(\d{1,2})月?(?:0?1日)?[-–~至](?:(20\d{2})(?:年|[.\-/]))?0?(\d{1,2})月?(?:\d{1,2}日)?$"
)
_ROC_YEAR = re.compile(r"^(?:民国)?(1[0-4]\d)年度?$")
_UNIT = re.compile(r"^(?:计量)?单位|^units?$|^units?单位$|^单位units?$")
_MEASURE_THEN_YEAR = re.compile(rf"^([^\d()]{{2,16}}(?:\([^()]{{1,12}}\))?)(20\d{{2}})(?:年度?|{FISCAL_YEAR_WORD})$")
_PRIOR = re.compile(r"^(?:prioryear|lastyear)$")
# Periods named relative to the report's own (raw text of either script, or folded): the report's year
# (`本年度`, `本財政年度`, `本期`), the one before (`上年度`, `去年`, `上一財政年度`, `上年同期`), the one before
# that (`前年`, `上上年度`); a word after it says the column holds that period's figure (`本年實際`, `本期數`,
# `上年同期數`, `上年全年`). Used whole for a grid's header cell, searched in a text table's header line.
_RELATIVE_YEAR = r"(?:[財财]政年度|[財财]年|[報报]告年度|[報报]告期|年度|年|期)"
PRIOR_PERIOD = rf"(?:上|去)一?[個个]?{_RELATIVE_YEAR}"  # `上年度`, `去年`, `上一財政年度`: prose says it too
RELATIVE_PERIOD = re.compile(
    rf"(?:(?P<current>(?:本|今|[當当]){_RELATIVE_YEAR}|本?[報报]告期)"
    rf"|(?P<two_back>前年度?|上上[個个]?{_RELATIVE_YEAR})"
    rf"|(?P<prior>(?:{PRIOR_PERIOD}|前一?[個个]?{_RELATIVE_YEAR})(?:同期)?))"
    r"(?:[實实][際际](?:[數数]|值)?|[實实][績绩]|同期[數数]|[數数]|累[計计]|全年)?"
)


def years_back(period: re.Match[str]) -> int:
    """How many years before the report's a `RELATIVE_PERIOD` match names."""
    return 2 if period.group("two_back") else 1 if period.group("prior") else 0


def running_back(headers: list[str], backs: list[int]) -> list[int]:
    """`本財政年度 | 上一財政年度 | 前一財政年度`: prior periods named by different words, each one year
    back (0: no prior), run back in time from left to right; one word repeated is one period
    (`上年度 人數 | 上年度 佔比`). The years back of each column."""
    priors = [c for c, back in enumerate(backs) if back == 1]
    if len(priors) < 2 or len({fold(headers[c]) for c in priors}) != len(priors):
        return backs
    running = list(backs)
    for back, c in enumerate(priors, start=1):
        running[c] = back
    return running


# A measure's column header that also says its unit (`類別 | 人數 | 佔比`): the seed's words, by role.
_MEASURE_COLUMN_UNITS = {"persons_column": "人", "share_column": "%"}


def implied_unit(text: str) -> str | None:
    """The unit a measure word in `text` implies (`僱員人數`: persons, `佔比`: %), or None."""
    return next((unit for role, unit in _MEASURE_COLUMN_UNITS.items() if role_pattern(role).search(text)), None)


_LABEL_MEASURE_UNITS = {"days_measure": "天", "hours_measure": "小时", **_MEASURE_COLUMN_UNITS}


@cache
def _closing_measure() -> dict[str, re.Pattern[str]]:
    return {role: re.compile(f"(?:{alternation(role)})$") for role in _LABEL_MEASURE_UNITS}


def unit_label_implies(label: str) -> str | None:
    """The unit of a table row that prints none, from the measure word closing its label
    (`因工傷損失工作日數`: days, `培訓時數`: hours, `因工亡故人數`: persons, `女性佔比`: %), or None."""
    folded = fold(label).strip()
    return next((_LABEL_MEASURE_UNITS[role] for role, end in _closing_measure().items() if end.search(folded)), None)


@cache
def _plain_year() -> re.Pattern[str]:
    """`2024年`, `FY2024`, `2024年度排放量`, `2024年(噸)`: a year, maybe a measure word and a unit after it."""
    return re.compile(
        rf"^(?:fy|财年|财政年度)?(20\d{{2}})(?:年末|年底|年|年度|{FISCAL_YEAR_WORD})?"
        rf"(?:{alternation('year_column_measure')})?(?:\([^()]{{1,12}}\))?"
        r"(?:\d)?$"
    )


@cache
def _skip() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('skip_column')}|{alternation('part_of_year')})$")


@cache
def _value_with_unit() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('value_column_with_unit')})\\((.{{1,12}})\\)$")


@cache
def _measure_column() -> re.Pattern[str]:
    """`人數`, `佔比`: the one year's values of a measure whose unit the word implies (group named by role)."""
    groups = "|".join(f"(?P<{role}>{alternation(role)})" for role in _MEASURE_COLUMN_UNITS)
    return re.compile(f"^(?:{groups})$")


@cache
def _current() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('current_column')})$")


@cache
def _label_header() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation('label_column')})(?:名称)?$")


@memo
def is_total(text: str) -> bool:
    """`整體`, `合計`, `總計`, `Total`: a row or column of the total of what its table or heading measures."""
    return role_pattern("total_column").fullmatch(fold(text)) is not None


def is_gender(text: str) -> bool:
    """`男`, `女性`, `Female`: a row or column of one gender."""
    folded = fold(text).strip()
    return any(role_pattern(role).fullmatch(folded) for role in ("male_column", "female_column"))


def is_own_staff(text: str) -> bool:
    """`員工`, `自有員工`: a row of the company's own staff under a measure (beside contractors' or agency
    workers'), which is the measure for the company's employees."""
    return role_pattern("own_staff_row").fullmatch(fold(text).strip()) is not None


def is_subtotal(text: str) -> bool:
    """`小計`: the total of the section or category it closes, not of the table."""
    return fold(text).strip() == "小计"


@memo
def is_label_header(header: str) -> bool:
    """`指標`, `項目`, `類別`: the header of a label column (a short text: longer ones are not folded)."""
    return len(header.strip()) <= _longest_label_header() and bool(_label_header().match(fold(header)))


@cache
def _longest_label_header() -> int:
    return max(map(len, words("label_column"))) + len("名称") + 2  # `（`, `）` or spaces around


_RESTATED = re.compile(r"\((?:经)?(?:重列|重述|调整)(?:后)?\)|(?:经)?(?:重列|重述)|\(?restated\)?|[#†‡*]+|\(基准年\)")


_BASE_YEAR_FIRST = re.compile(r"^(?:基准年|baseyear|base year)[:：\s]*\(?(.+?)\)?$")


@memo
def year_of(header: str) -> int | None:
    """The fiscal year a header names, or None; a restated column (`2023年（經重列）#`) or a base year
    (`111年（基準年）`) is its year."""
    text = _SHORT_FISCAL_YEAR.sub(r"fy20\1", _RESTATED.sub("", fold(arabic_dates(header))))
    base = _BASE_YEAR_FIRST.match(text)
    text = base.group(1) if base else text  # `基準年（2019年）`: the base year's own figures
    if not text:
        return None
    if (explained := _EXPLAINED_PERIOD.match(text)) and (dates := year_of(explained.group(2))) is not None:
        # `2024/25財政年度（2024年4月1日至2025年3月31日）`: a period and the dates it spans, maybe alone
        named = year_of(explained.group(1)) if explained.group(1) else dates
        return named if named == dates else None
    for pattern in (_plain_year(), _DATE_YEAR):
        match = pattern.match(text)
        if match:
            return int(match.group(1))
    match = _SPLIT_YEAR.match(text)
    if match:
        return split_year_end(int(match.group(1)), int(match.group(2)))
    match = _ROC_YEAR.match(text)
    if match:
        return int(match.group(1)) + ROC_OFFSET
    if (ended := _months_ended(text)) is not None:  # twelve months or more, as a report names its period
        return ended[0] if _MONTHS_IN_YEAR <= ended[1] <= _MAX_FISCAL_MONTHS else None
    span = _months_spanned(text) if _SPAN_MARK.search(text) else None
    return span[0] if span and span[1] == _MONTHS_IN_YEAR else None


_MONTHS_IN_YEAR = 12
_SPAN_MARK = re.compile("[-–~至]")


def _months_spanned(text: str) -> tuple[int, int] | None:
    """(the year a span of months ends in, how many months it spans) of `2024年1-12月`, `2024.01-2024.12`."""
    match = _MONTH_SPAN.match(text)
    if not match:
        return None
    first_year, first_month, last_month = int(match.group(1)), int(match.group(2)), int(match.group(4))
    last_year = int(match.group(3)) if match.group(3) else first_year
    return last_year, (last_year - first_year) * 12 + last_month - first_month + 1


def parent_only_columns(cells: list[str]) -> set[int]:
    """The columns of the parent company alone (`113年 本公司`, `個體`, `母公司`) in a header that also has
    the consolidated group's (`113年 合併`, `集團合併`): the parent's figures are part of the group's."""
    if not any("合" in cell or "集" in cell for cell in cells):
        return set()  # (no consolidated column: most headers)
    entities = [_entity(_RESTATED.sub("", fold(cell))) for cell in cells]
    if not any(_consolidated(entity) for entity in entities):
        return set()
    return {c for c, entity in enumerate(entities) if role_pattern("parent_only_column").fullmatch(entity)}


def _consolidated(entity: str) -> bool:
    return role_pattern("consolidated_column").fullmatch(entity) is not None


def is_consolidated_column(cell: str) -> bool:
    """`集團合併`, `113年 合併`: a column of the consolidated group's figures (its header names no measure)."""
    return _consolidated(_entity(_RESTATED.sub("", fold(cell))))


def _entity(text: str) -> str:
    """What a header names beside its year (`113年個體` -> `个体`, `本集團 2024年` -> `本集团`), or the
    header itself."""
    period = _YEAR_THEN_PERIOD.match(text)
    if period and year_of(period.group(1)) is not None:
        return period.group(2)
    measured = _MEASURE_THEN_YEAR.match(text)  # `本集团2024年`: the entity before its year
    return measured.group(1) if measured else text


# `2024/25全年`, `2024年上半年`: a year, then the part of it the column holds (folded)
_YEAR_THEN_PERIOD = re.compile(r"^((?:20\d{2}|1[01]\d)(?:/\d{2,4})?(?:财政)?(?:年度?)?)([\u4e00-\u9fff]{2,4})$")


@memo
def column_role(header: str) -> ColumnRole:
    """What a column holds, from its header text alone."""
    text = fold(header)
    if role_pattern("original_figure").search(text):  # `2023年（原披露）` beside `2023年（重述）`: superseded
        return ColumnRole(Role.SKIP)
    text = _RESTATED.sub("", text) if "(" in text or not text[-1:].isalnum() else text  # `111年（基準年）合併`
    if role_pattern("span_column").search(text):  # `2019年至今累計`: a sum over years, no year's figure
        return ColumnRole(Role.SKIP)
    months = _months_spanned(text) if _SPAN_MARK.search(text) else None
    if months and months[1] != _MONTHS_IN_YEAR:  # `2024年1-6月`: part of a year, no annual figure
        return ColumnRole(Role.SKIP)
    ended = _months_ended(text) if "止" in text else None
    if ended and ended[1] < _MONTHS_IN_YEAR:  # `截至2024年6月30日止六個月`: an interim period
        return ColumnRole(Role.SKIP)
    period = _YEAR_THEN_PERIOD.match(text)
    if period and year_of(period.group(1)) is not None:
        if _skip().match(period.group(2)):  # a half or a quarter of the year: no annual figure
            return ColumnRole(Role.SKIP)
        if _current().match(period.group(2)):
            return ColumnRole(Role.YEAR, year_of(period.group(1)))
        changes_or_aims = role_pattern("change_column").search(text) or role_pattern("target_column").search(text)
        if year_of(header) is None and not changes_or_aims:
            # `2024年人數 | 2024年佔比`, `2024年流失人數 | 2024年流失率`: the year's figures of a measure
            measure = period.group(2)
            return ColumnRole(Role.YEAR, year_of(period.group(1)), unit=implied_unit(measure), measure=measure)
    year = year_of(header)
    if year is not None:  # `2025年（噸）`: the unit of the column's values may ride along
        unit = _HEADER_UNIT.search(_RESTATED.sub("", text))
        return ColumnRole(Role.YEAR, year, unit=unit.group(1) if unit else None)
    if role_pattern("change_column").search(text) or role_pattern("target_column").search(text) or _skip().match(text):
        return ColumnRole(Role.SKIP)
    measured = _MEASURE_THEN_YEAR.match(fold(arabic_dates(header)))
    if measured and _consolidated(measured.group(1)):  # `本集團 2024年`: the group's figures, no measure
        return ColumnRole(Role.YEAR, int(measured.group(2)))
    if measured:  # `受訓僱員百分比（%）二零二四年度`: a measure, then the year it is of
        unit = _HEADER_UNIT.search(measured.group(1))
        measure = measured.group(1)[: unit.start()] if unit else measured.group(1)
        return ColumnRole(Role.YEAR, int(measured.group(2)), unit=unit.group(1) if unit else None, measure=measure)
    if _UNIT.match(text):
        return ColumnRole(Role.UNIT)
    if _PRIOR.match(text):
        return ColumnRole(Role.PRIOR)
    if relative := RELATIVE_PERIOD.fullmatch(text):
        back = years_back(relative)
        return ColumnRole(Role.PRIOR, back=back) if back else ColumnRole(Role.CURRENT)
    match = _value_with_unit().match(text)
    if match:
        return ColumnRole(Role.CURRENT, unit=match.group(1))
    match = _measure_column().match(text)
    if match:  # `類別 | 人數 | 佔比`: one year, two measures
        return ColumnRole(Role.CURRENT, unit=_MEASURE_COLUMN_UNITS[match.lastgroup or ""])
    if _current().match(text):
        return ColumnRole(Role.CURRENT)
    return ColumnRole(Role.LABEL)
