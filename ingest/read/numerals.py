"""Figures spelt in Chinese numerals, as Arabic ones: some Hong Kong and mainland reports write them out.

    僱員四百三十六名              -> 僱員436名
    氮氧化物一百二十六點四千克     -> 氮氧化物126.4千克        (the 千 of 千克 is the unit's)
    收益二億八千六百四十萬港元     -> 收益286400000港元
    佔僱員總數百分之五十四點六     -> 佔僱員總數54.6%

A numeral is read only where a unit or a classifier follows it (`一次性`, `三十歲以下`, `一般` stay
words) and only if it is more than one digit (`九名` is `read.text.arabic_counts`' small count); a
run that follows an Arabic number is its unit (`12.5百萬元`).
"""

from __future__ import annotations

import re

from ingest.map.units import unit_prefix
from ingest.read.text import arabic_counts

_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4}
_DIGIT |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}
_DIGITS = "零〇○一二两兩三四五六七八九"
_RUN = re.compile(rf"[{_DIGITS}十][{_DIGITS}十百千萬万億亿]*(?:[點点][{_DIGITS}]+)?")
# a digit before a place or a decimal point: the cheap test that a line may spell a figure out at all
_SPELT_FIGURE = re.compile(rf"[{_DIGITS}十][十百千萬万億亿點点]|十[{_DIGITS}]|百分之")
_PERCENT = re.compile(rf"百分之([{_DIGITS}十百千]+(?:[點点][{_DIGITS}]+)?)")
_SPELT = re.compile(r"[十百千萬万億亿點点]")
_CLASSIFIER = re.compile("[名位宗件人次家]")
_UNIT_HEAD_CHARS = 12
_DATE_PARTS = frozenset("年月")
_AFTER_NUMBER = frozenset("0123456789.,")


def chinese_number(numeral: str) -> str | None:
    """`一百二十六點四` -> `126.4`, `七千零一十九` -> `7019`; None if it is no well-formed numeral."""
    whole, _, decimals = numeral.replace("点", "點").partition("點")
    total = section = 0
    digit: int | None = None
    for char in whole:
        if char in _DIGIT:
            if digit is not None and digit != 0 and _DIGIT[char] != 0:
                return None  # `一二`: two digits with no place between them
            digit = _DIGIT[char]
        elif char in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[char]
            digit = None
        elif _LARGE[char] > _LARGE["萬"]:  # 億 scales everything before it
            total = (total + section + (digit or 0)) * _LARGE[char]
            section, digit = 0, None
        else:  # 萬 scales its own section (`二億八千六百四十萬`: 8,640 of them)
            total += (section + (digit or 0)) * _LARGE[char]
            section, digit = 0, None
    value = total + section + (digit or 0)
    if decimals:
        return f"{value}." + "".join(str(_DIGIT[char]) for char in decimals)
    return str(value)


def arabic_numbers(text: str) -> str:
    """`text` with its figures spelt in Chinese numerals written in Arabic ones (see the module)."""
    if not _SPELT_FIGURE.search(text):
        return arabic_counts(text)
    if "百分之" in text:
        text = _PERCENT.sub(lambda match: f"{chinese_number(match.group(1)) or match.group()}%", text)
    return arabic_counts(_RUN.sub(_figure, text))


def _figure(match: re.Match[str]) -> str:
    """The numeral as an Arabic number where a unit or classifier follows its longest well-formed part."""
    run = match.group()
    before = match.string[match.start() - 1 : match.start()] if match.start() else ""
    if len(run) < 2 or not _SPELT.search(run) or before in _DATE_PARTS or before in _AFTER_NUMBER:
        return run  # (`十二月三十一日`: a date, not 31 days; `12.5百萬元`: the unit of a number)
    for end in range(len(run), 1, -1):
        value = chinese_number(run[:end])
        rest = match.string[match.start() + end : match.start() + end + _UNIT_HEAD_CHARS]
        if value is not None and rest[:1] not in _DATE_PARTS and (_CLASSIFIER.match(rest) or unit_prefix(rest)):
            return value + run[end:]
    return run


_WHOLE = re.compile(rf"([{_DIGITS}十][{_DIGITS}十百千萬万億亿]*(?:[點点][{_DIGITS}]+)?)[名位宗件人次家]?")


def spelt_value(cell: str) -> str | None:
    """The number of a table cell spelt in Chinese numerals (`九十二`, `一百九十八名`), or None."""
    match = _WHOLE.fullmatch(cell)
    return chinese_number(match.group(1)) if match and len(match.group(1)) > 1 else None
