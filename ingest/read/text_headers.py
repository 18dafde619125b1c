"""The header line of a table printed as text: which columns are periods, units, changes or notes.

`指標 單位 2023 年數據 2022 年數據`, `指标 单位 2024年`, `指標 單位（人） 比例（%）`, `指標 本年度 上年度`,
`指標 二零二四年 二零二三年 附註`: year and period grammar is here; the words of change, notes, unit
and header columns are the `label_vocabulary` seed's (roles `text_*`). So are the lines under a header
(a count and a rate under each year, units under measures) and the headers of one year's tables:
measures as columns (`僱員人數 僱員流失率`) and entities as columns (`項目 單位 金控合併 銀行 證券`), with
how each column reads a row's label and year (`read_by`, `row_period`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from ingest.map.lexicon import some_term_matches
from ingest.map.units import looks_like_unit
from ingest.map.vocabulary import alternation, role_pattern
from ingest.read.cell_values import caption_measures, caption_year, split_label
from ingest.read.memo import memo
from ingest.read.periods import RELATIVE_PERIOD, ROC_OFFSET, is_gender, is_total, running_back, years_back
from ingest.read.text import FISCAL_YEAR_WORD, HAN, fold, split_year_end, width

_YEAR_COLUMN = re.compile(
    rf"(?<![\d.])(?:FY\s*)?(20\d{{2}})\s*(?:{FISCAL_YEAR_WORD}|財政|财政)?年?度?\s*(?:全年)?\s*(?:數據|数据)?(?![\d.%])",
    re.IGNORECASE,
)
# `2030年目標`, `2030 Target`: a column of targets, read and skipped (its year is no data year).
_TARGET_COLUMN = re.compile(r"(?<![\d.])20\d{2}\s*年?度?\s*(?:目標|目标|target)值?", re.IGNORECASE)
# Taiwan's ROC years in a header (`113年` = 2024), made Gregorian before the columns are read.
_ROC_YEAR = re.compile(r"(?<![\d.,])(1[01]\d)(\s*年)")
# `2024/25`, `FY2023/24`: a split year as the year it ends in (padded: the header's positions are kept)
_SPLIT_YEAR = re.compile(r"(?<![\d/])(?:FY\s*)?(20\d{2})\s*[/／\-–]\s*(\d{2})(?![\d/%.])", re.IGNORECASE)


def _year_ended(match: re.Match[str]) -> str:
    end = split_year_end(int(match.group(1)), int(match.group(2)))
    return f"{end}".ljust(len(match.group())) if end else match.group()


_MAX_HEADER_CHARS = 120
_CLAUSE_MARK = re.compile(r"[，,。；;！!？?、]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


@cache
def _change_column() -> re.Pattern[str]:
    """A column of changes (`2023年 2022年 變化率`, `變動(%)`) holds no value of its own; it is read and
    skipped."""
    prefix, word = alternation("text_change_prefix"), alternation("text_change_word")
    suffix = alternation("text_change_suffix")
    per_cent = r"(?:\s*[（(]?\s*[%％]\s*[)）]?)?"  # the change as a per cent: `變動(%)`, `增長率（%）`, `變化 %`
    return re.compile(f"(?:{prefix})?(?:{word})(?:{suffix})?{per_cent}|{alternation('text_change_alone')}", re.I)


@cache
def _part_of_year_column() -> re.Pattern[str]:
    """`2024年上半年`, `2024 Q3`: a column of part of a year beside the year's own (`2024年全年`), read and
    skipped: no annual figure."""
    return re.compile(rf"(?<![\d.])20\d{{2}}\s*年?度?\s*(?:{alternation('part_of_year')}|H[12](?![\d]))", re.I)


@cache
def note_column() -> re.Pattern[str]:
    """The header of a notes column (`備註`, `數據說明`, `remarks`): the `text_note_column` words."""
    return re.compile(alternation("text_note_column"), re.I)


@cache
def _code_column() -> re.Pattern[str]:
    """The header of a column of GRI codes (`GRI`, `GRI準則`): no values, placed as a notes column is."""
    return re.compile(alternation("text_code_column"), re.I)


@cache
def _unit_column() -> re.Pattern[str]:
    """`數量（人）`, `比例（%）`: a column of values in the unit the bracket names."""
    return re.compile(rf"(?:{alternation('text_unit_column')})\s*[（(]\s*([^）)]{{1,12}})\s*[）)]")


@cache
def _header_words() -> re.Pattern[str]:
    """Everything a header line may hold besides its period and unit columns (folded)."""
    return re.compile(f"{alternation('text_header_word')}|[|:\\-/()]")  # `指標（單位）`


@cache
def _header_hint() -> re.Pattern[str]:
    return re.compile(f"20\\d{{2}}|1[01]\\d\\s*年|{alternation('text_header_hint')}", re.IGNORECASE)


# `廢棄物及包裝材料  單位  2024年  2023年`: the table's topic over its label column, then a unit column (folded)
_TOPIC_BEFORE_UNIT = re.compile(r"^[\u4e00-\u9fff]{2,10}(?=单位)")


@dataclass(frozen=True)
class Column:
    fiscal_year: int | None
    unit: str | None = None
    ignored: bool = False
    note: bool = False  # a notes column (`附註`): footnote numbers or nothing
    back: int = 0  # a period named relative to the report's: years before it (`上年度`: 1)
    target: bool = False  # `2030年目標`: a column of targets, often empty
    at: int = -1  # where the column's header starts in the header line
    measure: str = ""  # a sub-column under its year (`2023年` over `人數 比率`): what its values count
    measured: bool = False  # a column of one measure in a table of measures by breakdown (`僱員人數`)
    entity: bool = False  # a column of one entity (`金控合併 | 銀行 | 證券`): of the caption's year, or the row's
    gender: str | None = None  # a column of one gender (`女性`) or their total (``) in a table of genders


def parse_header(text: str) -> list[Column] | None:
    """Columns of a table header line, or None if the line is not a header."""
    too_long = len(text) > _MAX_HEADER_CHARS and len(" ".join(text.split())) > _MAX_HEADER_CHARS  # wide columns
    if too_long or not _header_hint().search(text):
        return None  # most lines: prose
    if _CLAUSE_MARK.search(text) and _CLAUSE_MARK.search(_BRACKETED.sub("", text)):
        return None  # a comma or full stop outside brackets: no column word removes it, so it is prose
    text = _ROC_YEAR.sub(lambda match: f"{int(match.group(1)) + ROC_OFFSET}{match.group(2)}", text)
    text = _SPLIT_YEAR.sub(_year_ended, text) if "/" in text or "-" in text else text
    targets = [match.start() for match in _TARGET_COLUMN.finditer(text)]
    text = _TARGET_COLUMN.sub(lambda match: " " * len(match.group()), text)  # positions kept
    parts = (
        [match.start() for match in _part_of_year_column().finditer(text)]
        if "年" in text or "q" in text.lower() or "H" in text
        else []
    )
    text = _part_of_year_column().sub(lambda match: " " * len(match.group()), text) if parts else text
    years = [int(y) for y in _YEAR_COLUMN.findall(text)]
    units = _unit_column().findall(text)
    rest = fold(note_column().sub(" ", _change_column().sub(" ", _unit_column().sub(" ", _YEAR_COLUMN.sub(" ", text)))))
    rest = _code_column().sub("", rest)
    periods = [] if years else list(RELATIVE_PERIOD.finditer(text))
    if periods:  # `指標 單位 本年實際 上年實際 同比增減(%)`
        rest = fold(RELATIVE_PERIOD.sub(" ", note_column().sub(" ", _change_column().sub(" ", text))))
    if _header_words().sub("", _TOPIC_BEFORE_UNIT.sub("", rest, count=1)):
        return None
    # A bare year (a cover page's "2023") is no header: it needs a column word or several 年 columns.
    several_years = len(years) >= 2 and max(text.count("年"), text.upper().count("FY")) >= len(years)
    # `2025 2024 2023` alone (a PDF page's header row): consecutive years, nothing else
    several_years = several_years or (len(years) >= 2 and _consecutive(years) and not rest)
    if not role_pattern("text_column_word").search(rest) and not several_years and not (periods and len(periods) >= 2):
        return None
    if periods:  # `指標 單位 本年度 上年度`
        backs = running_back([match.group() for match in periods], [years_back(match) for match in periods])
        positioned = [(match.start(), Column(None, back=back)) for match, back in zip(periods, backs, strict=True)]
    elif years and not units:
        if len(set(years)) != len(years) or any(not 1990 <= y <= 2100 for y in years):
            return None
        positioned = [(match.start(), Column(int(match.group(1)))) for match in _YEAR_COLUMN.finditer(text)]
    elif units and not years:
        return [Column(None, unit) for unit in units]
    elif not years and not units and role_pattern("text_single_value_column").search(rest) and "单位" in rest:
        return [Column(None)]  # `指標 單位 數量`: one column for the report's own year
    else:
        return None
    first = min(start for start, _ in positioned)
    positioned += [
        (m.start(), Column(None, ignored=True)) for m in _change_column().finditer(text) if m.start() > first
    ]
    positioned += [(m.start(), Column(None, ignored=True, note=True)) for m in note_column().finditer(text)]
    positioned += [(m.start(), Column(None, ignored=True, note=True)) for m in _code_column().finditer(text)]
    positioned += [(start, Column(None, ignored=True, target=True)) for start in targets if start > first]
    positioned += [(start, Column(None, ignored=True)) for start in parts]
    return [replace(column, at=start) for start, column in sorted(positioned, key=lambda item: item[0])]


def sub_columns(text: str, columns: list[Column]) -> list[Column] | None:
    """The columns with each period split into the sub-columns a line below the header names, one set
    per period (`項目 2023年 2024年` / `人數 比率 人數 比率`), or None if the line is no such row."""
    periods = [column for column in columns if not column.ignored]
    names = text.split()
    count = len(names) // len(periods) if periods else 0
    if count < _MIN_SUB_COLUMNS or count * len(periods) != len(names) or len(set(names)) != count:
        return None
    if any(names[i] != names[i % count] for i in range(len(names))) or any(ch.isdigit() for ch in text):
        return None
    split: list[Column] = []
    for column in columns:
        split += [replace(column, measure=name, at=-1) for name in names[:count]] if not column.ignored else [column]
    return split


_MIN_SUB_COLUMNS = 2


def _consecutive(years: list[int]) -> bool:
    return all(abs(later - earlier) == 1 for earlier, later in pairwise(years))


_COLUMN_GAP = re.compile(r"\s{2,}|\t")
_MAX_CHANGE_UNIT_CHARS = 4  # `百分點`, `%` over a change column
BRACKETED_UNIT = re.compile(r"^\s*[(（]([^()（）]{1,20})[)）]\s*$")  # `（公噸）`: a unit alone in brackets


def units_row(text: str, columns: list[Column]) -> str | None:
    """The unit of a line with the same unit under every column (`人民幣千元  人民幣千元`, `'000 kWh  '000 kWh`)."""
    cells = _COLUMN_GAP.split(text.strip())
    valued = sum(1 for column in columns if not column.ignored and not column.note)
    if len(cells) < valued:  # text of single spaces (`（公噸） （公噸）`): one cell per word
        cells = text.split()
    cells = [BRACKETED_UNIT.sub(r"\1", cell) for cell in cells]  # `（公噸）` -> `公噸`
    # (a change column may print its own: `%  %  百分點`)
    if not valued <= len(cells) <= len(columns) or len(set(cells[:valued])) != 1:
        return None
    extra_short = all(len(cell) <= _MAX_CHANGE_UNIT_CHARS for cell in cells[valued:])
    return cells[0] if looks_like_unit(cells[0]) and extra_short else None


@memo
def header_at(text: str, columns: int) -> list[tuple[int, int]] | None:
    """Where each column's header starts in a header line as printed (characters, display columns), if
    its columns read the same there: PDF text keeps a table's columns under their headers."""
    read = parse_header(text)
    if read is None or len(read) != columns:
        return None
    return [(column.at, width(text[: column.at])) for column in read]


def label_columns(header: str, columns: tuple[Column, ...]) -> int:
    """How many label columns a header names before its first period or unit column (`廢棄物類別 處理方式`:
    two; `排放類別 單位`, `指標 Indicator`: one, a unit column or an English gloss is none)."""
    first = min((column.at for column in columns if column.at >= 0), default=0)
    return sum(1 for word in header[:first].split() if not word.isascii() and not _UNIT_HEADER.fullmatch(word))


_UNIT_HEADER = re.compile(r"單位|单位|unit|units", re.IGNORECASE)


def index_names(text: str) -> int:
    """How many label columns a line of header words alone names (`类别 指标 单位`: two), as pandas prints a
    frame's index names on a line of their own under its columns (`2022 2023 2024`); 0 for any other line."""
    names = text.split()
    if len(names) < 2 or not all(_header_words().fullmatch(fold(name)) for name in names):
        return 0
    return sum(1 for name in names if not _UNIT_HEADER.fullmatch(name))


_MEASURE_WORDS = range(2, 5)
_MAX_MEASURE_HEADER_CHARS = 60
_FOOTNOTE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff）)])\d{1,2}$")  # `僱員流失率5`


def measure_header(text: str) -> list[Column] | None:
    """The columns of a header of measures instead of periods (HKEX B1 and B3 tables: `僱員人數  僱員流失率`,
    `受訓僱員百分比（%）  每名僱員平均受訓時數（小時）` over rows `按性別` / `男` / `女` / … / `總計`): each word a
    measure the lexicon knows, maybe its unit in brackets and a footnote's mark after it."""
    names = text.split()
    if len(names) not in _MEASURE_WORDS or len(text) > _MAX_MEASURE_HEADER_CHARS or _CLAUSE_MARK.search(text):
        return None
    columns = []
    for name in names:  # most lines fail at their first word: the lexicon is asked no more
        column = measure_column(name) if HAN.search(name) else None
        if column is None:
            return None
        columns.append(column)
    return columns


def measure_column(name: str) -> Column | None:
    """A header naming one measure the lexicon knows (`僱員流失率（%）`, `僱員流失率5`: a footnote's mark after
    it), as a column of that measure, or None."""
    bare, unit = split_label(_FOOTNOTE_AFTER.sub("", name.strip()))
    if not HAN.search(bare) or any(char.isdigit() for char in bare) or not some_term_matches(bare):
        return None
    return Column(None, unit, measure=bare, measured=True)


def measure_units(text: str, columns: list[Column]) -> list[Column] | None:
    """The measure columns with the units a line below their header gives, one each (`（人）  （%）`)."""
    cells = [BRACKETED_UNIT.sub(r"\1", cell) for cell in text.split()]
    if len(cells) != len(columns) or not all(looks_like_unit(cell) for cell in cells):
        return None
    return [replace(column, unit=column.unit or cell) for column, cell in zip(columns, cells, strict=True)]


def read_by(column: Column, label: str, labels: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """How a column reads its row's label: a measure's column (`read.measure_tables`) a total row as the
    measure and a gender row as the gender's (other rows are parts: None); a sub-column under a year
    after the label (`離職員工` under `比率`: `離職員工比率`); any other column as the row's labels."""
    if column.measured:
        if not (is_total(label) or is_gender(label)):
            return None
        return [(column.measure if is_total(label) else label + column.measure, label)]
    if column.gender is not None:  # `員工人數` under `女性`: `女性員工人數`; under `合計`: the row's own
        return [(column.gender + label, label)] if column.gender else labels
    return [(label + column.measure, label)] if column.measure else labels


_MAX_ENTITY_CHARS = 8


def entity_header(text: str) -> list[Column] | None:
    """The columns of a header of entities instead of periods (`項目 單位 金控合併 銀行 證券 人壽`, `年度 金控合併
    銀行 …` over rows `2022年 …`): after its label and unit words, short names of which one is the whole
    group's (the `consolidated_column` words); that column is the company's, the others are parts."""
    if _DIGIT.search(text):
        return None  # an entity's name holds no digit, nor does a label or unit word before them
    names = text.split()
    while names and _header_words().fullmatch(fold(names[0])):
        names = names[1:]
    if not _MIN_ENTITIES <= len(names) <= _MAX_ENTITIES or len(names) == len(text.split()):
        return None
    whole = [bool(role_pattern("consolidated_column").search(fold(name))) for name in names]
    if sum(whole) != 1 or any(len(name) > _MAX_ENTITY_CHARS or any(c.isdigit() for c in name) for name in names):
        return None
    return [Column(None, ignored=not kept, entity=True) for kept in whole]


_MIN_ENTITIES = 2
_MAX_ENTITIES = 8


def gender_header(text: str) -> list[Column] | None:
    """The columns of a header of genders instead of periods (`項目 單位 男性 女性 合計`, over rows of measures),
    each column of the caption's year: a gender's reads a row as that gender's, the total's as the row's own."""
    names = text.split()
    while names and _header_words().fullmatch(fold(names[0])):
        names = names[1:]
    if len(names) == len(text.split()) or sum(1 for name in names if is_gender(name)) < _MIN_ENTITIES:
        return None
    if not all(is_gender(name) or is_total(name) for name in names):
        return None
    return [Column(None, gender="" if is_total(name) else name) for name in names]


def other_header(text: str) -> list[Column] | None:
    """The columns of a header of measures, entities or genders instead of periods."""
    return measure_header(text) or entity_header(text) or gender_header(text)


_DIGIT = re.compile(r"\d")


_ROW_YEAR = re.compile(r"(20\d{2}|1[01]\d)\s*年度?")  # (Taiwan's `111年`: 2022)


def row_period(column: Column, label: str, caption: str, default_year: int | None) -> tuple[int | None, str | None]:
    """The year of a row's value under `column`, and what the row reads as where it names its year: a
    period column's own year; a measure's or an entity's column the caption's (`僱員人數（截至2024年12月31日）`);
    a row naming its year under an entity column (`111年 | 8,105` under `年度 | 金控合併`) that year, read as
    the caption's measure (`表6-1 員工人數（單位：人）`: `員工人數`)."""
    if column.entity and (named := _ROW_YEAR.fullmatch(label)):
        year = int(named.group(1))
        measure = next(iter(caption_measures(caption)), "")
        return year + ROC_OFFSET if year < ROC_OFFSET else year, measure or None
    if column.measured or column.entity or column.gender is not None:
        return caption_year(caption) or default_year, None
    return column.fiscal_year or (default_year - column.back if default_year else None), None
