"""A row of a text table: its label and unit tokens and one value per column.

The values are the trailing tokens (numbers, not-disclosed markers; a change column also takes
`-1.6个百分点`, a notes column a footnote mark); a notes or targets column may be empty, and where a row
could be read several ways the columns its values stand under decide. `read.text_tables` reads the
rows of a table in order.
"""

from __future__ import annotations

import math
import re
from itertools import combinations

from ingest.map.units import looks_like_unit
from ingest.read.cell_values import clean_label, split_label
from ingest.read.text import HAN, is_not_disclosed, is_number, parse_number, width
from ingest.read.text_headers import Column

# `3`, `3,4`, `a`, `*`, a financial statement's note number `5.1`, `6(b)`; not a unit gloss (`kg`)
_NOTE_MARK = re.compile(r"\d[\d,，]{0,4}|\d{1,2}(?:\.\d{1,2})?(?:\([a-z]\))?|[a-zA-Z]|[*#]{1,3}")
# `-1.6`, `+3.0%`, `(6.3)`, `(3.7%)` (a decrease in brackets, as financial statements print one), `N/M`
_CHANGE_VALUE = re.compile(r"[-−+]?\d[\d,.]*\s*(?:%|个百分点|個百分點|pp|倍)?|\(\d[\d,.]*%?\)%?|N/M", re.IGNORECASE)
_THOUSANDS_HEAD = re.compile(r"\d{1,3}")
_THOUSANDS_TAIL = re.compile(r"\d{3}(?:\.\d+)?")
_DECIMALS = re.compile(r"\.\d+")  # a number's decimals cut off by a space
_MIN_VALUES_FIRST = 2
_MARK_AFTER_VALUE = re.compile(r"[註注]\d{1,2}|\*{1,3}|#")
_MARK_FIRST_CHARS = frozenset("註注*#")
_GLUED_MARK = re.compile(
    r"^([-−+]?\d[\d,]*(?:\.\d+)?%?)(?:[註注]\d{1,2}|\*{1,3}|※\d{0,2}|[#†‡]|[(（\[［]\d{1,2}[)）\]］]|[①-⑳])$"
)  # `18,237.64註1`, `11.4*`, `46,033.9(2)`, `8,215[1]`, `2,468①`


def _without_glued_mark(token: str) -> str:
    match = _GLUED_MARK.match(token) if token[-1:] in _GLUED_LAST_CHARS else None
    return match.group(1) if match else token


_GLUED_LAST_CHARS = frozenset("0123456789*※#†‡)）]］①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_SENTENCE = re.compile(r"[。；！？]")


def split_values(
    tokens: list[str], max_values: int, columns: list[Column] | None = None
) -> tuple[list[str], list[str]]:
    """Trailing value tokens (numbers or not-disclosed markers), at most `max_values`. With `columns`,
    a change column also takes `-1.6个百分点` and a notes column a footnote number (`2`, `3,4`)."""
    values: list[str] = []
    index = len(tokens)
    while index > 0 and len(values) < max_values:
        token = tokens[index - 1]
        column = columns[len(columns) - 1 - len(values)] if columns else None
        fits = is_number(token) or is_not_disclosed(token)
        if column is not None and column.note:
            fits = bool(_NOTE_MARK.fullmatch(token))
        elif column is not None and column.ignored and not column.target:
            fits = fits or bool(_CHANGE_VALUE.fullmatch(token))
        if not fits:
            break
        values.insert(0, token)
        index -= 1
    return tokens[:index], values


def row_values(
    tokens: list[str], columns: list[Column], placed: tuple[str, list[tuple[int, int]]] | None = None
) -> tuple[list[str], list[str]]:
    """`_row_values` of the row, its numbers split at a thousands space joined (`8 412.6`, as OCR and
    some PDF fonts print them); a row that still has a number left over before its values is read
    no way (`0.0356 0.03 9`: one value garbled into two tokens would shift every column)."""
    if any(token[:1] in _MARK_FIRST_CHARS for token in tokens):  # `19,660.12 註2`: a note's mark after a
        tokens = [  # figure is no column of its own
            token
            for i, token in enumerate(tokens)
            if not (i and _MARK_AFTER_VALUE.fullmatch(token) and is_number(tokens[i - 1]))
        ]
    tokens = [_without_glued_mark(token) for token in tokens]  # `18,237.64註1`, `11.4*`: the figure
    if note := _note_text(tokens, columns):
        text_tokens, values = row_values(tokens[: -len(note)], columns[:-1], placed and (placed[0], placed[1][:-1]))
        return text_tokens, [*values, " ".join(note)] if len(values) == len(columns) - 1 else values
    tokens = _values_last(_joined_thousands(tokens, len(columns)), len(columns))
    text_tokens, values = _row_values(tokens, columns, placed)
    if values and text_tokens and is_number(text_tokens[-1]) and not any(column.note for column in columns):
        if len(text_tokens) > 1 and _MARK_AFTER_LABEL.fullmatch(text_tokens[-1]) and _closes_label(text_tokens[-2]):
            return text_tokens[:-1], values  # `能源消耗總量（兆瓦時） 2  9,452,019.2 …`: a footnote's mark
        return tokens, []
    return text_tokens, values


_MARK_AFTER_LABEL = re.compile(r"\d{1,2}")


def _note_text(tokens: list[str], columns: list[Column]) -> list[str]:
    """The words in a last notes column after a row's figures (`公噸CO2e 92,091.73 98,374.42
    電力排放係數依能源署公告`, `… 0 0 僅含台灣廠區`): text of no figure, after a figure."""
    if not columns or not columns[-1].note or len(columns) < _MIN_NOTED_COLUMNS:
        return []
    end = len(tokens)
    while end > 0 and not (is_number(tokens[end - 1]) or is_not_disclosed(tokens[end - 1])):
        end -= 1
    note = tokens[end:]
    if end == 0 or not note or not HAN.search(note[0]) or _NOTE_MARK.fullmatch(note[0]):
        return []
    return note


_MIN_NOTED_COLUMNS = 2  # a period and the notes


def _closes_label(token: str) -> bool:
    """A token that ends a Chinese label (a character or a closing bracket), after which a one- or
    two-digit number apart from the row's values is a footnote's mark."""
    return token[-1:] in "）)" or HAN.fullmatch(token[-1:]) is not None


def _values_last(tokens: list[str], count: int) -> list[str]:
    """A row printed values first (`48,265.3 45,907.8 44,120.6 范围一温室气体排放量（吨二氧化碳当量）`, as a
    PDF that draws its figures before their labels comes out of `pdftotext -raw`) as label, then values:
    one value per column first, then text that ends in no value."""
    if not tokens or not (tokens[0][:1].isdigit() or is_not_disclosed(tokens[0])):
        return tokens
    values = tokens[:count]
    rest = tokens[count:]
    if count < _MIN_VALUES_FIRST or not rest or not HAN.search(rest[0]) or _SENTENCE.search(rest[-1]):
        return tokens  # (one number before a text is an outline number or a year: `5.3 能源管理`, `2024 年…`)
    if any(_YEAR.fullmatch(token) or not (is_number(token) or is_not_disclosed(token)) for token in values):
        return tokens
    return tokens if is_number(rest[-1]) or is_not_disclosed(rest[-1]) else rest + values


def _joined_thousands(tokens: list[str], count: int) -> list[str]:
    """Tokens with `8` `412.6` joined as `8412.6` (and `1` `863` `452` as `1863452`) where the numbers at
    the row's end outnumber its columns and joining the groups leaves exactly one number per column.
    Where several joinings fit (`428 615 411 902 398 250`: three columns; `1 528 640 986 310`: two), the
    one whose numbers span the fewest orders of magnitude: one row's figures for its years are alike."""
    end = len(tokens)
    start = end
    while start > 0 and (
        is_number(tokens[start - 1]) or is_not_disclosed(tokens[start - 1]) or _DECIMALS.fullmatch(tokens[start - 1])
    ):
        start -= 1
    run = tokens[start:end]
    if len(run) <= count or len(run) > _MAX_JOINED_RUN:
        return tokens
    joinings = [_joined(run, sizes) for sizes in _groupings(tuple(run), count)]
    best = min(joinings, key=_spread, default=None)
    return tokens if best is None else tokens[:start] + best


_MAX_JOINED_RUN = 16  # tokens: a longer run of numbers is no table row


def _groupings(run: tuple[str, ...], count: int) -> list[tuple[int, ...]]:
    """Every way to cut `run` into `count` numbers of a head (`1`-`999`) and whole groups of three
    digits, a decimal only in the last group: each as the number of tokens of each number."""
    if count == 0:
        return [()] if not run else []
    if len(run) < count:
        return []
    found = []
    for size in range(1, len(run) - count + 2):
        head, tails = run[0], run[1:size]
        whole = (size == 1 and not _DECIMALS.fullmatch(head)) or (
            _THOUSANDS_HEAD.fullmatch(head) is not None
            and all(_THOUSANDS_TAIL.fullmatch(tail) for tail in tails)
            and all("." not in tail for tail in tails[:-1])
        )
        # `3,599 .1`: OCR's space before a decimal point
        whole = whole or (size == 2 and is_number(head) and "." not in head and _DECIMALS.fullmatch(tails[0]))
        if not whole:
            break  # a longer number from here is no number either
        found.extend((size, *rest) for rest in _groupings(run[size:], count - 1))
    return found


def _joined(run: list[str], sizes: tuple[int, ...]) -> list[str]:
    joined, at = [], 0
    for size in sizes:
        joined.append("".join(run[at : at + size]))
        at += size
    return joined


def _spread(numbers: list[str]) -> float:
    """How many orders of magnitude the numbers span (`1528640 986310`: 0.2; `1528 640986310`: 5.6)."""
    magnitudes = [math.log10(max(parse_number(number), 1)) for number in numbers if is_number(number)]
    return max(magnitudes) - min(magnitudes) if magnitudes else 0.0


def _row_values(
    tokens: list[str], columns: list[Column], placed: tuple[str, list[tuple[int, int]]] | None = None
) -> tuple[list[str], list[str]]:
    """The row's label tokens and one value per column; a notes or a targets column may be left empty
    (`-` stands for it): the fewest such columns left out that make the row's values fit. Where several
    fit (`1 1,846.3 1,972.8`: a note and two years, or two years and a target), `placed` (the row's
    text and where each column's header starts) picks the one whose values stand under their headers."""
    optional = [index for index, column in enumerate(columns) if column.note or column.target]
    for size in range(len(optional) + 1):
        readings = []
        for left_out in combinations(optional, size):
            kept = [column for index, column in enumerate(columns) if index not in left_out]
            text_tokens, values = split_values(tokens, len(kept), kept)
            if len(values) == len(kept):
                read = iter(values)
                readings.append(
                    (text_tokens, ["-" if index in left_out else next(read) for index in range(len(columns))])
                )
        if len(readings) > 1 and placed is not None:
            return min(readings, key=lambda reading: _misplacement(reading[1], *placed))
        if readings:
            return readings[0]
    return split_values(tokens, len(columns), columns)


def _misplacement(values: list[str], text: str, header_at: list[tuple[int, int]]) -> int:
    """How far a row's values stand from the headers of the columns they are read into. Counted in
    characters and in display columns (a CJK character is two wide), the smaller: PDF text aligns by
    one or the other, depending on the tool that wrote it."""
    by_chars = by_width = 0
    end = len(text)
    for value, (chars, columns) in reversed(list(zip(values, header_at, strict=True))):
        if value == "-":
            continue
        start = text.rfind(value, 0, end)
        if start < 0:
            return 10**6
        by_chars += abs(start - chars)
        by_width += abs(width(text[:start]) - columns)
        end = start
    return min(by_chars, by_width)


def unit_with_gloss(tokens: list[str]) -> str | None:
    """The unit of tokens that are a unit and maybe its English gloss (`噸 tonnes`, `千克 kg`), or None."""
    han = [index for index, token in enumerate(tokens) if HAN.search(token)]
    if len(han) == 1 and all(token.isascii() or not HAN.search(token) for token in tokens[han[0] + 1 :]):
        return tokens[han[0]] if looks_like_unit(tokens[han[0]]) and han[0] == 0 else None
    return None


def split_label_unit(tokens: list[str]) -> tuple[str, str | None]:
    """`label unit` text -> (label, unit); units may span tokens (`噸二氧化碳當量 /人`) or carry an
    English gloss (`員工總數 Total employees 人 persons`)."""
    for split in range(len(tokens) - 1, 0, -1):  # a Chinese unit followed by its gloss
        if HAN.search(tokens[split]) and not tokens[split].isascii():
            unit = unit_with_gloss(tokens[split:])
            if unit and split < len(tokens) - 1:
                return " ".join(tokens[:split]), unit
            break
    for count in (3, 2, 1):
        if len(tokens) <= count:
            continue
        candidate = " ".join(tokens[-count:])
        if (count == 1 or candidate.split()[-1].startswith("/") or "/" in candidate) and looks_like_unit(candidate):
            return " ".join(tokens[:-count]), candidate
    return " ".join(tokens), None


def label_and_unit(tokens: list[str]) -> tuple[str, str | None, bool]:
    """A row's label tokens as (label, unit, whether the unit stood in the label): a unit after the label
    (`員工總數 人`), else one in it (`離職率（%）`, `員工平均訓練時數（小時/人）`)."""
    label, unit = split_label_unit(tokens)
    in_label = False
    if unit is None:
        label, unit = split_label(label)
        in_label = unit is not None
    return clean_label(label), unit, in_label


# `有害事業廢棄物 焚化`, `雇佣 员工总数`; not `A1.1 氮氧化物`, `氮氧化物（NOx ）`, `女性 Female`
_CATEGORY = re.compile(r"([\u4e00-\u9fff]{2,}) ([\u4e00-\u9fff]+)$")


def category_and_item(label: str) -> tuple[str, str] | None:
    """(category, item) of a row label under a header of a category column and a label column."""
    match = _CATEGORY.match(label)
    return (match.group(1), match.group(2)) if match else None


def open_brackets(text: str) -> int:
    """How many brackets the text leaves open (a label wrapped inside its bracket: `溫室氣體排放（範圍一`)."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")
