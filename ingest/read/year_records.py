"""A metric as a record of lines, as a web page's accordion or a card copied as text prints it:

    溫室氣體排放量（範疇一）
    單位：公噸CO2e                     (the unit line may also follow the values, or be missing)
    2022 | 2023 | 2024                 (years apart by `|`, tabs or wide spaces; `2025目標`: a target)
    3,210.5 | 3,105.2 | 2,987.4

The label is the line above the years (above a unit line, if one stands between); each value is its
year's, in the unit of the record's unit line or the label's bracket. A line of years without a line
of as many values under it is no record (a chart's axis, a table's header: other readers').
"""

from __future__ import annotations

import re

from ingest.map.units import looks_like_unit
from ingest.read.cell_values import caption_unit, clean_label, split_label, unit_line, value_and_unit, value_of
from ingest.read.layout import Line
from ingest.read.periods import is_gender, is_total, year_of
from ingest.read.prose_tokens import SENTENCE_END
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Companies, Scope, caption_scope, note_scope, row_part
from ingest.read.text import HAN, is_not_disclosed
from ingest.read.year_series import year_series

_SEPARATOR = re.compile(r"\s*[|｜]\s*|\t+|\s{2,}")
_YEARISH = re.compile(r"(?:19|20)\d{2}|1[01]\d年|FY\d{2}", re.IGNORECASE)
_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:單位|单位|unit)\s*[:：][^（）()]*[）)]", re.IGNORECASE)
_MAX_LABEL_CHARS = 40
_MIN_YEARS = 2
_MAX_YEARS = 8


def parse_year_records(
    lines: list[Line], fiscal_year: int, consumed: set[int], companies: Companies | None
) -> list[KpiRow]:
    """Rows of the records among `lines`; adds their lines to `consumed`."""
    rows: list[KpiRow] = []
    for index in range(1, len(lines) - 1):
        years = _years(lines[index].text)
        if years is None:
            continue
        values = _cells(lines[index + 1].text)
        if len(values) != len(years) or not all(value_of(cell) or is_not_disclosed(cell) for cell in values):
            continue
        unit_above = _unit(lines[index - 1].text)
        at = index - 2 if unit_above is not None else index - 1
        label_line = lines[at] if at >= 0 else None
        if label_line is None or not _is_label(label_line.text):
            continue
        printed = label_line.text.strip()
        label, label_unit = split_label(clean_label(_UNIT_IN_BRACKETS.sub("", printed)))  # `外購電力（單位：萬千瓦時）`
        unit_below = _unit(lines[index + 2].text) if index + 2 < len(lines) else None
        unit = unit_above or unit_below or label_unit or caption_unit(printed)
        part = caption_scope(printed, companies)  # `越南平陽廠外購電力`: one site's
        for year, cell in zip(years, values, strict=True):
            raw = value_of(cell)
            if year is None or year > fiscal_year or raw is None:
                continue  # a target's column, a future year, not disclosed
            rows.append(
                build_row(
                    layout=Layout.TABLE,
                    source_line=lines[index + 1].number,
                    label_line=label_line.number,
                    labels=[(label, label)],
                    section=label,
                    raw_value=raw,
                    unit=unit,
                    fiscal_year=year,
                    table_header_line=lines[index].number,
                )
            )
            rows[-1].bound_by(part)
        used = [label_line, lines[index], lines[index + 1]]
        used += [lines[index - 1]] if unit_above is not None else []
        used += [lines[index + 2]] if unit_below is not None else []
        consumed.update(line.number for line in used)
    heading_unit = None  # `### 廢氣排放（千克）`: the unit of the records below it that print none
    outline: list[tuple[int, str]] = []  # (indent, label) of the records read so far, for a nested one's parent
    for line in lines:
        if line.text.lstrip().startswith("#"):
            heading_unit, outline = split_label(line.text.strip().lstrip("#").strip())[1], []
            continue
        indent = len(line.raw) - len(line.raw.lstrip())
        parent = next((label for level, label in reversed(outline) if level < indent), "")
        if line.number not in consumed and (read := _line_record(line, fiscal_year, companies, heading_unit, parent)):
            rows.extend(read)
            consumed.add(line.number)
            outline = [*(item for item in outline if item[0] < indent), (indent, read[0].section)]
    return rows


# A record on one line, its fields apart by `；` or `|` (a data platform's export): `指標名稱：綜合能源消耗量；單位：
# 噸標準煤；2024年：24,658.7；2023年：23,912.4`, `【員工總數】2024年度：9,846人；2023年度：9,512人`,
# `員工流失率 | 2024: 9.7 | 2023: — | 單位: %`
_FIELD = re.compile(r"\s*[；;|｜]\s*")
_KEY_VALUE = re.compile(r"^([^：:]{1,12})\s*[：:]\s*(.+)$")
_LABEL_KEY = re.compile(r"^(?:指[标標](?:名[称稱])?|[项項]目|kpi|indicator)$", re.IGNORECASE)
_UNIT_KEY = re.compile(r"^(?:[单單]位|unit)$", re.IGNORECASE)
_BRACKETED_LABEL = re.compile(r"^【([^】]{2,40})】\s*(.*)$")
_CLOSING_BRACKET = re.compile(r"[（(]([^（）()]{2,20})[）)]$")


# `範疇一排放量 公噸CO2e 2023 3,286.4 僅含台中廠`, `綜合能耗（噸標準煤） 2023 10,140.91 2024 9,698.08`: a metric, maybe
# its unit, then each year before its value (a web list's item printed as a line), maybe a note in words
_YEAR_VALUE = r"(?:19|20)\d{2}(?:年度?)?\s+[-+]?\d[\d,]*(?:\.\d+)?"
_YEAR_ITEM = re.compile(
    rf"^(?P<label>[^\s\d]\S*)\s+(?:(?P<unit>\S+)\s+)?(?P<pairs>(?:{_YEAR_VALUE}\s*)+?)(?:\s+(?P<note>[^\d\s].{{0,30}}))?$"
)
_PAIR = re.compile(r"((?:19|20)\d{2})(?:年度?)?\s+([-+]?\d[\d,]*(?:\.\d+)?)")
_A_YEAR = re.compile(r"(?:19|20)\d{2}")


def _year_item(line: Line, fiscal_year: int) -> list[KpiRow] | None:
    """The rows of a line naming a metric, maybe its unit, and years each before its value (a note in words
    after them may bound them)."""
    item = _YEAR_ITEM.match(line.text.strip())
    if item is None or not HAN.search(item["label"]) or (item["unit"] and not looks_like_unit(item["unit"])):
        return None
    pairs = [(int(year), value) for year, value in _PAIR.findall(item["pairs"])]
    if any(_A_YEAR.fullmatch(value) for _, value in pairs):
        return None  # `單位  2024  2023`: a table's header
    part = note_scope(item["note"]) if item["note"] else None
    return _record_rows(line, item["label"], [(year, value, item["unit"]) for year, value in pairs], part, fiscal_year)


def _line_record(
    line: Line, fiscal_year: int, companies: Companies | None, heading_unit: str | None = None, parent: str = ""
) -> list[KpiRow] | None:
    """The rows of a one-line record: a label (its own field, `指標名稱：…` or `【…】`), maybe a unit
    field, and a field for each year, or a series of years and figures (`read.year_series`); None if the
    line is no such record."""
    if "：" not in line.text and ":" not in line.text:
        return _year_item(line, fiscal_year)
    if (series := year_series(line.text)) is not None:
        label, slots = series
        read = [(year, *value_and_unit(printed)) for year, printed in slots if year is not None]
        part = caption_scope(label, companies) or row_part(label, companies)  # `有害廢棄物（僅限總辦事處）`
        values = [(year, raw, unit or heading_unit) for year, raw, unit in read if raw]
        return _record_rows(line, label, values, part, fiscal_year, parent)
    fields = _FIELD.split(line.text.strip())
    bracketed = _BRACKETED_LABEL.match(fields[0])
    if (len(fields) < _MIN_YEARS and not bracketed) or ("：" not in line.text and ":" not in line.text):
        return None
    label, unit, values = None, None, []
    if bracketed:  # `【男性員工】2024年度：6,013人`: one year is a record too
        label, fields[0] = bracketed.group(1), bracketed.group(2)
    for position, field in enumerate(filter(None, fields)):
        pair = _KEY_VALUE.match(field)
        if pair is None and position == 0 and label is None and HAN.search(field) and len(field) <= _MAX_LABEL_CHARS:
            label = field
        elif pair is not None and _LABEL_KEY.match(pair.group(1).strip()):
            label = pair.group(2)
        elif pair is not None and _UNIT_KEY.match(pair.group(1).strip()):
            unit = pair.group(2).strip()
        elif (
            pair is not None
            and _YEARISH.fullmatch(key := pair.group(1).strip().rstrip("年度"))
            and (year := year_of(key))
        ):
            values.append((year, pair.group(2).strip()))
        else:
            return None
    if not label or len(values) < 1:
        return None
    inner = _CLOSING_BRACKET.search(label)  # `【二氧化硫排放量（寧波基地）】`: one site's
    part = caption_scope(label, companies) or (note_scope(inner.group(1)) if inner else None)
    read = [(year, *value_and_unit(printed)) for year, printed in values]  # `9,846人`
    return _record_rows(
        line, label, [(year, raw, unit or suffix) for year, raw, suffix in read if raw], part, fiscal_year
    )


def _record_rows(
    line: Line,
    label: str,
    values: list[tuple[int, str, str | None]],
    part: Scope | None,
    fiscal_year: int,
    parent: str = "",
) -> list[KpiRow] | None:
    """The rows of a one-line record's (year, value, unit) items up to the report's year, in the unit the
    item or else the label's bracket gives, bounded where `part` says; a bare label nested under a record
    (`  - 男性：…` under `- 僱員總數：…`) reads as its gender's part of the parent (`男性僱員總數`), a total's
    (`整體`) as the parent."""
    bare, label_unit = split_label(clean_label(label))
    readings = [(bare, label)]
    if parent and (is_gender(bare) or is_total(bare)):  # (not `全職` under `僱員總數`: a part)
        readings += [(bare + parent, label) if is_gender(bare) else (parent, label)]
    rows = []
    for year, raw, unit in values:
        if year > fiscal_year:
            continue
        row = build_row(
            layout=Layout.KEY_FIGURE,
            source_line=line.number,
            label_line=line.number,
            labels=readings,
            section=bare,
            raw_value=raw,
            unit=unit or label_unit or ("%" if raw.endswith("%") else None),
            fiscal_year=year,
        )
        row.bound_by(part)
        rows.append(row)
    return rows or None


def _cells(text: str) -> list[str]:
    return [cell for cell in _SEPARATOR.split(text.strip()) if cell]


def _years(text: str) -> list[int | None] | None:
    """The year of each cell of a line of years (None for a target's: `2025目標`), or None if the line is
    not one: two to eight cells, each a year, at least two of them of the past."""
    if not _YEARISH.match(text.strip()):
        return None  # (most lines: cheap)
    cells = _cells(text)
    if not _MIN_YEARS <= len(cells) <= _MAX_YEARS:
        return None
    years = [year_of(cell) for cell in cells]
    if sum(year is not None for year in years) < _MIN_YEARS or any(
        year is None and not _YEARISH.search(cell) for year, cell in zip(years, cells, strict=True)
    ):
        return None
    return years


def _unit(text: str) -> str | None:
    return unit_line(text.strip())  # `單位：千度（MWh）`


def _is_label(text: str) -> bool:
    """A label line: words, short, no unit line, no figure, no sentence (`溫室氣體排放量（範疇一）`); not a
    Markdown heading (a heading per metric is the text tables' to read, in its section's scope)."""
    stripped = text.strip()
    return (
        bool(HAN.search(stripped))
        and not stripped.startswith("#")
        and len(stripped) <= _MAX_LABEL_CHARS
        and _unit(stripped) is None
        and value_of(stripped) is None
        and not SENTENCE_END.search(stripped)
    )
