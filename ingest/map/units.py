"""Reported unit -> factor to a metric's canonical unit, from the `unit_factors` and `unit_parts` seeds.

A unit is read as a grammar, not a list: a numerator (`噸二氧化碳當量`), maybe behind a multiplier
(`萬`, `千`, `百萬`, `億`: `萬噸二氧化碳當量`, `千千瓦時`), and maybe a denominator after `/` or `每`
(`千克/萬元人民幣`, `噸標煤每百萬營收`), whose revenue words (`營業收入`, `營收`, `人民幣`) only say
what the money is. Intensities divide: a value per 万元 is 100 times the value per CNY million.
The readers of a unit are cached: a report prints the same few units many times.
"""

from __future__ import annotations

import math
import re
from functools import cache

from ingest.map.currency import currency_name, foreign_currency_name, without_foreign_currency
from ingest.map.reference import read_seed, unit_aliases, unit_factors
from ingest.read.memo import memo
from ingest.read.text import CharMap, fold, to_simplified

_PARENS_ONLY = re.compile(r"^\((.*)\)$")
_PARENS = re.compile(r"[()]")
_DENOMINATOR_UNITS = frozenset({"person", "CNY_mn"})
_HALF_WIDTH = CharMap("（）％／╱∕", "()%///")
_MONEY = "元"


@cache
def _parts() -> dict[str, list[tuple[str, float]]]:
    parts: dict[str, list[tuple[str, float]]] = {}
    for row in read_seed("unit_parts.csv"):
        parts.setdefault(row["kind"], []).append((fold(row["text"]), float(row["factor"] or 0)))
    for values in parts.values():
        values.sort(key=lambda item: len(item[0]), reverse=True)  # longest first: 百万 before 万
    return parts


@cache
def power_multipliers() -> dict[int, str]:
    """The Chinese multiplier of each power of ten the seed knows (3: 千, 4: 万, 6: 百万, 8: 亿), for a
    power printed in LaTeX (`$10^{4}\\mathrm{kWh}$`, `1.25\\times10^{4}`)."""
    found: dict[int, str] = {}
    for prefix, factor in sorted(_parts().get("multiplier", []), key=lambda part: len(part[0])):  # 千, not 千千
        power = round(math.log10(factor)) if factor > 0 else 0
        if not prefix.isascii() and 10**power == factor and power not in found:
            found[power] = prefix
    return found


@cache
def _money_in_words() -> re.Pattern[str]:
    """`rmb10k`, `rmbmillion`, `cny100m` (folded): the report's currency, then a multiplier in English."""
    multipliers = "|".join(re.escape(word) for word, _ in _parts().get("multiplier", []) if word.isascii())
    return re.compile(f"(?:rmb|cny|人民币)({multipliers})")


_THOUSANDS_SUFFIX = ("'000", "’000")
_MILLION = re.compile(r"^M(?=\s)")  # `5.80M kWh` on a web page: millions of the unit (not `MWh`, not metres)
_COUNTED_IN = re.compile(r"\((?:以)?(千|万|百万|亿)(?:计)?\)$")  # `千瓦時（以千計）`, `立方米（千）`


@memo
def fold_unit(unit: str) -> str:
    """Folded unit: simplified, half-width, no spaces, outer brackets off, 每 as `/`, no `/年`; money in
    another currency as 元 (`百萬港元` -> `百万元`: the currency is `map.currency`'s to convert or keep out)."""
    folded = fold(_MILLION.sub("百万", unit) if unit[:1] == "M" else unit)
    if folded.endswith(_THOUSANDS_SUFFIX):  # `HK$'000`, `RMB'000`: thousands of the currency
        folded = "千" + folded[: -len(_THOUSANDS_SUFFIX[0])]
    elif folded.startswith(_THOUSANDS_SUFFIX) and len(folded) > len(_THOUSANDS_SUFFIX[0]):  # `'000 kWh`
        folded = "千" + folded[len(_THOUSANDS_SUFFIX[0]) :]
    folded = without_foreign_currency(folded)
    if folded[:1] in "rc人" and (money := _money_in_words().fullmatch(folded)):
        folded = money.group(1) + _MONEY  # `RMB 10k`, `RMB million`: 萬元, 百萬元
    match = _PARENS_ONLY.match(folded)
    folded = match.group(1) if match else folded
    for word, _ in _parts().get("per_word", []):
        folded = folded.replace("/" + word, "/")  # `噸/每名僱員`
        if word in folded[1:]:
            folded = folded[0] + folded[1:].replace(word, "/")
    for suffix, _ in _parts().get("per_year", []):
        if folded.endswith(suffix) and len(folded) > len(suffix):
            folded = folded[: -len(suffix)]
    counted = _COUNTED_IN.search(folded)
    if counted and counted.start():  # thousands of kWh: the multiplier written after the unit
        folded = counted.group(1) + folded[: counted.start()]
    return folded


def _scaled(alias: str, canonical: str) -> float | None:
    """Factor of `alias` to `canonical`, trying a multiplier prefix (`万吨` = 10,000 x `吨`)."""
    factor = unit_factors().get((alias, canonical))
    if factor is not None:
        return factor
    for prefix, multiplier in _parts().get("multiplier", []):
        if alias.startswith(prefix) and len(alias) > len(prefix):
            base = unit_factors().get((alias[len(prefix) :], canonical))
            if base is not None:
                return multiplier * base
    return None


def _denominator(text: str) -> str:
    """`营业收入(人民币万元)` -> `万元`; `百万营收` -> `百万元`: revenue words and brackets off."""
    for word, _ in _parts().get("revenue_word", []):
        text = text.replace(word, "")
    text = _PARENS.sub("", text)
    if text in {prefix for prefix, _ in _parts().get("multiplier", [])}:
        text += _MONEY
    return text


def conversion_factor(reported_unit: str | None, canonical_unit: str) -> float | None:
    """Factor that turns a value in `reported_unit` into `canonical_unit`, or None if they do not fit."""
    if not reported_unit:
        return None
    folded = fold_unit(reported_unit)
    canonical_num, _, canonical_den = canonical_unit.partition("/")
    reported_num, slash, reported_den = folded.partition("/")
    numerator = _scaled(reported_num, canonical_num)
    if numerator is None:
        return None
    if not canonical_den:
        return numerator if not slash else None
    if not slash:
        # "人均 … 小时": per-employee figures often print only the numerator's unit.
        return numerator if canonical_den == "person" else None
    denominator = _scaled(reported_den, canonical_den)
    if denominator is None:
        denominator = _scaled(_denominator(reported_den), canonical_den)
    if denominator is None:
        return None
    return numerator / denominator


COUNTED_UNITS = frozenset({"persons", "count"})  # canonical units of whole numbers: a bare count may print none


@memo
def is_count_unit(unit: str) -> bool:
    """Whether a unit counts persons or things (`名`, `位`, `家`, `宗`)."""
    return any(conversion_factor(unit, counted) is not None for counted in COUNTED_UNITS)


def is_duration_unit(unit: str) -> bool:
    """Hours and the like: the time spent on an activity, which the noun after it may name
    (`提供了合共2,300小時的培訓`)."""
    return conversion_factor(unit, "h") is not None


def is_multiplier(text: str) -> bool:
    """Whether a text is a magnitude word alone (`萬`, `億`, `百萬`): a cell's `5.02萬` is 50,200 of the
    unit its row or column names."""
    folded = fold_unit(text)
    return any(folded == word for word, _ in _parts().get("multiplier", []))


def is_denominator(words: str) -> bool:
    """Whether words name what an intensity is per: an amount of revenue (`人民幣百萬元收益`, `万元营业收入`)
    or a person (`名僱員`, `員工`)."""
    folded = fold_unit(words)
    return any(
        _scaled(folded, denominator) is not None or _scaled(_denominator(folded), denominator) is not None
        for denominator in _DENOMINATOR_UNITS
    )


def _known(alias: str) -> bool:
    if alias in unit_aliases() or alias in _extra_units():
        return True
    return any(
        alias.startswith(prefix) and alias[len(prefix) :] in unit_aliases()
        for prefix, _ in _parts().get("multiplier", [])
    )


@memo
def is_complete_unit(token: str) -> bool:
    """Whether a unit reads whole: a known numerator, and a known denominator after any `/`."""
    folded = fold_unit(token)
    numerator, slash, denominator = folded.partition("/")
    if not folded or not _known(numerator):
        return False
    return not slash or _known(denominator) or _known(_denominator(denominator))


@memo
def looks_like_unit(token: str) -> bool:
    """Whether a token reads as a unit of any kind we know (used to split 'label unit' text)."""
    folded = fold_unit(token)
    if not folded:
        return False
    return _known(folded.partition("/")[0]) or folded in _extra_units()


@cache
def _unit_prefix_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A unit at the start of a text, with a multiplier tried first and without one tried first: an
    alternation stops at its first match, and either order reads one unit too short (`千克標準煤`: 千 x 克;
    `萬噸標準煤` if 萬噸 were a unit: 萬噸), so the longer of the two matches is the unit."""

    def alternatives(names: set[str]) -> str:
        # Longest alias first, so 人次 is not read as 人 and 万元 not as 元.
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))

    # `名员工`, `万元营收` are denominators only: `7,440名员工` is 7,440 名 of 员工.
    numerators = {alias for alias, canonical in unit_factors() if canonical not in _DENOMINATOR_UNITS}
    multiplier = alternatives({prefix for prefix, _ in _parts().get("multiplier", []) if not prefix.isascii()})
    numerator = alternatives(numerators | _extra_units())
    denominator = alternatives(unit_aliases() | _extra_units())
    revenue = alternatives({word for word, _ in _parts().get("revenue_word", [])})
    # money in another currency (`萬港元`, `港幣千元`, `新台幣仟元`): `map.currency` converts or keeps it out
    foreign = rf"(?:{multiplier})?(?:{foreign_currency_name()})(?:(?:{multiplier})?元)?"
    per = (
        rf"(?:[ \t]*(?:/|每)[ \t]*(?:{revenue})?[ \t(]*(?:(?:{currency_name()})?(?:(?:{multiplier})?(?:{denominator}))|{foreign})(?![a-z])"
        rf"(?:[ \t)]*(?:{revenue}))*\)?)?"
    )
    multiplied = rf"(?:{multiplier})[ \t]?(?:{numerator})"
    return (
        re.compile(rf"^[ \t]*(?:{multiplied}|(?:{numerator})|{foreign})(?![a-z]){per}"),
        re.compile(rf"^[ \t]*(?:(?:{numerator})|{multiplied}|{foreign})(?![a-z]){per}"),
    )


_UNIT_HEAD_CHARS = 40  # a unit is read from at most this many characters after its number


def unit_prefix(text: str, start: int = 0) -> str | None:
    """The unit printed at `start` of `text` (the text after a number), as printed, or None.

    `吨二氧化碳当量 / 百万元人民币收入。` -> `吨二氧化碳当量 / 百万元人民币收入`; `人提供就业机会` -> `人`.
    (`start` spares a caller reading a line's numbers in turn a copy of the line's rest for each.)
    """
    return _unit_at_start(text[start : start + _UNIT_HEAD_CHARS])


def is_unit_alone(text: str) -> bool:
    """Whether `text` is a unit and nothing else (`千瓦時`, the `噸` of `（噸）`), as `unit_prefix` reads it."""
    return len(text) <= _UNIT_HEAD_CHARS and unit_prefix(text) == text  # a longer text is more than its unit


@memo
def _unit_at_start(head: str) -> str | None:
    folded = _HALF_WIDTH(to_simplified(head)).lower()
    if len(folded) != len(head):
        return None
    end = max((match.end() for pattern in _unit_prefix_patterns() if (match := pattern.match(folded))), default=0)
    if not end:
        return None
    unit = head[:end].strip()
    while unit and unit[-1] in ")）" and unit.count(unit[-1]) > unit.count("(" if unit[-1] == ")" else "（"):
        unit = unit[:-1].rstrip()  # `9.10公噸CO2e／人）`: the bracket the figure stood in, not the unit's
    return unit or None


@cache
def _extra_units() -> frozenset[str]:
    """Units that appear in KPI tables but map to no core metric; knowing them keeps labels clean."""
    return frozenset(text for text, _ in _parts().get("extra_unit", []))
