"""What a table cell holds: a value (without footnote or restated marks), maybe with its own unit;
a label with the unit it carries (`員工總數(人)`, `電力消耗/千瓦時`); a caption's unit (`單位：萬元`).

One home for these rules: the grid reader, the text-table reader and the one-cell-per-line reader
all read cells through them. Each is a pure function of the cell's text and cached: a report repeats
its units, years and labels in row after row.
"""

from __future__ import annotations

import re

from ingest.map.units import is_complete_unit, is_multiplier, is_unit_alone, looks_like_unit
from ingest.read.markup import strip_footnote_mark
from ingest.read.memo import memo
from ingest.read.numerals import spelt_value
from ingest.read.text import FISCAL_YEAR_WORD, HAN, arabic_dates, fiscal_years, fold, gregorian_years, half_width

_NUMBER = re.compile(r"^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
# a footnote mark after a cell's figure: `1,234 2`, `89*`, `567#`, `※1`, `註3`, `(2)`, `（註1）`, `1,234(a)`, `12.5^`,
# `31a`; and a restated figure's `R` (`20,590 R`)
_NUMBER_WITH_MARK = re.compile(
    r"^([-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?)"
    r"(?:\s+\d{1,2}|\*{1,3}|\s*[#†‡^]{1,2}|\s*※\d{0,2}|\s*[注註]\d{1,2}|\s*[(（](?:注|註|附注|附註|[Nn]ote)?\s*\d{1,2}[)）]"
    r"|\s*[(（][a-zA-Z][)）]|[a-f]|\s+R)$"
)
_LABEL_UNIT = re.compile(r"^(?P<label>.+?)\s*[(（\[](?P<unit>[^()（）\[\]]{1,16})[)）\]]$")  # (`有害廢棄物 [噸]`)
# `外購電力 - 千瓦時`, `耗水密度 | 立方米／百萬元人民幣收益`: a unit after a spaced dash or bar
_LABEL_SEPARATED_UNIT = re.compile(r"^(?P<label>.+?)(?:\s+|(?<=[)）]))[-–—|｜]\s+(?P<unit>[^-–—|｜]{1,30})$")
_LABEL_QUALIFIER_UNIT = re.compile(
    r"^(?P<label>.+?)\s*[(（](?P<qualifier>[^()（）]{1,24})[，,;；]\s*(?P<unit>[^()（）,，;；]{1,16})[)）]$"
)
# `範疇一排放量 公噸CO2e`, `排放量 GRI 305-1 公噸CO2e`: a unit after a space (a web cell's `<small>` unit); not
# the last word of `Total number of employees`
_LABEL_SPACE_UNIT = re.compile(
    r"^(?P<label>.*[\u4e00-\u9fff].*?[^\sA-Za-z|/／:：\-–—])\s+(?P<unit>[^\s\d(（][^\s]{0,15})$"
)
_GLOSS_AFTER_UNIT = re.compile(r"(?<=.)[(（][^()（）]{1,12}[)）]$")  # `GJ（吉焦耳）`, `千度（MWh）`
_LABEL_SLASH_UNIT = re.compile(r"^(?P<label>.+?)\s*[/／]\s*(?P<unit>[^/／]{1,16})$")
_CAPTION_UNIT = re.compile(r"(?:單位|单位|unit)\s*[:：]\s*(?P<unit>[^\s，,。;；)）]{1,16})", re.IGNORECASE)
# `約8,280`, `~8,280`: the figure, rounded (a bound is none: `逾10,000`, `>10,000`, `不少於…` stay no value)
_APPROXIMATELY = re.compile(r"^(?:約|约|大約|大约|~|≈|approx\.?)\s*(?=[-−+]?\d)", re.IGNORECASE)
_APPROXIMATE_FIRST = frozenset("約约大~≈aA")
_LEADING_MARK = re.compile(r"^[-–—•·*#>\s]+")
_RESTATED_MARK = re.compile(r"\s*[(（](?:經|经)?(?:重述|重列|restated)[)）]\s*$", re.IGNORECASE)
# the change a cell prints after its figure (`6,215.3 (▼7.8%)`, `68.4 (+1.1ppt)`, `846（持平）`): no figure
_CHANGE_MARK = re.compile(
    r"\s*[(（]\s*(?:(?:[↑↓▲▼△▽]|[+＋\-−–])\s*[\d.,]+\s*(?:%|％|ppt|pp|個百分點|个百分点)?|持平|不變|不变)\s*[)）]\s*$"
)
# `按性別劃分的`, `按年齡組別`: words that break a measure down (a section of a table, a breakdown heading)
BREAKDOWN = re.compile(r"按[^/]{0,16}?(?:劃分|划分)的?|^按[^/]{1,8}$")
_ZERO_WORDS = frozenset({"無", "无", "零", "nil", "Nil", "NIL"})
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+(?:\.\d+)?")  # `23 154.80`
_SCIENTIFIC = re.compile(r"[-−]?\d(?:\.\d+)?[eE][+-]\d{2,3}")  # `3.86215e+09`: pandas, Excel (float() reads it)
_MAX_TILE_LABEL_CHARS = 30
_VALUE_AND_UNIT = re.compile(r"^([-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?)\s*(.*)$")


@memo
def value_of(text: str) -> str | None:
    """The number a value cell holds, without footnote marks; None for text or not-disclosed.

    `8,202.6 4` is 8,202.6 with footnote 4; `1 234 567` (thin spaces) is one number.
    """
    text = _RESTATED_MARK.sub("", half_width(text.strip()))
    text = _APPROXIMATELY.sub("", text) if text[:1] in _APPROXIMATE_FIRST else text  # `約42.6`: a level, rounded
    text = _CHANGE_MARK.sub("", text) if ")" in text else text  # (half-width brackets by now)
    if _NUMBER.match(text):
        return text
    if text in _ZERO_WORDS:  # `因工死亡人數 | 無 | 零`: nil in words, a zero (not `-` or `不適用`: no observation)
        return "0"
    if not text[:1].isascii() and (spelt := spelt_value(text)):
        return spelt  # `一百九十八名`: a figure spelt in Chinese numerals
    match = _NUMBER_WITH_MARK.match(text)
    if match and (
        "," in match.group(1)
        or "." in match.group(1)
        or not match.group(0)[len(match.group(1)) :].strip()[:1].isdigit()
    ):
        return match.group(1)
    if _SPACED_THOUSANDS.fullmatch(text):
        return text.replace(" ", "")
    if _SCIENTIFIC.fullmatch(text):
        return text
    return match.group(1) if match else None


@memo
def value_and_unit(text: str) -> tuple[str | None, str | None]:
    """A value cell's number and the unit printed in the cell itself (`256.3億元`, `3.2萬人`), or the
    magnitude word alone (`5.02萬`)."""
    value = value_of(text)
    if value is not None:
        return value, None
    match = _VALUE_AND_UNIT.match(half_width(text.strip()))
    if match and match.group(2) and (is_complete_unit(match.group(2).strip()) or is_multiplier(match.group(2).strip())):
        return match.group(1), match.group(2).strip()  # a magnitude alone (`5.02萬`) scales the row's unit
    return None, None


@memo
def unit_of_cell(text: str) -> str:
    """The unit a unit cell gives: `萬噸 CO2 當量` whole, `噸二氧化碳當量／僱員 tCO2e/employee` its
    Chinese half, `噸 tonnes` -> `噸`, `人5` -> `人` (a footnote mark)."""
    tokens = text.split()
    chinese = [token for token in tokens if HAN.search(token)]
    for candidate in (text, *chinese, *tokens):  # `'000 kWh 千個千瓦時`: the Chinese half says it whole
        if candidate and is_complete_unit(candidate):
            return candidate
    if not text or looks_like_unit(text):
        return text
    return strip_footnote_mark(text).strip()


# `表2：空氣污染物排放（以千克計）`, `(以噸計)`: the unit a caption names the way HKEX reports do
_COUNTED_IN_UNIT = re.compile(r"[(（]以(?P<unit>[^()（）\s]{1,10})[計计][)）]")


@memo
def caption_unit(text: str) -> str | None:
    match = _CAPTION_UNIT.search(text) or _COUNTED_IN_UNIT.search(text)
    if match and looks_like_unit(match.group("unit")):
        return match.group("unit")
    return None


def caption_year(caption: str) -> int | None:
    """The one year a table's caption names (`2023年環境關鍵績效`, `2024/25財政年度`, `113年`), or None."""
    caption = TABLE_NUMBER.sub(" ", caption)  # `表3-4 2023年…`: folded, the number would run into the year
    folded = fiscal_years(gregorian_years(fold(arabic_dates(caption)))) if caption else ""
    years = {int(year) for year in CAPTION_YEAR.findall(folded)}
    return years.pop() if len(years) == 1 else None


def table_caption_unit(caption: str) -> str | None:
    """The unit a table's caption gives the rows that print none: one it names (`單位：噸`, `（以千克計）`),
    else the unit closing the title of one measure (`B1.2 僱員流失率（%）` over `整體 | 男性 | 女性`)."""
    return caption_unit(caption) or split_label(clean_label(caption))[1]


# A table's number before its title (`表3-4`, `附表2：`, `Table 5.`): no part of the title's words or year
TABLE_NUMBER = re.compile(r"(?:附?表|圖表|图表|table)\s*\d+(?:[-.－]\d+)*\s*[:：、.]?", re.IGNORECASE)
# A year a caption or a note names (folded): `2023年環境數據`, `2024財年`
CAPTION_YEAR = re.compile(rf"(?<!\d)(20\d{{2}})\s*(?:年|{FISCAL_YEAR_WORD})")
_UNIT_LINE = re.compile(r"\s*(?:單位|单位|unit)\s*[:：]\s*(.{1,24}?)\s*", re.IGNORECASE)


def unit_line(text: str) -> str | None:
    """The unit of a line that states one and nothing else (`單位：噸`, `單位：千度（MWh）` -> `千度`), or None."""
    match = _UNIT_LINE.fullmatch(text)
    unit = without_gloss(match.group(1)) if match else None
    return unit if unit and looks_like_unit(unit) else None


def without_gloss(unit: str) -> str:
    """`千度（MWh）` -> `千度`: a unit without the gloss in brackets after it (kept where that leaves no unit)."""
    bare = _GLOSS_AFTER_UNIT.sub("", unit)
    return bare if bare != unit and looks_like_unit(bare) else unit


@memo
def split_label(text: str) -> tuple[str, str | None]:
    """`員工總數(人)` -> (`員工總數`, `人`); `電力消耗/千瓦時` -> (`電力消耗`, `千瓦時`);
    `排放總量（範圍一+範圍二，tCO2e）` -> (`排放總量（範圍一+範圍二）`, `tCO2e`)."""
    text = strip_footnote_mark(text.strip()).strip()
    spaced = _LABEL_SPACE_UNIT.match(text)  # a whole unit after a space (`小時／人`), maybe glossed (`千度（MWh）`)
    if spaced and (unit := _GLOSS_AFTER_UNIT.sub("", spaced.group("unit"))) and looks_like_unit(unit):
        return strip_footnote_mark(spaced.group("label")).strip(), unit
    for pattern in (_LABEL_UNIT, _LABEL_SEPARATED_UNIT, _LABEL_SLASH_UNIT):
        match = pattern.match(text)
        if match and looks_like_unit(match.group("unit").strip()):
            return strip_footnote_mark(match.group("label")).strip(), match.group("unit").strip()
    # `溫室氣體排放總量（範圍一+範圍二，tCO2e）`: the unit closes a bracket that also qualifies the label
    match = _LABEL_QUALIFIER_UNIT.match(text)
    if match and looks_like_unit(match.group("unit").strip()):
        label = f"{match.group('label')}（{match.group('qualifier').strip()}）"
        return strip_footnote_mark(label).strip(), match.group("unit").strip()
    return text, None


@memo
def clean_label(text: str) -> str:
    return strip_footnote_mark(_LEADING_MARK.sub("", text)).strip()


def tile_pairs(values: list[str], labels: list[str]) -> list[tuple[int, str, str | None, str]] | None:
    """(column, value, unit, label) of a value row over a label row, or None if they are not that."""
    pairs = []
    for c, (value_text, label) in enumerate(zip(values, labels, strict=False)):
        if not value_text and not label:
            continue
        match = _VALUE_AND_UNIT.match(half_width(value_text.strip()))
        if not match or not label or len(label) > _MAX_TILE_LABEL_CHARS or _VALUE_AND_UNIT.match(label.strip()):
            return None
        unit = match.group(2).strip() or None
        if unit and not is_unit_alone(unit):
            return None
        pairs.append((c, match.group(1), unit, label))
    return pairs or None


# a year a caption names, with its 年度 and 的 (`2024年度的`), folded: no part of what the caption measures
NAMED_YEAR = re.compile(rf"(20\d{{2}})\s*(?:{FISCAL_YEAR_WORD}|年度?)(?:的)?")
_CAPTION_BRACKET = re.compile(r"\([^()]*\)")


def caption_measures(caption: str) -> list[str]:
    """What the table counts, from each part of its caption, nearest the table first: `僱員人數` of
    `二零二四年僱員人數（按性別及僱傭類型劃分）`, `員工` of `表3-1 2024年員工按性別及年齡分佈 單位：人`."""
    measures = []
    for part in reversed(caption.split(" / ")):
        measure = NAMED_YEAR.sub("", _CAPTION_BRACKET.sub("", fold(arabic_dates(part))))
        measure = _CAPTION_BREAKDOWN.sub("", _CAPTION_UNIT_PART.sub("", TABLE_NUMBER.sub("", measure)))
        if measure:
            measures.append(measure)
    return measures


_CAPTION_UNIT_PART = re.compile(r"(?:计量)?单位[:：].*$")
_CAPTION_BREAKDOWN = re.compile(r"按[^按]{1,12}?(?:划分|分布|分类|统计|区分)$|(?:分布|构成|结构|情况)$")
