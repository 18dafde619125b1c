"""Prose that pairs a list of labels with a list of values: `A、B及C分別為X、Y及Z` (respectively).

    範圍一及範圍二溫室氣體排放量分別為3,412.8噸及5,106.4噸二氧化碳當量，合共8,519.2噸二氧化碳當量
    氮氧化物、硫氧化物及顆粒物排放量分別為1,820.5、12.4及165.3千克

The items share the words the list prints once: a head noun after the last item (`…排放量`) or a
qualifier before the first (`範圍一及二排放量`). Each item is read with every such completion and the
lexicon keeps the one it knows. Where items and values do not pair up one to one, none of the values
gets a label: no row is better than the list's label on its first value. A value right after the list
joined by filler only (`，合共8,519.2噸`) is the sum, labelled by the whole list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ingest.map.currency import currency_name
from ingest.read.prose_tokens import BULLETS, Value
from ingest.read.text import FISCAL_YEAR_WORD, fold, split_outside_brackets

# `分別為`, `分别约为人民币`, `分別佔`, `依次為`: `分别` and the words up to the first value (no clause end between).
_RESPECTIVELY = re.compile(r"分[别別]|依次")
_MAX_VERB_CHARS = 12
_MAX_SHARED_CHARS = 12  # a head or qualifier a list prints once (`溫室氣體排放量`): a few words
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?]")  # `prose_tokens.CLAUSE_END` but `、`, which lists items
_ITEM_SEPARATOR = re.compile(r"、|以及|及|和|與|与")
_RESTATED_ITEM = re.compile(r"、|，|；|以及|及|和|與|与")  # (not `,`: a thousands separator)
_MAX_AFTER_LAST_CHARS = 20
_VALUE_SEPARATOR = re.compile(r"\s*(?:、|以及|及|和|與|与|，|,)\s*")
_SHARE_VERB = re.compile(r"[占佔]")
_SENTENCE_BREAK = re.compile(r"[。；;！!？?]")
_YEAR = re.compile(r"(?:在|于|於)?\s*(20\d{2})\s*年度?的?")
# `（2023年：分別為…）`: the list before restated for another year, its items not printed again.
_RESTATED_OPEN = re.compile(
    rf"\s*[（(]\s*(20\d{{2}})\s*(?:{FISCAL_YEAR_WORD}|年度?)(?:\d{{1,2}}月\d{{1,2}}日)?\s*[：:]\s*(?:分別|分别)?(?:約|约)?\s*(?:為|为)?\s*"
)
_BRACKETED_YEAR = re.compile(rf"[（(]\s*(20\d{{2}})\s*(?:{FISCAL_YEAR_WORD}|年度?)\s*[：:]?\s*$")


@dataclass(frozen=True)
class Listed:
    """The label readings of one value of a list, most likely first, and what the list printed."""

    candidates: tuple[str, ...]
    printed: str  # the list's label as printed: the lineage of every value of the list
    unit: str | None  # the unit the list prints once, after its last value (`12.4及165.3千克`)
    year: int | None = None  # a list of years (`2023年、2024年及2025年用電量分別為`): this value's
    restated: bool = False  # the list before, again for the fiscal year `year` labels (`（2023年：分別為…）`)


def listed_values(
    text: str, values: tuple[Value, ...], only_filler: Callable[[str], bool], fiscal_year: int | None = None
) -> dict[int, Listed | None]:
    """The values (by index) that a `分別` list pairs with its items; None for a value of a list whose
    items and values do not pair up. `only_filler` says whether a text is filler only (`，合共`);
    `fiscal_year` dates a span of recent years (`近三年…分別為`)."""
    found: dict[int, Listed | None] = _restated_figures(text, values) if "年" in text else {}
    if "分" not in text and "依次" not in text:
        return found
    before: tuple[list[str], str, str] | None = None  # the last list that paired: items, printed, share
    for match in _RESPECTIVELY.finditer(text):
        first = next((index for index, value in enumerate(values) if value.start >= match.end()), None)
        if first is None:
            continue
        verb = text[match.end() : values[first].start]
        if len(verb) > _MAX_VERB_CHARS or _CLAUSE_BREAK.search(verb):
            continue  # `分別` of another sense (`分別按…計算`), not before the values
        members = _members(text, values, first)
        head = text[: match.start()]
        printed = head[max((m.end() for m in _CLAUSE_BREAK.finditer(head)), default=0) :].strip(BULLETS)
        items = _items(head, printed, len(members), fiscal_year)
        unit = values[members[-1]].unit
        restated = _BRACKETED_YEAR.search(head)
        if restated and all(found.get(member) for member in members):
            continue  # `…9.3千克（2023年：分別為131.2千克、…）`: the figures before the bracket label it
        if restated and before is not None and len(before[0]) == len(members):
            items, printed, share = before  # `（2023年：分別約為1,197.3千克及35.9千克）`
            year = int(restated.group(1))
            for position, member in enumerate(members):
                readings = tuple(reading + share for reading in _readings(items, position))
                found[member] = Listed(readings, printed, values[member].unit or unit, year, restated=True)
            continue
        if len(items) < 2 or len(items) != len(members) or not all(items):
            found.update(dict.fromkeys(members))
            continue
        dated = _year_items(items)
        if dated is not None:  # one label, a year for each value
            years, label = dated
            found.update(
                {member: Listed((label,), printed, unit, year) for member, year in zip(members, years, strict=True)}
            )
            continue
        share = "占比" if _SHARE_VERB.search(verb) else ""  # `男性及女性僱員分別佔56.0%及44.0%`
        before = (items, printed, share)
        for position, member in enumerate(members):
            readings = tuple(reading + share for reading in _readings(items, position))
            found[member] = Listed(readings, printed, values[member].unit or unit)
        again = _restated_after(text, values, members[-1], len(items))
        for position, member in enumerate(again[1]):  # `（2023年：92.15千克、1.30千克及6.78千克）`
            readings = tuple(reading + share for reading in _readings(items, position))
            found[member] = Listed(readings, printed, values[member].unit or unit, again[0], restated=True)
        members = again[1] or members
        after = members[-1] + 1
        if (
            after < len(values)
            and values[after].unit
            and only_filler(text[values[members[-1]].end : values[after].start].lstrip(")）"))
        ):
            found[after] = Listed((printed,), printed, values[after].unit)  # `，合共8,519.2噸`: the sum
    return found


def _restated_after(text: str, values: tuple[Value, ...], last: int, count: int) -> tuple[int | None, list[int]]:
    """(the year, the values) of a bracket right after a list that gives as many values for another
    year without saying `分別` again (`…及6.27千克（2023年：92.15千克、1.30千克及6.78千克）`)."""
    opened = _RESTATED_OPEN.match(text, values[last].end)
    start = (
        next((index for index in range(last + 1, len(values)) if values[index].start >= opened.end()), None)
        if opened
        else None
    )
    if opened is None or start is None or values[start].start != opened.end():
        return None, []
    again = _members(text, values, start)
    return (int(opened.group(1)), again) if len(again) == count else (None, [])


def _restated_figures(text: str, values: tuple[Value, ...]) -> dict[int, Listed]:
    """The second and later values of a bracket that restates, for another year and in the same order,
    the figures just before it (`女性僱員5,320名，佔總數44.1%（2023年：5,080名，43.6%）`): each gets the
    clause of its own figure, if every pair prints the same unit (a bracket of one value is the
    sentence's subject again: `read.statements`)."""
    found: dict[int, Listed] = {}
    for opened in _RESTATED_OPEN.finditer(text):
        start = next((index for index, value in enumerate(values) if value.start >= opened.end()), None)
        last = next((index for index in range(len(values) - 1, -1, -1) if values[index].end <= opened.start()), None)
        if (
            start is None
            or last is None
            or values[start].start != opened.end()
            or text[values[last].end : opened.start()].strip()
        ):
            continue
        again = _members(text, values, start)
        # `（2023年：分別為1,352.1千克、22.0千克及不適用）`: each figure pairs with the one before the bracket
        # in its item's place (an item without a figure keeps its place)
        inside = text[opened.end() : values[again[-1]].end + _MAX_AFTER_LAST_CHARS].split("）")[0].split(")")[0]
        breaks = [match.start() + opened.end() for match in _RESTATED_ITEM.finditer(inside)]
        places = [sum(1 for at in breaks if at < values[member].start) for member in again]
        earlier = list(range(last + 1 - len(breaks) - 1, last + 1))
        if len(again) < 2 or earlier[0] < 0 or _SENTENCE_BREAK.search(text, values[earlier[0]].end, opened.start()):
            continue
        pairs = [(earlier[place], member) for place, member in zip(places, again, strict=True)]
        if any(not values[a].unit or fold(values[a].unit or "") != fold(values[b].unit or "") for a, b in pairs):
            continue
        year = int(opened.group(1))
        for figure, member in pairs:
            before = text[values[figure - 1].end if figure else 0 : values[figure].start]
            clause = before[max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0) :].strip(BULLETS)
            if clause:
                found[member] = Listed((clause,), clause, values[member].unit, year, restated=True)
    return found


def _members(text: str, values: tuple[Value, ...], first: int) -> list[int]:
    """The values of the list that starts at `first`: each joined to the one before by a separator only
    (maybe a currency: `人民幣5.8百萬元及人民幣4.6百萬元`)."""
    members = [first]
    for index in range(first + 1, len(values)):
        if not _joint().fullmatch(text[values[index - 1].end : values[index].start]) or _is_year(text, values[index]):
            break  # (`…和986.37萬噸標準煤，2024年同比下降2.59%`: a year opens the next clause)
        members.append(index)
    return members


def _is_year(text: str, value: Value) -> bool:
    return not value.unit and _A_YEAR.fullmatch(value.raw) is not None and text[value.end : value.end + 1] == "年"


_A_YEAR = re.compile(r"(?:19|20)\d{2}")


def _items(head: str, printed: str, count: int, fiscal_year: int | None = None) -> list[str]:
    """The items a list's label clause names; where it names one for several values, the years a
    clause before it may list (`2024年、2023年，因工死亡人數分別為0人、1人`) or the span of years its
    sentence names (`2022年至2024年`, `近三年`)."""
    items = [item.strip() for item in split_outside_brackets(_ITEM_SEPARATOR, printed)]
    if len(items) == 1 and count > 1:
        before = head[: len(head) - len(printed)]
        return _years_clause_before(before, printed, count) or _year_span(head, printed, count, fiscal_year) or items
    return items


# `2022年至2024年`, `2022-2024年`, `近三年`, `過去三年`: the years a sentence's figures run over, in order
_SPAN = re.compile(r"(20\d{2})\s*年?\s*(?:至|到|-|–|—|~|～)\s*(20\d{2})\s*年")
_RECENT = re.compile(r"(?:近|过去|過去|最近)\s*([二两兩三四五2-5])\s*(?:个|個)?\s*(?:年度|年)")
_COUNTS = {"二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5}
_FULL_STOP = re.compile(r"[。！!？?]")


def _year_span(head: str, printed: str, count: int, fiscal_year: int | None) -> list[str] | None:
    """The items `[2022年, 2023年, 2024年員工總數]` of a label whose sentence names a span of as many years
    as it lists values, earliest first (`2022年至2024年員工總數依次為…`, `近三年，公司…分別為…`)."""
    sentence = head[max((m.end() for m in _FULL_STOP.finditer(head)), default=0) :]  # (`；` shares its span)
    span = _SPAN.search(sentence)
    recent = _RECENT.search(sentence) if span is None and fiscal_year else None
    if span is not None:
        first, last = int(span.group(1)), int(span.group(2))
    elif recent is not None and fiscal_year:
        length = _COUNTS.get(recent.group(1)) or int(recent.group(1))
        first, last = fiscal_year - length + 1, fiscal_year
    else:
        return None
    if last - first + 1 != count:
        return None
    label = printed.replace(span.group(), "") if span is not None and span.group() in printed else printed
    return [*(f"{year}年" for year in range(first, last)), f"{last}年{label.strip(BULLETS)}"]


def _years_clause_before(before: str, label: str, count: int) -> list[str] | None:
    """The items `[2024年, 2023年]` of a clause of `count` years alone just before the label's clause
    (`2024年、2023年，`), the label joined to the last (the shared words of `_year_items`); else None."""
    clause = before.rstrip().rstrip("，,").rstrip()
    clause = clause[max((m.end() for m in _CLAUSE_BREAK.finditer(clause)), default=0) :].strip(BULLETS)
    years = [item.strip() for item in _ITEM_SEPARATOR.split(clause)]
    if len(years) != count or not all(_YEAR.fullmatch(year) for year in years):
        return None
    return [*years[:-1], years[-1] + label]


def _year_items(items: list[str]) -> tuple[list[int], str] | None:
    """(the year of each item, the label they share) if the items are years: `2023年`, `2024年`,
    `2025年光伏發電量`; None otherwise."""
    years = [_YEAR.search(item) for item in items]
    if not all(years):
        return None
    rests = [item[: year.start()] + item[year.end() :] for item, year in zip(items, years, strict=True) if year]
    if any(rest.strip() for rest in rests[1:-1]):
        return None
    return [int(year.group(1)) for year in years if year], (rests[0] + rests[-1]).strip()


@cache
def _joint() -> re.Pattern[str]:
    return re.compile(rf"{_VALUE_SEPARATOR.pattern}(?:{currency_name()})?\s*", re.IGNORECASE)


def _readings(items: list[str], position: int) -> tuple[str, ...]:
    """An item completed with the words its list prints once: the head after the last item (`排放量`),
    the qualifier before the first (`範圍`); the item alone last, except for the last item, which holds
    the head. Shared words are short: at most `_MAX_SHARED_CHARS` of them are tried."""
    item, first, last = items[position], items[0], items[-1]
    qualifiers = [first[:cut] for cut in range(1, min(len(first), _MAX_SHARED_CHARS + 1))] if position > 0 else []
    if position == len(items) - 1:
        return (item, *(qualifier + item for qualifier in qualifiers))
    heads = [last[cut:] for cut in range(len(last) - 1, max(0, len(last) - _MAX_SHARED_CHARS - 1), -1)]
    readings = [item + head for head in heads]
    readings += [qualifier + item for qualifier in qualifiers]
    readings += [qualifier + item + head for qualifier in qualifiers for head in heads]
    return (*readings, item)
