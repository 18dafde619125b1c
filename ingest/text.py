"""Text normalisation shared by the parser: script folding, numbers, not-disclosed markers."""

from __future__ import annotations

import re
from functools import cache

import opencc

_T2S = opencc.OpenCC("t2s")
_FULLWIDTH = str.maketrans(
    "（）：；，％＋／－０１２３４５６７８９．　【】╱∕",
    "():;,%+/-0123456789. []//",
)
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
_SUP = re.compile(r"<sup>\s*[\d,\s*]*</sup>|\[\d{1,2}\]", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*\*|__")

NOT_DISCLOSED = frozenset({"/", "-", "—", "–", "--", "——", "n/a", "na", "不适用", "不適用", "无", "無"})
NUMBER = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def to_simplified(text: str) -> str:
    return _T2S.convert(text)


@cache
def fold(text: str) -> str:
    """Folded form for matching: simplified script, half-width punctuation, no spaces, lower case."""
    return _SPACE.sub("", to_simplified(text).translate(_FULLWIDTH)).lower()


def strip_markup(line: str) -> str:
    """Drop footnote superscripts and HTML tags; the remaining text keeps its positions' meaning."""
    return _EMPHASIS.sub("", _TAG.sub(" ", _SUP.sub(" ", line)))


def is_not_disclosed(token: str) -> bool:
    return token.strip().lower() in NOT_DISCLOSED


def is_number(token: str) -> bool:
    return bool(NUMBER.match(token.translate(_FULLWIDTH)))


def parse_number(token: str) -> float:
    cleaned = token.translate(_FULLWIDTH).replace(",", "").replace("−", "-").rstrip("%")
    return float(cleaned)


def is_traditional(text: str, sample_chars: int = 20000) -> bool:
    """Traditional script if folding to simplified changes a noticeable share of Han characters."""
    sample = "".join(ch for ch in text[:sample_chars] if "\u4e00" <= ch <= "\u9fff")
    if not sample:
        return False
    changed = sum(1 for a, b in zip(sample, to_simplified(sample), strict=False) if a != b)
    return changed / len(sample) > 0.02
