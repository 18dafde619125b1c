"""The grammar of a prose or key-figure line: number-and-unit tokens, what before or after a number
makes it no level (a bound, a range, an ordinal), the two levels of a change (`由A增至B`), clause and
sentence ends, headings, period and target lines, a line's last clause and a unit a label carries in
brackets.

Everything here is about how a line is built, not what it says; the readers of key figures and
prose (`read.statements`, `read.prose_labels`, `read.zeros`) build on it. Each reading is a pure
function of the text and cached: a line is read again as the label line, the wrapped start or the
context of the figures below it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ingest.map.units import is_denominator, is_unit_alone, unit_prefix
from ingest.map.vocabulary import alternation, role_pattern, words
from ingest.read.layout import Line
from ingest.read.memo import memo
from ingest.read.periods import PRIOR_PERIOD, year_of
from ingest.read.text import BULLET_MARKS, FISCAL_YEAR_WORD, HAN, fold

# A number not glued to a word, a decimal or another number (`-1,234.5`, not `A1`, `1.2.3`, `2-3`); thousands
# apart by a space only where a word follows (`累計4 860小時`: SI style; a table's columns are no such figure).
# It opens with the character it consumes, its look-behind checked after: a pattern that opens with a
# look-behind is tried at every position, one that opens with a character class skips to the digits.
_VALUE = re.compile(
    r"[-−\d](?<![\d.,A-Za-z/\-−][-−\d])"
    r"(?:(?<=[-−])(?:\d{1,3}(?:,\d{3})+|\d+)|(?<=\d)(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:[ \u2009\u202f]\d{3})+(?=[\u4e00-\u9fff])|\d*))"
    r"(?:\.\d+)?(?!\d)"
)
_DIGIT = re.compile(r"\d")
# `. ` ends an English sentence before Chinese; `其中` opens a part of what came before
CLAUSE_END = re.compile(r"[，,。；;：:！!？?、]|\.(?=\s)|(?=其中)")
SENTENCE_END = re.compile(r"[。；;！!？?]")
BULLETS = " \t•·-*>#–—" + BULLET_MARKS
_HEADING = re.compile(r"^(?:#+\s*|\d+(?:\.\d+)+\s*(?=[\u4e00-\u9fff]{2})|表\s*[:：])")
_BARE_NUMBER = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
UNIT_IN_LABEL = re.compile(r"[(（]([^()（）]{1,16})[)）]$")


@dataclass(frozen=True)
class Value:
    start: int
    end: int  # after the unit
    raw: str
    unit: str | None


@cache
def not_a_value_before() -> re.Pattern[str]:
    """A bound or approximation (`超過`, `至少`), an ordinal, a month, a product or a range before a number.
    (`到` not after `达`: every branch opens with a character, so the engine skips to candidate positions.)"""
    bounds = alternation("bound_before")
    return re.compile(rf"(?:{bounds}|第|月|×|x|X|\*|~|～|至|到(?<!达到)(?<!達到)|-)\s*$")


@cache
def not_a_value_after() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{alternation('bound_after')}|\+)")


@cache
def lead_in() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('lead_in_word')})\s*[:：]?\s*$|[:：]\s*$")


@cache
def period_line() -> re.Pattern[str]:
    """A line naming a period for the figures below it (`2024年度主要數據`, `（二）2023年度主要数据`); a bare `2023年` line is too
    often a chart axis or a table fragment to date what follows, unless it is a heading."""
    qualifier, noun = alternation("period_line_qualifier"), alternation("period_line_noun")
    numbering = r"[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.]"
    return re.compile(rf"(?:#+\s*)?(?:(?:{numbering})\s*)?(20\d{{2}})\s*年度?\s*(?:{qualifier})?(?:{noun})")


@cache
def target_heading() -> re.Pattern[str]:
    """A heading about targets, but not TCFD's `指標與目標` (metrics and targets), which holds the data."""
    not_after = "".join(f"(?<!{re.escape(word)})" for word in words("target_heading_exception"))
    return re.compile(f"{not_after}(?:{alternation('target_heading')})")


@cache
def part_of_year() -> re.Pattern[str]:
    """A half or quarter of the year (`本年度上半年，…`): a sentence naming one states no annual figure."""
    return re.compile(alternation("part_of_year"), re.IGNORECASE)


@memo
def unit_in_label(label: str) -> str | None:
    """The unit a label carries in a closing bracket (`僱員總數（人）`)."""
    match = UNIT_IN_LABEL.search(label.strip())
    if match and is_unit_alone(match.group(1)):
        return match.group(1)
    return None


_PER = re.compile(r"每\s*([^每\d，,。；;：:、（）()\s]{1,16})")
_BEFORE_PER = re.compile(r"(?:為|为|是|:|：)?\s*$")
# a label that opens with the revenue it is per (folded): `万元营业收入综合能耗`, `单位营业收入耗水量`
_REVENUE_FIRST = re.compile(r"^(?:单位|每)?((?:人民币)?(?:百万|千|万|亿)元(?:营业|营运)?(?:收入|收益|营收))")


def denominator_before(label: str, unit: str) -> tuple[str, str] | None:
    """An intensity that prints its denominator before the value, not in its unit: (label, unit over
    the denominator), the longest words after `每` that name an amount of revenue or a person. Closing
    the label, the phrase leaves it (`排放密度為每人民幣百萬元收益` + `噸` -> `排放密度`,
    `噸/人民幣百萬元收益`; `排放密度為每名僱員`); opening it, the label keeps it
    (`每百万元营业收入温室气体排放量`). None: no `每`, or no unit it makes (`每年`), or the unit already
    has a denominator."""
    if "/" in unit:
        return None
    revenue_first = _REVENUE_FIRST.match(fold(label)) if "元" in label else None  # `萬元營業收入綜合能耗`
    if revenue_first and is_unit_alone(f"{unit}/{revenue_first.group(1)}"):
        return label, f"{unit}/{revenue_first.group(1)}"
    for match in _PER.finditer(label):
        words = match.group(1)
        for end in range(len(words), 0, -1):
            per_unit = f"{unit}/{words[:end]}"
            if not is_denominator(words[:end]) or not is_unit_alone(per_unit):
                continue
            if label[match.start(1) + end :].strip():
                return label, per_unit
            before = _BEFORE_PER.sub("", label[: match.start()])
            return (before, per_unit) if before.strip() else None
    return None


def same_denominator(unit: str | None, subject_unit: str | None) -> str | None:
    """The unit of a figure restated for another year (`（2023年：5.23噸）`) after an intensity: the
    figure's own unit over the intensity's denominator when it prints only the numerator."""
    if not unit or not subject_unit or "/" in unit or "%" in unit or "/" not in subject_unit:
        return unit or subject_unit
    per_unit = f"{unit}/{subject_unit.split('/', 1)[1]}"
    return per_unit if is_unit_alone(per_unit) else unit


# a line that ends in a figure, maybe its unit and a bracket holding another (`…215,678.9吨CO2e（2023年：224,105.3）`)
_FIGURE_END = re.compile(r"\d(?:[^\d\s，。；,;]{0,8})?(?:[（(][^（）()]*\d[^（）()]*[）)])?\s*$")


def ends_a_record(text: str) -> bool:
    """Whether a line is a record of its own that no sentence wraps from: a table's data row, or a line
    ending in a figure (a key figure's line: the label after it is the next figure's)."""
    return ("\t" in text and has_value(text)) or (
        _DIGIT.search(text) is not None and _FIGURE_END.search(text) is not None
    )


def may_carry_unit(prefix: str, above: list[Line]) -> bool:
    """Whether a label cut from `prefix` and the lines `above` could end in a unit in brackets
    (`僱員總數（人）`): without a closing bracket in them, `unit_in_label` finds none in any such label."""
    return any(")" in text or "）" in text for text in (prefix, *(line.text for line in above)))


def is_heading(text: str) -> bool:
    """`## 排放物`, `3.2 人才發展及培訓`, `表：員工構成` -- but not a figure such as `26.83 小時`.
    Not cached: most lines fail the match at their first character, cheaper than a cache lookup."""
    match = _HEADING.match(text)
    if not match:
        return False
    return not text[0].isdigit() or unit_prefix(text, match.end()) is None


@memo
def is_figure_line(text: str) -> bool:
    """A line that states a figure: a value with its unit, or a number alone (a tile's value)."""
    return has_value(text) or bool(_BARE_NUMBER.fullmatch(text.strip()))


@memo
def has_value(text: str) -> bool:
    return any(value.unit for value in line_values(text))


def line_values(text: str) -> tuple[Value, ...]:
    """Number-and-unit tokens of a line (none without a digit: most lines of a report)."""
    return _line_values(text) if _DIGIT.search(text) else ()


@memo
def _line_values(text: str) -> tuple[Value, ...]:
    """Cached: a line is also read as the label line of the next."""
    found = []
    for match in _VALUE.finditer(text):
        unit = unit_prefix(text, match.end())
        end = match.end()
        if unit:
            end = text.index(unit, match.end()) + len(unit)
        found.append(Value(match.start(), end, match.group(), unit))
    return tuple(found)


@memo
def last_clause(text: str) -> str:
    """The last clause of a line, after its last delimiter or value: the label of what follows."""
    cut = max((match.end() for match in CLAUSE_END.finditer(text)), default=0)
    for value in line_values(text):
        if value.unit or value.end == len(text.rstrip()):
            cut = max(cut, value.end)
    return text[cut:].strip(BULLETS).lstrip(")）")  # `…（2023年：24.9 小時）`: a bracket closed, nothing after it


@cache
def current_period() -> re.Pattern[str]:
    """Words naming the report's own period (`報告期內`, `本年度`), folded."""
    return re.compile(alternation("current_period_word"))


# `由2023年的`, `從去年的`, `由`: what opens the earlier level of a change, at the end of the text before it.
# a year a change names for a level (`2023年`, `FY2023/24`, `2023/24財政年度`): which fiscal year is `year_of`'s to say
_CHANGE_YEAR = rf"(?:FY|fy)?20\d{{2}}(?:/\d{{2}})?\s*(?:年度?|{FISCAL_YEAR_WORD})?"
_FISCAL_MARK = re.compile("fy|/|財|财", re.IGNORECASE)
# `較上年度的`, `比2023年底之`: a comparison opens the earlier level only where it names its year
_FROM = re.compile(
    rf"(?:由|從|从|[較较比](?=\s*(?:{_CHANGE_YEAR}|{PRIOR_PERIOD})))\s*(?:({_CHANGE_YEAR})|({PRIOR_PERIOD}))?"
    r"(?:同期|底|末)?\s*[的之]?\s*$"
)
_OPENING_CHARS = frozenset("由從从較较比")
_COMPARED = frozenset("較较比")
_CLAUSE_MARKS = frozenset("，,；;。：:")
_FROM_MAX_CHARS = 16  # `從上一年度同期的 ` and the like: how far before a value its opening can start


@dataclass(frozen=True)
class Level:
    """One of the two levels of a change (`僱員人數由2023年的3,020人增至2024年的3,215人`)."""

    label_end: int  # the label is the clause before `由`
    later: bool  # the level after the change (B of `由A增至B`), else the earlier one (A)
    year: int | None  # the year the text names for this level
    prior: bool = False  # `由去年的A`: the year before the report's
    fiscal: bool = False  # the year is named as a fiscal year (`FY2023/24`, `2024財年`), not a calendar one


@cache
def _change_to() -> re.Pattern[str]:
    """`增至2024年的`, `減少至`, `下降到`: a change verb and `至` between the two levels (folded), maybe a
    year; not `增加300人至` (the change itself, then the later level)."""
    return re.compile(rf"(?:{alternation('change_verb')})(?:至|到|为)(?:({_CHANGE_YEAR})(?:底|末)?)?的?")


def level_year(level: Level, fiscal_year: int, dated: Callable[[int], int | None]) -> int | None:
    """The fiscal year of a level of a change: one it names as such (`FY2023/24`) is that year, a calendar
    year whatever `dated` makes of it, `上年度的` the year before the report's; None: no year, or a later one."""
    if level.year is None:
        return fiscal_year - 1 if level.prior else None
    if level.fiscal:
        return level.year if level.year <= fiscal_year else None
    return dated(level.year)


def _names_fiscal(year: str | None) -> bool:
    return bool(year) and _FISCAL_MARK.search(year or "") is not None


def change_levels(text: str, values: tuple[Value, ...]) -> dict[int, Level]:
    """The values (by index) that are the levels before and after a change: `由A增至B` states A as an
    earlier level, not the report's, and B with the label before `由`."""
    levels: dict[int, Level] = {}
    if not _OPENING_CHARS.intersection(text):
        return levels
    for index, value in enumerate(values):
        opening = _FROM.search(text, max(0, value.start - _FROM_MAX_CHARS), value.start)
        if (
            opening is None
            or not value.unit
            or not role_pattern("change_verb").match(fold(text[value.end : value.end + 12]))
        ):
            continue
        if opening.group()[:1] in _COMPARED and text[: opening.start()].rstrip()[-1:] in _CLAUSE_MARKS:
            continue  # `…2,476人，較2023年底之2,388人`: the clause compares the figure before it (`PRIOR_CLAUSE`)
        named = opening.group(1)
        year = year_of(named) if named else None
        levels[index] = Level(opening.start(), False, year, prior=bool(opening.group(2)), fiscal=_names_fiscal(named))
        # the next value with a unit (a year between them is a number too: `增至2024年的3,215人`)
        after = next((later for later in range(index + 1, len(values)) if values[later].unit), None)
        change = _change_to().fullmatch(fold(text[value.end : values[after].start])) if after else None
        if after is not None and change is not None:
            named = change.group(1)
            levels[after] = Level(opening.start(), True, year_of(named) if named else None, fiscal=_names_fiscal(named))
    return levels


def inside_open_bracket(clause: str) -> str:
    """The text after a bracket the clause opens and does not close, or ``."""
    opened = max(clause.rfind("（"), clause.rfind("("))
    return clause[opened + 1 :] if opened >= 0 and opened > max(clause.rfind("）"), clause.rfind(")")) else ""


CLOSED_BRACKET = re.compile(r"[（(][^（）()]*[）)]")
# `較2023年度的`: the year compared with; `於2023年股東常會改選`: the year of an event, not of the figures
COMPARED_YEAR = re.compile(
    r"(?:較|较|比|相比|相較|相较)\s*(?:20\d{2})\s*年度?(?:同期)?的?|(?:20\d{2})\s*年度?(?=股東|股东)"
)


def last_clause_start(text: str) -> int:
    """Where the last clause of a text starts: after its last clause mark outside closed brackets (a
    list inside one cuts no clause: `直接能源（車隊汽油、柴油及石油氣）約7,300兆瓦時`)."""
    masked = CLOSED_BRACKET.sub(lambda match: "_" * len(match.group()), text) if "（" in text or "(" in text else text
    return max((match.end() for match in CLAUSE_END.finditer(masked)), default=0)


# A clause's end that keeps a list's items together: not `、` (the items of one clause), not `28,106`
LIST_CLAUSE_END = re.compile(r"[，。；;：！!？?\t]|[,:](?!\d)")  # (a tab: a cell's end)
_TITLE = re.compile(r"《[^《》]*》|「[^「」]*」")  # `《2023年環境、社會及管治報告》`: its `、` lists nothing


def list_clause(text: str, cut: int) -> str:
    """Where the last clause of `text` starts after an item mark (`cut` just after a `、`) and the items
    before it hold no value, the whole clause of the list: the value is the list's (`範圍一、範圍二溫室氣體
    排放總量`: both scopes', not scope 2's; `本集團向香港公益金、東華三院…捐款合共`: the recipients are
    filler); "" otherwise (`《…環境、社會…》` and brackets list nothing; a cell ends a clause)."""
    if not cut or text[cut - 1] != "、":
        return ""
    masked = _TITLE.sub(
        lambda match: "_" * len(match.group()), CLOSED_BRACKET.sub(lambda m: "_" * len(m.group()), text)
    )
    if masked[cut - 1] != "、":
        return ""
    start = max((match.end() for match in LIST_CLAUSE_END.finditer(masked, 0, cut - 1)), default=0)
    return text[start:].strip(BULLETS) if text[start : cut - 1].strip(BULLETS) else ""  # `…200人、技術人員約`


_FOLLOWED_BY_NUMBER = re.compile(r"^\s+[-−]?\d")
_YEAR_AFTER = re.compile(r"^\s+20\d{2}\s*年")
_PAGE_CELL = re.compile(r"^\t\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$")


def followed_by_number(text: str, value: Value) -> bool:
    """Whether a number follows a value, which is then a footnote mark or a label's digit before a table
    value (`綜合能源消耗量4 噸標煤 43.81`); not a content index's page cell after a cell of records
    (`外購電力：13,912,300千瓦時` / `18`)."""
    after = text[value.end :]
    if not _FOLLOWED_BY_NUMBER.match(after) or _YEAR_AFTER.match(after):
        return False  # `38.72噸 2023年：41.05噸` (a record per `<br>`): the next record's year
    return not (_PAGE_CELL.match(after) and "：" in text[text.rfind("\t", 0, value.start) + 1 : value.start])


def own_cell(sentence: str) -> str:
    """The text a value's sentence reads from in a row of cells: its own cell where that holds words
    (`KPI B3.1\t按性別…劃分的受訓僱員百分比\t受訓僱員百分比：`: no breakdown), else the whole row."""
    if "\t" not in sentence:
        return sentence
    cell = sentence[sentence.rfind("\t") + 1 :]
    return cell if HAN.search(cell) else sentence


def rest_of_clause(text: str, value: Value) -> str:
    """What follows a value and its unit up to the end of its clause (`名獨立非執行董事`)."""
    after = text[value.end :]
    return after[: next((match.start() for match in CLAUSE_END.finditer(after)), len(after))]


# The noun after a count ends before a bracket (opening or closing: `（含4席獨立董事）`), the next number or
# the next item (`3名獨立董事及2名…`).
_NOUN_END = re.compile(r"[（()）\d]|(?:及|和|与|與|以及)(?=\d)")
# `董事會由9位董事組成`, `與436家供應商合作`: the noun without the verb
_NOUN_VERB = re.compile(r"(?:組成|组成|構成|构成|(?:建立|保持|開展|开展)?合作(?:關係|关系)?)$")


# `香港212家及中國內地`: a count, its unit, a joiner and the next part's qualifier (group 1: the unit)
_LISTED_PART_BEFORE = re.compile(
    r"\d\s*([^\d\s，,。；;及和与與、]{1,6}?)\s*(?:以及|及|和|与|與|、)[^，,。；;\d]{1,12}$"
)


def _ends_a_list_of_parts(text: str, value: Value) -> bool:
    """`與香港212家及中國內地279家供應商合作`: the last of counts in one unit, each after its own qualifier,
    with one noun after them all: the noun counts each part (by region, by site), and no count is its total."""
    if not value.unit:
        return False
    match = _LISTED_PART_BEFORE.search(text, max(0, value.start - 40), value.start)
    return match is not None and match.group(1) == value.unit


def noun_after(text: str, value: Value) -> str:
    """The noun after a count or after an activity's hours, which may say what the value counts
    (`包括3名獨立非執行董事`: 獨立非執行董事; `提供了合共2,300小時的培訓`: 培訓); none after the last of a
    list of parts."""
    if _ends_a_list_of_parts(text, value):
        return ""
    return _NOUN_VERB.sub("", _NOUN_END.split(rest_of_clause(text, value).lstrip("的之"))[0])


_COMPARED_LEVEL = re.compile(r"(.{2,30}?)(?:较|比)(20\d{2})年度?(?:末|底)?[的之]")  # `較112年之`: Taiwan's 之


def compared_level(clause: str) -> tuple[str, int] | None:
    """(label, year) of a clause that names the level a figure after it is compared at
    (`總耗水量較2023年的1,341,205噸下降4.1%`: the 2023 level), or None."""
    match = _COMPARED_LEVEL.fullmatch(fold(clause).strip(BULLETS))
    return (match.group(1), int(match.group(2))) if match else None
