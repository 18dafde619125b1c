"""Transposed tables: rows whose tab-separated cells each hold a `label value [unit]` pair.

    按职级划分        按性别划分          按年龄划分
    高级管理者 27     女性员工 1,947      30岁及以下 3,408

The header row above names each column's dimension, which becomes the cell's context: `女性员工`
under `按性别划分` is a headcount by gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.map.units import is_unit_alone
from ingest.read.layout import Line
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.text import FISCAL_YEAR_WORD, HAN, is_number

_PAIR = re.compile(
    r"^(?P<label>.*?[\u4e00-\u9fff)）a-zA-Z][^\t]*?)\s*"
    r"(?P<value>[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?)\s*(?P<unit>[^\d\s]{0,24})$"
)
_YEAR = re.compile(rf"(20\d{{2}})\s*(?:年|{FISCAL_YEAR_WORD})")
_HEADER_GAP_LINES = 4


@dataclass(frozen=True)
class Pair:
    column: int
    label: str
    value: str
    unit: str | None


def cell_pairs(line: Line) -> list[Pair] | None:
    """The `label value` pairs of a line, or None unless it has two or more and nothing else."""
    pairs: list[Pair] = []
    for column, cell in enumerate(line.text.split("\t")):
        cell = cell.strip()
        if not cell:
            continue
        match = _PAIR.match(cell)
        if not match or not HAN.search(match.group("label")):
            return None
        unit = match.group("unit") or None
        if unit and not is_unit_alone(unit):
            return None
        if match.group("value").endswith("%"):
            unit = "%"
        pairs.append(Pair(column, match.group("label").strip(), match.group("value"), unit))
    return pairs if len(pairs) >= 2 else None


def is_cells_line(line: Line) -> bool:
    return "\t" in line.text and cell_pairs(line) is not None


def parse_cells(lines: list[Line], default_year: int, consumed: set[int]) -> list[KpiRow]:
    rows: list[KpiRow] = []
    heading = ""
    headers: list[str] = []
    headers_line = last_row_line = 0
    for line in lines:
        if line.number in consumed:
            continue
        if "\t" not in line.text:  # one cell: no pairs and no header row, maybe a heading
            if len(line.text.strip()) <= 40:
                heading = line.text.strip().lstrip("#").strip()
            continue
        pairs = cell_pairs(line)
        if pairs is None:
            cells = line.text.split("\t")
            if len([cell for cell in cells if cell.strip()]) >= 2 and not any(is_number(c.strip()) for c in cells):
                headers, headers_line = [cell.strip() for cell in cells], line.number
            continue
        consumed.add(line.number)
        if line.number - max(headers_line, last_row_line) > _HEADER_GAP_LINES:
            headers = []
        last_row_line = line.number
        year_match = _YEAR.search(heading)
        year = int(year_match.group(1)) if year_match and int(year_match.group(1)) <= default_year else default_year
        for pair in pairs:
            column_header = headers[pair.column] if pair.column < len(headers) else ""
            rows.append(
                build_row(
                    layout=Layout.CELLS,
                    source_line=line.number,
                    label_line=line.number,
                    labels=[(pair.label, pair.label)],
                    section=" / ".join(part for part in (heading, column_header) if part),
                    raw_value=pair.value,
                    unit=pair.unit,
                    fiscal_year=year,
                    table_header_line=headers_line or None,
                )
            )
    return rows
