"""Currencies: which one a report's money is in, which one a unit names, and the rates a report states.

The warehouse keeps money in CNY (CONTRACT). An amount in another currency is converted only at a
rate the report itself gives (`以1港元兌人民幣0.92元的匯率換算`); without one it stays unconverted
and unmapped, and the data-quality page lists it. The currencies' words are the `unit_parts` seed's
(kinds `currency_<code>`).
"""

from __future__ import annotations

import re
from functools import cache

from ingest.map.reference import read_seed
from ingest.read.text import fold

CNY = "CNY"


@cache
def _currencies() -> dict[str, re.Pattern[str]]:
    return {
        row["kind"].split("_", 1)[1]: re.compile(row["text"], re.IGNORECASE)
        for row in read_seed("unit_parts.csv")
        if row["kind"].startswith("currency_")
    }


@cache
def _currency_words() -> dict[str, tuple[str, ...]]:
    """Each currency's words as plain strings (counting them is far cheaper than a regex scan)."""
    return {
        code: tuple(word.replace("\\", "") for word in pattern.pattern.split("|"))
        for code, pattern in _currencies().items()
    }


@cache
def currency_name() -> str:
    """Any currency's name as a regex alternation (`人民幣`, `港元`, `HK$`), for a name before a value."""
    return "|".join(pattern.pattern for pattern in _currencies().values())


@cache
def foreign_currency_name() -> str:
    """Any currency's name but CNY's as a regex alternation (`港元`, `新台币`, `hk\\$`)."""
    return "|".join(pattern.pattern for code, pattern in _currencies().items() if code != CNY)


@cache
def _foreign_name() -> re.Pattern[str]:
    """A currency other than CNY, in a folded unit; group 1 the 元 or multiplier-and-元 after it."""
    return re.compile(rf"(?:{foreign_currency_name()})([千万百亿仟十]*元)?", re.IGNORECASE)


def without_foreign_currency(folded_unit: str) -> str:
    """`百万港元` -> `百万元`, `港币千元` -> `千元`, `新台币仟元` -> `仟元`: the unit's magnitude in 元, its
    currency left to `unit_currency` (a unit of no foreign currency is returned as it is)."""
    if not _foreign_name().search(folded_unit):
        return folded_unit
    return _foreign_name().sub(lambda match: match.group(1) or "元", folded_unit)


def unit_currency(unit: str) -> str | None:
    """The currency a printed unit names (`人民幣萬元`: CNY, `百萬港元`: HKD), or None."""
    folded = fold(unit)
    return next((code for code, pattern in _currencies().items() if pattern.search(folded)), None)


_MIN_CURRENCY_MENTIONS = 2
_DECLARATION_SEARCH_CHARS = 20000  # the opening (about this report), where the currency is declared


# `除另有注明外，货币单位均为人民币`, `金額以港元列示`: the report says which currency its money is in
_DECLARED_CURRENCY = re.compile(r"(?:货币|貨幣|金额|金額|币种|幣種)(?:单位|單位)?(?:均|皆|全部)?(?:为|為|以)")
_DECLARED_CHARS = 8


def report_currency(text: str) -> str:
    """The currency a report's money is in: the one its opening declares (`貨幣單位均為人民幣`), else the
    one it names most (at least twice), else CNY."""
    for match in _DECLARED_CURRENCY.finditer(text[:_DECLARATION_SEARCH_CHARS]):
        after = text[match.end() : match.end() + _DECLARED_CHARS]
        declared = [code for code, pattern in _currencies().items() if pattern.match(after)]
        if declared:
            return declared[0]
    lowered = text.lower()
    counts = {code: sum(lowered.count(word) for word in words) for code, words in _currency_words().items()}
    code, count = max(counts.items(), key=lambda item: item[1])
    return code if count >= _MIN_CURRENCY_MENTIONS and count > counts.get(CNY, 0) else CNY


# A rate is stated near one of these; only those spots are folded and read.
_RATE_CUE = re.compile(r"匯率|汇率|兌|兑|折合|[=＝]")
_RATE_WINDOW = 60
_NUMBER = r"(\d+(?:\.\d+)?)"
_RATE_VERB = r"(?:兑换|兑|=|＝|折合|约等于|相当于)约?"
_MIN_RATE, _MAX_RATE = 0.001, 1000.0


@cache
def _rate_patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    """(currency, pattern, whether the number is units of that currency per CNY) for each foreign currency."""
    found = []
    cny = f"(?:{_currencies()[CNY].pattern})"
    for code, pattern in _currencies().items():
        if code == CNY:
            continue
        name = f"(?:{pattern.pattern})"
        found += [
            # `1港元兌人民幣0.92元`, `1 HKD = 0.92 CNY`, `1.00港元兌0.92元人民幣`
            (code, re.compile(rf"(?<![\d.])1(?:\.0+)?元?{name}{_RATE_VERB}{cny}?{_NUMBER}", re.I), False),
            # `港元兌人民幣的平均匯率為0.9162`
            (
                code,
                re.compile(rf"{name}兑(?:换)?{cny}(?:的)?(?:平均)?(?:汇率|兑换率)(?:为|是|:)?{_NUMBER}", re.I),
                False,
            ),
            # `人民幣1元兌1.09港元`, `1 CNY = 1.09 HKD`
            (code, re.compile(rf"{cny}1(?:\.0+)?元?{_RATE_VERB}{_NUMBER}(?:元)?{name}", re.I), True),
            (code, re.compile(rf"(?<![\d.])1(?:\.0+)?元?{cny}{_RATE_VERB}{_NUMBER}(?:元)?{name}", re.I), True),
        ]
    return found


# `…0.9124元及0.9043元`, `…0.9124元及1港元兌人民幣0.9043元`, `…0.9213元、2023年按1港元兌人民幣0.9069元`: the
# rates after the first, each maybe restating its pair, maybe after its own year (group 1; the rate: group 2)
_AND_RATE = (
    r"(?:、|,|及|和)\s*(?:(20\d{2})\s*年度?[^\d、,及和]{0,3}?)?"
    r"(?:1\s*[^\d\s、,及和]{1,6}?(?:兑换|兑|=|＝)\s*[^\d\s、,及和]{0,4}?)?(\d+(?:\.\d+)?)"
)
_MORE_RATES = re.compile(rf"^元?(?:{_AND_RATE}\s*元?)+")
_ANOTHER_RATE = re.compile(_AND_RATE)
_YEAR = re.compile(r"(20\d{2})\s*年")


def stated_rates(text: str) -> dict[str, dict[int | None, float]]:
    """CNY per unit of each other currency, as the report states it: one rate (key None), or one per year
    where a sentence lists them (`2023年及2024年港元兌人民幣之平均匯率分別為…0.9036元及0.9213元`)."""
    rates: dict[str, dict[int | None, float]] = {}
    for cue in _RATE_CUE.finditer(text):
        window = fold(text[max(cue.start() - _RATE_WINDOW, 0) : cue.end() + _RATE_WINDOW])
        for code, pattern, inverse in _rate_patterns():
            match = pattern.search(window) if code not in rates else None
            number = float(match.group(1)) if match else 0.0
            if not _MIN_RATE <= number <= _MAX_RATE:
                continue
            more = _MORE_RATES.match(window[match.end() :]) if match else None
            others = _ANOTHER_RATE.findall(more.group()) if more else []
            listed = [number] + [float(rate) for _, rate in others]
            years = [int(year) for year in _YEAR.findall(window[: match.start()])] if match else []
            if others and all(year for year, _ in others):  # each rate after its own year: the first's is before it
                years = years[-1:] + [int(year) for year, _ in others]
            if len(listed) > 1:  # a rate per year: only where the years it lists pair up with the rates
                by_year: dict[int | None, float] = dict(zip(years[-len(listed) :], listed, strict=False))
                if len(years) < len(listed):
                    continue
            else:
                by_year = {None: number}
            rates[code] = {year: 1 / rate if inverse else rate for year, rate in by_year.items()}
    return rates
