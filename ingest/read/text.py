"""Text normalisation shared by the parser: script folding, numbers, not-disclosed markers."""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import cache

import opencc

from ingest.read.memo import memo

_T2S = opencc.OpenCC("t2s")


HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character (CJK unified ideographs)


def source_lines(text: str) -> list[str]:
    """The report's lines as `source_line` numbers them (1-based, as `grep -n` and editors count):
    split at newlines only. `str.splitlines` also splits at the form feed `pdftotext` puts at every
    page break (and at `\\x1c`-`\\x1e`, `\\x85`, `\\u2028`), which would shift every later line number."""
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # a final newline ends the last line; it opens no line of its own
    return lines


class CharMap:
    """`str.translate` by a table, skipped for a text that holds none of the table's characters.

    translate looks every character up in a dict; finding that none needs it is one scan in C, several
    times cheaper, and most texts the parser folds need nothing."""

    def __init__(self, source: str, target: str, delete: str = "") -> None:
        self.table = str.maketrans(source, target, delete)
        self.needed = re.compile(f"[{re.escape(source + delete)}]")

    def __call__(self, text: str) -> str:
        return text.translate(self.table) if self.needed.search(text) else text


# a chemical formula's subscripts as ASCII (`CO₂e`, `SO₂`, `NOₓ`), as units and labels are written in plain text
SUBSCRIPTS = CharMap("₀₁₂₃₄₅₆₇₈₉ₓ", "0123456789x")

_FULLWIDTH = CharMap(
    "（）：；，％＋／－０１２３４５６７８９．　【】╱∕",
    "():;,%+/-0123456789. []//",
)

_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_ZERO = re.compile("[零〇○Ｏ]")
_CN_YEAR = re.compile(r"([一二][零〇○Ｏ一二三四五六七八九]{3})(?=\s*(?:年|財|财))")
_CN_SMALL = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# `年` is matched, not looked behind: a pattern that opens with a look-behind is tried at every position.
_CN_MONTH_DAY = re.compile(rf"年(\s*)({_CN_SMALL})(\s*月)(?:(\s*)({_CN_SMALL})(\s*日))?")

# (`NaN`, `#N/A`, `null`: a missing cell as a data tool exports it)
NOT_DISCLOSED = frozenset(
    {"/", "-", "—", "–", "--", "——", "n/a", "na", "n.a.", "nan", "#n/a", "null", "不适用", "不適用", "无", "無"}
)
NUMBER = re.compile(r"^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def _small_number(numeral: str) -> int:
    if "十" not in numeral:
        return _CN_DIGIT[numeral]
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def _month_day(match: re.Match[str]) -> str:
    month = f"年{match.group(1)}{_small_number(match.group(2))}{match.group(3)}"
    if match.group(5) is None:
        return month
    return f"{month}{match.group(4)}{_small_number(match.group(5))}{match.group(6)}"


def arabic_dates(text: str) -> str:
    """`二零二三年十二月三十一日` -> `2023年12月31日`: Hong Kong reports often spell years and dates out."""
    if not _CN_ZERO.search(text):
        return text
    text = _CN_YEAR.sub(lambda match: "".join(str(_CN_DIGIT[char]) for char in match.group(1)), text)
    return _CN_MONTH_DAY.sub(_month_day, text)


# `九名董事`, `兩名女性董事`, `零宗`: a small count spelt out before a classifier of persons or cases.
_CN_COUNT = re.compile(
    r"(?<![每第之其一二三四五六七八九十两兩零〇])"
    r"(零|〇|[两兩]|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=[名位宗件])"
)
_TWO = {"两": "二", "兩": "二", "〇": "零"}


_COUNT_CLASSIFIER = re.compile("[名位宗件]")


def arabic_counts(text: str) -> str:
    """`董事會由九名董事組成` -> `董事會由9名董事組成`: Hong Kong reports spell small counts out."""
    if not _COUNT_CLASSIFIER.search(text) or not _CN_COUNT.search(text):
        return text  # the classifier first: a pattern opening with a look-behind is tried at every position
    return _CN_COUNT.sub(lambda match: str(_small_number(_TWO.get(match.group(1), match.group(1)))), text)


_CN_DIGITS = "一二三四五六七八九〇零"


def ocr_zeros(text: str) -> str:
    """The zeros OCR read as the letter O between two digits of one script, as digits (`2O24年` ->
    `2024年`, `二O二四年` -> `二〇二四年`, `ISO 14OO1`); each letter stands for one character, so every line
    keeps its length and its number. (A loop over `str.find`: a regex scans a report's text several
    times slower, and a report holds few letters O.)"""
    at = text.find("O")
    if at < 0:
        return text
    pieces, done = [], 0
    while at >= 0:
        end = at
        while end < len(text) and text[end] == "O":
            end += 1
        before, after = text[at - 1 : at], text[end : end + 1]
        zero = "0" if before.isdigit() and after.isdigit() else ""
        zero = zero or ("〇" if before and after and before in _CN_DIGITS and after in _CN_DIGITS else "")
        if zero:
            pieces += [text[done:at], zero * (end - at)]
            done = end
        at = text.find("O", end)
    return "".join([*pieces, text[done:]]) if pieces else text


def to_simplified(text: str) -> str:
    return _T2S.convert(text)


@cache
def fold(text: str) -> str:
    """Folded form for matching: simplified script, half-width punctuation, no spaces, lower case."""
    return "".join(_FULLWIDTH(to_simplified(unicodedata.normalize("NFKC", text))).split()).lower()


def is_not_disclosed(token: str) -> bool:
    """`-`, `N/A`, `不適用`; and a figure marked as a change (`▼6.8%`, `△1.6`, `▲114.0%`), which holds a
    column's place in a row but is no level of any year (`△` before a figure is also Taiwan's minus)."""
    stripped = token.strip()
    return stripped.lower() in NOT_DISCLOSED or (
        stripped[:1] in _CHANGE_MARKS and _MARKED_CHANGE.match(stripped) is not None
    )


_CHANGE_MARKS = frozenset("▲▼△▽↑↓")
_MARKED_CHANGE = re.compile(r"^[▲▼△▽↑↓]\s*[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|％|個?百分點|pp|ppt)?$")


_FULLWIDTH_DIGIT = re.compile(r"[０-９]")
# A number in full-width digits (`２，７０３`, `９８．７％`): its digits, separators and per cent as ASCII.
_FULLWIDTH_NUMBER = re.compile(r"[０-９][０-９，．]*[０-９](?:[％%])?|[０-９](?:[％%])?")


# ASCII digits typed with a full-width decimal point (`236．80萬元`, `21，684．35`): the point makes the comma
# before it a thousands separator too (a lone `，` between digits may be a clause's: `分别为120，360人`)
_FULLWIDTH_POINT_NUMBER = re.compile(r"[0-9]{1,3}(?:，[0-9]{3})+．[0-9]+|[0-9]+．[0-9]+")


def ascii_numbers(text: str) -> str:
    """`員工人數：２，７０３人` -> `員工人數：2,703人`, `236．80` -> `236.80`: numbers only, so brackets and
    colons stay as printed."""
    if "．" in text:
        text = _FULLWIDTH_POINT_NUMBER.sub(lambda match: half_width(match.group()), text)
    if not _FULLWIDTH_DIGIT.search(text):
        return text
    return _FULLWIDTH_NUMBER.sub(lambda match: half_width(match.group()), text)


def half_width(text: str) -> str:
    """Full-width digits, letters and punctuation as ASCII (`１，２３４．５` -> `1,234.5`, `ＣＯ２` -> `CO2`)."""
    return _FULLWIDTH(unicodedata.normalize("NFKC", text))


@memo
def is_number(token: str) -> bool:
    return bool(NUMBER.match(_FULLWIDTH(token)))


def parse_number(token: str) -> float:
    cleaned = _FULLWIDTH(token).replace(",", "").replace(" ", "").replace("\u2009", "").replace("\u202f", "")
    cleaned = cleaned.replace("−", "-").rstrip("%")
    return float(cleaned)


_HAN = re.compile(r"[\u4e00-\u9fff]+")


def is_traditional(text: str, sample_chars: int = 8000) -> bool:
    """Traditional script if folding to simplified changes a noticeable share of Han characters."""
    sample = "".join(_HAN.findall(text[:sample_chars]))
    if not sample:
        return False
    changed = sum(map(operator.ne, sample, to_simplified(sample)))
    return changed / len(sample) > 0.02


_ROC_DATE_YEAR = re.compile(
    r"(?<![\d.,])(?:民國|民国)?(1[01]\d)(\s*年)(?=\s*(?:\d{1,2}\s*月|度|底|永續|永续|報告|报告|ESG|[:：]))"
)
# What every ROC date holds; unlike the pattern above (which opens with a look-behind) it is found fast.
_ROC_YEAR_HINT = re.compile(r"1[01]\d\s*年")


def gregorian_years(text: str) -> str:
    """Taiwan's ROC years in dates, titles and year labels (`113年12月31日`, `113年度永續報告書`, `（112年：1,404人）`)
    as Gregorian years."""
    if not _ROC_YEAR_HINT.search(text):
        return text
    return _ROC_DATE_YEAR.sub(lambda match: f"{int(match.group(1)) + 1911}{match.group(2)}", text)


_ROC_YEAR = re.compile(r"(?<![\d.,])(?:民國|民国)?(1[01]\d)(?=\s*年)")
_ROC_YEARS_BEFORE, _ROC_YEARS_AFTER = 12, 6  # `101年` base years … `119年` targets, around the report's own


def roc_years_of(text: str, fiscal_year: int | None) -> str:
    """Every ROC year of a report dated in ROC years (its own year printed so: `113年`) as a Gregorian one,
    in prose too (`較112年之1,985小時`), where `gregorian_years` only takes dates and year labels; a
    number of years far from the report's (`創立100年`) stays."""
    own = fiscal_year - 1911 if fiscal_year else 0
    if not own or f"{own}年" not in text:
        return text

    def gregorian(match: re.Match[str]) -> str:
        year = int(match.group(1))
        return str(year + 1911) if own - _ROC_YEARS_BEFORE <= year <= own + _ROC_YEARS_AFTER else match.group()

    return _ROC_YEAR.sub(gregorian, text)


# A word after a year that names it as a fiscal year (`2024財政年度`, `2024財年`), in both scripts; an
# education group's year is its school year (`2023/24學年`: September to August).
FISCAL_YEAR_WORD = "(?:財政年度|财政年度|財年|财年|學年度?|学年度?)"
_SPLIT_FISCAL_YEAR = re.compile(
    rf"(?<![\d/])(?:FY\s*)?(20\d{{2}})\s*[/／\-–]\s*(?:20)?(\d{{2}})(?![\d/])(?=\s*(?:{FISCAL_YEAR_WORD}|年度))",
    re.IGNORECASE,
)


def split_year_end(first: int, second: int) -> int | None:
    """The year a split year ends in (`2023/24`, `2023-2024`: 2024), or None for two years that do not
    follow each other (a span, not one fiscal year)."""
    end = second if second > 100 else first - first % 100 + second
    return end if end == first + 1 else None


def fiscal_years(text: str) -> str:
    """A split fiscal year (`2023/24財政年度`, `FY2023/24年度`) as the year it ends in (`2024財政年度`), as
    `fiscal_year` counts it everywhere; two years that do not follow each other are a span, kept."""
    if "/" not in text and "-" not in text and "–" not in text and "／" not in text:
        return text

    def ended(match: re.Match[str]) -> str:
        end = split_year_end(int(match.group(1)), int(match.group(2)))
        return str(end) if end else match.group()

    return _SPLIT_FISCAL_YEAR.sub(ended, text)


def width(text: str) -> int:
    """Display width: a CJK or full-width character counts two, an ASCII one (from the UTF-8 length,
    cheaply). PDF text lines up columns and fills paragraphs by it."""
    return (len(text) + len(text.encode("utf-8"))) // 2


# Marks that open a bullet or a section title on web pages and infographics (`■ 範圍一`, `▌安全生產`)
BULLET_MARKS = "■□◆◇●○▪▶►★☆▌"
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def split_outside_brackets(separator: re.Pattern[str], text: str) -> list[str]:
    """`text` split at `separator` outside brackets: `溫室氣體排放總量（範圍一、二、三）` is one part."""
    if "(" not in text and "（" not in text:
        return separator.split(text)
    flat = _BRACKETED.sub(lambda match: "\0" * len(match.group()), text)
    cuts = [(match.start(), match.end()) for match in separator.finditer(flat)]
    starts, ends = [0, *(end for _, end in cuts)], [*(start for start, _ in cuts), len(text)]
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]
