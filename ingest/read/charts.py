"""Bar charts as PDF text extraction prints them: a title with the unit, maybe a legend and an axis, a
line of years, then the data labels, one line per series (or one value per line):

    温室气体排放（单位：吨二氧化碳当量）           员工总数（单位：人）
    ■范围一 ■范围二（基于位置）                    2022年 2023年 2024年
    2022 2023 2024                                   1,726
    2,846.5 2,713.9 2,560.2                          1,803
    19,463.8 19,151.0 18,295.2                       1,852
    0   5,000   10,000   15,000

A converter that leaves a chart as an image keeps its title as the alt text (`read.markup` makes it a
caption: `圖 2022-2024年用水量（萬噸）`) and its data labels as lines: a bar per line with its year first
(`2022年 46,218`), or the values before the line of years (`12.8 12.1 11.6` / `2022 2023 2024`).

Each value is its series' (the legend's item, else the title's) for the year above it; a bar of a
later year or one marked as a target (`2030（目标）`) gives none. Only a title that states its unit
(`（单位：…）`) or a heading with its unit in brackets opens a chart: a line of years alone is also a
table's header or a timeline.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.read.cell_values import clean_label, split_label, value_of
from ingest.read.layout import Line
from ingest.read.periods import YEAR_TOKEN, year_of
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Companies, caption_scope
from ingest.read.text import HAN, is_not_disclosed

_TITLE = re.compile(
    r"^(?P<label>.*?[\u4e00-\u9fff）)])\s*[（(]\s*(?:单位|單位)\s*[:：]\s*(?P<unit>[^（）()]{1,20})[）)]\s*$"
)
_YEAR_TOKEN = re.compile(
    rf"^({YEAR_TOKEN})(?:末|底)?(?P<target>[（(](?:目标|目標|预测|預測|预计|預計|e)[)）])?$", re.IGNORECASE
)  # `2024年末`: a headcount's bar
_LEGEND_MARK = re.compile(r"^[■□●○▲△◆◇★☆▪▫•]+")
_MAX_LINES_TO_YEARS = 3  # title, legend, axis
_MIN_YEARS = 1  # a heading over `2024年` and its value is a chart of one bar
_YEARS_SPANNED = re.compile(r"^(?:20\d{2}\s*年?\s*[-–~～至到]\s*)?20\d{2}\s*年度?(?=[\u4e00-\u9fff])")
_FIGURE = re.compile(
    r"(?:图|圖|figure)\s*(?:\d{1,2}(?:[-.．]\d{1,2})*(?![\d年]))?\s*[:：]?\s*(?=\S)", re.IGNORECASE
)  # `图5 `, `圖 `, `Figure 3: `


def parse_charts(lines: list[Line], fiscal_year: int, consumed: set[int], companies: Companies | None) -> list[KpiRow]:
    """Rows of the charts among `lines`; adds the lines of the charts it reads to `consumed`."""
    rows: list[KpiRow] = []
    for index, line in enumerate(lines):
        title = _title(line.text)
        if title is None:
            continue
        chart = _chart_after(lines, index)
        if chart is None:
            continue
        series, years, values, taken = chart
        label, unit = title
        part = caption_scope(label, companies)
        for name, row_values in zip(series or [label], values, strict=True):
            labels = [(name, name)] if not series else [(name, name), (label + name, name)]
            for (year, target), (value_line, raw) in zip(years, row_values, strict=True):
                if target or year > fiscal_year or raw is None:
                    continue
                row = build_row(
                    layout=Layout.TABLE,
                    source_line=value_line,
                    label_line=line.number,
                    labels=labels,
                    section=label,
                    raw_value=raw,
                    unit=unit,
                    fiscal_year=year,
                )
                row.bound_by(part)
                rows.append(row)
        consumed.update(lines[number].number for number in taken)
    return rows


def _title(text: str) -> tuple[str, str] | None:
    """(label, unit) of a chart's title: a line that states its unit (`温室气体排放（单位：吨二氧化碳当量）`),
    or a heading or a figure's caption with its unit in brackets (`### A1.3 所產生有害廢棄物總量（噸）`,
    `图5 2022-2024年用水量（万吨）`, an image's alt text: `read.markup`)."""
    text = text.strip()
    title = _TITLE.match(text) if "位" in text else None
    if title is not None:
        return (title.group("label"), title.group("unit").strip()) if HAN.search(title.group("label")) else None
    caption = _FIGURE.match(text) if text[:1] in "图圖Ff" else None
    if not text.startswith("#") and caption is None:
        return None
    label, unit = split_label(clean_label(text[caption.end() :] if caption else text.lstrip("#")))
    label = _YEARS_SPANNED.sub("", label)  # `2022-2024年用水量`: the chart's years are its bars'
    return (label, unit) if unit and HAN.search(label) else None


def _chart_after(
    lines: list[Line], title: int
) -> tuple[list[str], list[tuple[int, bool]], list[list[tuple[int, str | None]]], list[int]] | None:
    """(series names, (year, is a target) per bar, values per series as (line, value), the chart's line
    indexes) of the chart whose title is line `title`, or None."""
    series: list[str] = []
    if (found := _years_after_values(lines, title + 1) or _year_value_lines(lines, title + 1)) is not None:
        years, values, end = found
        return series, years, [values], list(range(title, end))
    for at in range(title + 1, min(len(lines), title + 1 + _MAX_LINES_TO_YEARS)):
        tokens = lines[at].text.split()
        years = _years(tokens)
        if years is not None:
            values = _values(lines, at + 1, len(years), max(1, len(series)))
            if values is None:
                return None
            rows, end = values
            return series, years, rows, list(range(title, end))
        if _is_axis(tokens):
            continue
        names = [_LEGEND_MARK.sub("", token) for token in tokens]
        if series or len(names) < 2 or not all(HAN.search(name) and not value_of(name) for name in names):
            return None
        series = names
    return None


def _years_after_values(
    lines: list[Line], start: int
) -> tuple[list[tuple[int, bool]], list[tuple[int, str | None]], int] | None:
    """One series printed before its years: a line of values (`12.8 12.1 11.6`) or one value per line,
    then the line of years (`2022 2023 2024`); (years, (line, value) per year, index after), or None."""
    on_one = _value_tokens(lines[start].text.split()) if start < len(lines) else None
    if on_one is not None and len(on_one) > 1:
        values, at = [(lines[start].number, value) for value in on_one], start + 1
    else:
        values, at = [], start
        while at < len(lines) and (read := _value_tokens(lines[at].text.split())) is not None and len(read) == 1:
            values, at = [*values, (lines[at].number, read[0])], at + 1
    years = _years(lines[at].text.split()) if at < len(lines) and len(values) > 1 else None
    return (years, values, at + 1) if years is not None and len(years) == len(values) else None


def _year_value_lines(
    lines: list[Line], start: int
) -> tuple[list[tuple[int, bool]], list[tuple[int, str | None]], int] | None:
    """One series printed a bar per line, its year first (`2022年 46,218`)."""
    years: list[tuple[int, bool]] = []
    values: list[tuple[int, str | None]] = []
    at = start
    while at < len(lines) and len(tokens := lines[at].text.split()) == 2:
        year, read = _years(tokens[:1]), _value_tokens(tokens[1:])
        if year is None or read is None:
            break
        years, values, at = [*years, year[0]], [*values, (lines[at].number, read[0])], at + 1
    return (years, values, at) if len(years) > 1 else None


def _years(tokens: list[str]) -> list[tuple[int, bool]] | None:
    """(year, whether a target's bar) of each token of a years line, or None if it is no years line."""
    found: list[tuple[int, bool]] = []
    for token in tokens:
        match = _YEAR_TOKEN.match(token)
        year = year_of(match.group(1)) if match else None
        if match is None or year is None:
            return None
        found.append((year, bool(match.group("target"))))
    return found if len(found) >= _MIN_YEARS else None


def _is_axis(tokens: list[str]) -> bool:
    """`0   5,000   10,000   15,000`: an axis's ticks, from zero up."""
    numbers = [value_of(token) for token in tokens]
    if len(tokens) < 3 or not all(numbers) or numbers[0] != "0":
        return False
    parsed = [float((number or "").replace(",", "").rstrip("%")) for number in numbers]
    return all(a < b for a, b in pairwise(parsed))


def _values(
    lines: list[Line], start: int, count: int, series: int
) -> tuple[list[list[tuple[int, str | None]]], int] | None:
    """The values of each series after the years line (one line of `count` values per series, or one
    value per line for a single series), and the index after them; None if they are not there."""
    rows: list[list[tuple[int, str | None]]] = []
    at = start
    for _ in range(series):
        read = _value_tokens(lines[at].text.split()) if at < len(lines) else None
        if read is None or len(read) != count:
            break
        rows.append([(lines[at].number, value) for value in read])
        at += 1
    if len(rows) == series:
        return rows, at
    if series > 1:
        return None
    singles = [_value_tokens(lines[at].text.split()) for at in range(start, min(len(lines), start + count))]
    if len(singles) != count or any(read is None or len(read) != 1 for read in singles):
        return None
    return [[(lines[start + offset].number, read[0]) for offset, read in enumerate(singles) if read]], start + count


def _value_tokens(tokens: list[str]) -> list[str | None] | None:
    """Each token's value (None: not disclosed), or None unless every token is a value."""
    read: list[str | None] = []
    for token in tokens:
        if is_not_disclosed(token):
            read.append(None)
            continue
        value = value_of(token)
        if value is None:
            return None
        read.append(value)
    return read or None
