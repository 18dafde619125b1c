"""Values listed one year per line under their label (a nested list in Markdown, or plain text):

    - 範圍一直接排放（噸二氧化碳當量）            溫室氣體排放總量（噸）
      - 2024年：3,482.6                           2024年：12,396.9
      - 2023年：3,715.2                           2023年：12,923.9
    - 範圍二能源間接排放（噸二氧化碳當量）
      - 按地點基準
        - 2024年：8,914.3

A year line holds a year, a colon or a space and a value (maybe its unit) and nothing else (a web page's
`<dt>` label over `<dd>` items `113年 3,518.6 公噸CO2e`). Its label is the
nearest line above it that is no year line: less indented where the list is indented. The lines above
that label, each less indented than the one below, are its parents (`按地點基準` under scope 2): the
label is read alone, then with each parent before it, as a table row under its categories is
(`read.tables`), never as the parent alone (`按市場基準` under scope 2 is no scope 2 figure). The
unit is the year line's own, else the one the label or a parent carries in brackets.
"""

from __future__ import annotations

import re

from ingest.map.units import is_unit_alone
from ingest.read.cell_values import clean_label, split_label, value_of
from ingest.read.layout import Line
from ingest.read.periods import YEAR_TOKEN, is_total, year_of
from ingest.read.prose_tokens import has_value, is_heading
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import caption_scope
from ingest.read.text import HAN

_YEAR_LINE = re.compile(
    rf"^\s*(?:[-*+•·]\s+)?(?P<year>{YEAR_TOKEN})(?:\s*[:：]\s*|\s+)"
    r"(?P<value>[-−]?[\d,]+(?:\.\d+)?%?)\s*(?P<unit>(?:[^\d\s:：，,。;；][^\s:：，,。;；]{0,15})?)\s*$"
)
_BULLET = re.compile(r"^\s*(?:[-*+•·]|\d{1,2}[.、)])\s+")
# an HKEX or GRI code a label cites in brackets (`（A1.2｜GRI 305-1）`): no part of the label or its unit
_CODE = r"(?:KPI\s*)?(?:[A-D]\d{1,2}(?:\.\d{1,2})?|GRI\s*\d{1,3}(?:-\d{1,2})?)"
_CODES = re.compile(rf"\s*[（(]\s*{_CODE}(?:\s*[｜|/、,，]\s*{_CODE})*\s*[）)]\s*$", re.IGNORECASE)
_BRACKET = re.compile(r"\s*[（(]([^（）()]{1,16})[）)]")
_MAX_LABEL_CHARS = 60
_YEAR_FIRST = re.compile(rf"\s*{YEAR_TOKEN}")
_MAX_PARENTS = 3
_MAX_GAP_LINES = 2  # blank source lines between a label and its first year line


def parse_year_lists(lines: list[Line], fiscal_year: int, consumed: set[int]) -> list[KpiRow]:
    """Rows of the year lines among `lines` (those no table read); adds the year lines it reads to `consumed`."""
    free = [line for line in lines if line.number not in consumed]
    rows: list[KpiRow] = []
    heading = lead_in = ""
    for index, line in enumerate(free):
        text = line.text.strip()
        if is_heading(text):
            heading, lead_in = text.lstrip("#").strip(), ""
            continue
        match = _YEAR_LINE.match(line.text)
        if match is None:
            lead_in = text if text.endswith(("：", ":")) and _label(line) is None else lead_in
            continue
        year = year_of(match.group("year"))
        raw = value_of(match.group("value"))
        labels = _labels(free, index)
        if year is None or raw is None or labels is None:
            continue  # no label above the list
        if year > fiscal_year:  # a target: read, and no figure of the report's years
            consumed.add(line.number)
            continue
        path, label_line = labels
        unit = match.group("unit") or next((unit for _, unit in path if unit), None)
        leaf = path[0][0]
        readings = [(leaf, leaf)] + [(parent + leaf, leaf) for parent, _ in path[1:]]
        if is_total(leaf):  # `整體` under `僱員流失率（%）`: the parent's total
            readings += [(parent, leaf) for parent, _ in path[1:]]
        row = build_row(
            layout=Layout.KEY_FIGURE,
            source_line=line.number,
            label_line=label_line,
            labels=readings,
            section=heading,
            raw_value=raw,
            unit=unit,
            fiscal_year=year,
            context=" / ".join((heading, *(label for label, _ in reversed(path)))),
        )
        # `#### 附屬公司數據：某某（東莞）食品有限公司`, `以下為東莞生產基地的單獨數據，僅供參考：`
        part = caption_scope(" / ".join(filter(None, (heading, lead_in))))
        row.bound_by(part)
        rows.append(row)
        consumed.add(line.number)
    return rows


def _indent(line: Line) -> int:
    return len(line.raw) - len(line.raw.lstrip())


def _labels(free: list[Line], index: int) -> tuple[list[tuple[str, str | None]], int] | None:
    """([(label, unit it carries)] from the year line's own label up through its parents, the label's
    line), or None if the line above the year lines is no label."""
    indent = _indent(free[index])
    above = index - 1
    while above >= 0 and _YEAR_LINE.match(free[above].text) and _indent(free[above]) == indent:
        above -= 1  # the earlier years of the same list
    if above < 0 or free[index].number - free[above].last_number > _MAX_GAP_LINES + (index - above):
        return None
    label = _label(free[above])
    if label is None or _indent(free[above]) > indent:
        return None
    path, level = [label], _indent(free[above])
    label_line = free[above].number
    for parent in range(above - 1, max(-1, above - 12), -1):
        if level == 0 or len(path) > _MAX_PARENTS:
            break
        if _indent(free[parent]) >= level:
            continue  # a sibling's lines
        read = _label(free[parent])
        if read is None:
            break
        path.append(read)
        level = _indent(free[parent])
    return path, label_line


def _label(line: Line) -> tuple[str, str | None] | None:
    """(label, the unit it carries in brackets) of a list line that labels values, or None."""
    text = clean_label(_BULLET.sub("", line.text.strip()).replace("*", ""))
    if (
        not HAN.search(text)
        or len(text) > _MAX_LABEL_CHARS
        or is_heading(line.text.strip())
        or text.endswith(("。", "；", ";"))
        or has_value(text)
        or _YEAR_FIRST.match(text)  # `2022年（基準年） 0.0561`: a row of a table of years, no label
    ):
        return None
    label, unit = split_label(_CODES.sub("", text))
    if unit is None:  # `直接能源消耗（兆瓦時）（天然氣、柴油及汽油）`: the unit in a bracket before another
        bracket = next((found for found in _BRACKET.finditer(label) if is_unit_alone(found.group(1))), None)
        if bracket:
            label, unit = (label[: bracket.start()] + label[bracket.end() :]).strip(), bracket.group(1)
    return label, unit
