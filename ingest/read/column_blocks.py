"""A table printed column by column (pdfminer writes each column of a table as a text box of its own):

    表1 温室气体排放        单位                2024年         2023年
    指标                    吨二氧化碳当量      9,874.12       10,356.47
    范围一温室气体排放量    吨二氧化碳当量      38,342.23      41,545.71
    范围二温室气体排放量
                                 (each column above is one block of lines, the blocks one after another)

A block is a run of lines without a blank between them, headed by its column's header: the labels
under a label header (`指标`, `項目`), the units under `单位`, the values of each year under the year.
The year blocks give the row count; the label block may hold more lines where a label is wrapped
(`温室气体排放总量（范围一+范围` / `二，基于位置）`: an open bracket joins the next line). Blocks that do not
pair up one to one give nothing. The caption above the labels bounds the table as a grid's would.
"""

from __future__ import annotations

import itertools
import re

from ingest.map.units import looks_like_unit
from ingest.read.cell_values import clean_label, split_label, value_of
from ingest.read.layout import Line
from ingest.read.periods import is_label_header, year_of
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.scope import Companies, caption_scope
from ingest.read.text import HAN, is_not_disclosed

_UNIT_HEADER = re.compile(r"^(?:单位|單位|unit)$", re.IGNORECASE)
_MAX_HEADER_CHARS = 12  # a column's header: `2024年`, `FY2024`, `2024/25`, `二零二四年度` (longer lines are prose)
_MIN_ROWS = 2


def parse_column_blocks(
    lines: list[Line], fiscal_year: int, consumed: set[int], companies: Companies | None
) -> list[KpiRow]:
    """Rows of the tables among `lines` printed column by column; adds their lines to `consumed`."""
    blocks = _blocks(lines)
    rows: list[KpiRow] = []
    for index, whole in enumerate(blocks):
        following = blocks[index + 1][0].text.strip() if index + 1 < len(blocks) else ""
        if not (_UNIT_HEADER.match(following) or _year_header(following)):
            continue  # the next block is no column of units or values (most blocks: prose)
        # the label block, maybe under its caption (`表1 温室气体排放` / `指标` / labels…)
        head = next((at for at in range(min(2, len(whole))) if is_label_header(whole[at].text.strip())), None)
        if head is None:
            continue
        block = whole[head:]
        units, years, used = None, [], [block]
        for after in itertools.islice(blocks, index + 1, None):
            header = after[0].text.strip()
            if _UNIT_HEADER.match(header) and units is None and not years:
                units, used = after[1:], [*used, after]
            elif _year_header(header) and _all_values(after[1:]):
                years, used = [*years, after], [*used, after]
            else:
                break
        count = len(years[0]) - 1 if years else 0
        labels = _labels(block[1:], count)
        if count < _MIN_ROWS or labels is None or any(len(year) - 1 != count for year in years):
            continue
        unit_texts = _units(units, count) if units is not None else None
        if units is not None and unit_texts is None:
            continue
        caption = whole[0].text.strip() if head else ""
        part = caption_scope(caption, companies) if caption else None
        for year_block in years:
            year = year_of(year_block[0].text.strip())
            if year is None or year > fiscal_year:
                continue
            for row_index, (label, label_line, label_unit) in enumerate(labels):
                raw = value_of(year_block[1 + row_index].text.strip())
                if raw is None:
                    continue
                row = build_row(
                    layout=Layout.TABLE,
                    source_line=year_block[1 + row_index].number,
                    label_line=label_line,
                    labels=[(label, label)],
                    section=caption,
                    raw_value=raw,
                    unit=unit_texts[row_index] if unit_texts else label_unit,
                    fiscal_year=year,
                    table_header_line=year_block[0].number,
                )
                row.bound_by(part)
                rows.append(row)
        consumed.update(line.number for lines_of in (whole, *used[1:]) for line in lines_of)
    return rows


def _year_header(text: str) -> bool:
    """A year column's header, as `read.periods` reads years (not `2030年目标`: a target's)."""
    return len(text) <= _MAX_HEADER_CHARS and year_of(text) is not None


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines on consecutive source lines (a blank line, or a line read before, ends a run)."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and line.number == blocks[-1][-1].number + 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _all_values(lines: list[Line]) -> bool:
    return bool(lines) and all(
        value_of(line.text.strip()) is not None or is_not_disclosed(line.text.strip()) for line in lines
    )


def _units(lines: list[Line], count: int) -> list[str] | None:
    """Each row's unit: a line that is no unit by itself continues the one above (`吨标准煤/万元营业` /
    `收入`); None unless that gives `count` units."""
    units: list[str] = []
    for line in lines:
        text = line.text.strip()
        if units and not looks_like_unit(text):
            units[-1] += text
        else:
            units.append(text)
    return units if len(units) == count and all(looks_like_unit(unit) for unit in units) else None


def _labels(lines: list[Line], count: int) -> list[tuple[str, int, str | None]] | None:
    """(label, its first line, the unit it carries) of each row: a line that leaves a bracket open is
    continued by the next; None unless that gives `count` labels."""
    labels: list[tuple[str, int, str | None]] = []
    pending, start = "", 0
    for line in lines:
        text = line.text.strip()
        if not HAN.search(text) or value_of(text) is not None:
            return None
        pending, start = (pending + text, start) if pending else (text, line.number)
        if pending.count("（") + pending.count("(") > pending.count("）") + pending.count(")"):
            continue
        label, unit = split_label(clean_label(pending))
        labels.append((label, start, unit))
        pending = ""
    return labels if len(labels) == count and not pending else None
