"""Reported unit -> factor to a metric's canonical unit, from the unit_factors seed."""

from __future__ import annotations

import re
from functools import cache

from ingest.reference import unit_aliases, unit_factors
from ingest.text import fold, to_simplified

_PARENS_ONLY = re.compile(r"^\((.*)\)$")
_DENOMINATOR_UNITS = frozenset({"person", "CNY_mn"})
_HALF_WIDTH = str.maketrans("（）％／╱∕", "()%///")


def fold_unit(unit: str) -> str:
    folded = fold(unit)
    match = _PARENS_ONLY.match(folded)
    return match.group(1) if match else folded


def _factor(alias: str, canonical: str) -> float | None:
    return unit_factors().get((alias, canonical))


def conversion_factor(reported_unit: str | None, canonical_unit: str) -> float | None:
    """Factor that turns a value in `reported_unit` into `canonical_unit`, or None if they do not fit.

    Intensities divide: a value per 万元 is 100 times the value per CNY million.
    """
    if not reported_unit:
        return None
    folded = fold_unit(reported_unit)
    canonical_num, _, canonical_den = canonical_unit.partition("/")
    reported_num, slash, reported_den = folded.partition("/")
    numerator = _factor(reported_num, canonical_num)
    if numerator is None:
        return None
    if not canonical_den:
        return numerator if not slash else None
    if not slash:
        # "人均 … 小时": per-employee figures often print only the numerator's unit.
        return numerator if canonical_den == "person" else None
    denominator = _factor(reported_den, canonical_den)
    if denominator is None:
        return None
    return numerator / denominator


def looks_like_unit(token: str) -> bool:
    """Whether a token reads as a unit of any kind we know (used to split 'label unit' text)."""
    folded = fold_unit(token)
    if not folded:
        return False
    numerator = folded.partition("/")[0]
    return numerator in unit_aliases() or numerator in _EXTRA_UNITS or folded in _EXTRA_UNITS


@cache
def _unit_prefix_pattern() -> re.Pattern[str]:
    def alternatives(names: set[str]) -> str:
        # Longest alias first, so 人次 is not read as 人 and 万元 not as 元.
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))

    # `名员工`, `万元营收` are denominators only: `7,440名员工` is 7,440 名 of 员工.
    numerators = {alias for alias, canonical in unit_factors() if canonical not in _DENOMINATOR_UNITS}
    numerator = alternatives(numerators | _EXTRA_UNITS)
    denominator = alternatives(unit_aliases() | _EXTRA_UNITS)
    return re.compile(rf"^[ \t]*(?:{numerator})(?![a-z])(?:[ \t]*/[ \t]*(?:{denominator})(?![a-z]))?")


def unit_prefix(text: str) -> str | None:
    """The unit printed at the start of `text` (the text after a number), as printed, or None.

    `吨二氧化碳当量 / 百万元人民币收入。` -> `吨二氧化碳当量 / 百万元人民币收入`; `人提供就业机会` -> `人`.
    """
    head = text[:40]
    folded = to_simplified(head).translate(_HALF_WIDTH).lower()
    if len(folded) != len(head):
        return None
    match = _unit_prefix_pattern().match(folded)
    if not match:
        return None
    unit = head[: match.end()].strip()
    # A denominator must be complete: "吨/百" is not a unit.
    return unit or None


# Units that appear in KPI tables but map to no core metric; knowing them keeps labels clean.
_EXTRA_UNITS = frozenset(
    {"人次", "分钟", "公升", "升", "份", "项", "场", "场次", "辆", "台", "篇", "门", "元/人", "小时/人", "次/人"}
)
