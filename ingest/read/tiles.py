"""Key-figure tiles printed side by side and read line by line (OCR or PDF text of an infographic page):

    營業收入            <- the left tile's label
    研發投入            <- the right tile's label (a second label line may follow for each)
    86.42               <- the left value
    4.15                <- the right value
    億元                <- the left unit
    億元                <- the right unit
    2023年：80.51億元   <- each tile's prior year in small print, where printed
    2023年：3.87億元

A reader line by line would pair every value with the label above it, the right tile's; here each
column gets its own label, value, unit and prior year. Only blocks that hold every part for both
tiles are read; anything else is left to the key-figure reader (`read.statements`).
"""

from __future__ import annotations

import re

from ingest.map.units import is_unit_alone
from ingest.read.cell_values import split_label
from ingest.read.layout import Line
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.text import HAN, is_not_disclosed, is_number

_COLUMNS = 2
_MAX_LABEL_CHARS = 30
_HEADING_LINES = 6
_MAX_UNIT_CHARS = 12
_DIGIT = re.compile(r"\d")
_PRIOR = re.compile(r"^(20\d{2})\s*年(?:度)?\s*[:：]\s*([-\d,.]+|/|-|—|不適用|不适用)\s*(\S*)$")


def _is_label(text: str) -> bool:
    return (
        bool(HAN.search(text))
        and len(text) <= _MAX_LABEL_CHARS
        and not is_unit_alone(text)
        and not _PRIOR.match(text)
        and not text.endswith(("。", "，", "；"))
    )


_VALUE_FIRST_CHARS = frozenset("0123456789-−+/—–nN不無无")


def _is_unit_line(text: str) -> bool:
    """A tile's unit, known or not (`吨标准煤/吨产品`, `学时`, `分`): short, no digit, no sentence."""
    return 0 < len(text) <= _MAX_UNIT_CHARS and not _DIGIT.search(text) and not text.endswith(("。", "，", "："))


def _is_value(text: str) -> bool:
    return text[:1] in _VALUE_FIRST_CHARS and (is_number(text) or is_not_disclosed(text))


def _block_at(texts: list[str], start: int) -> tuple[int, int] | None:
    """(label lines per tile, lines of the block) of a tile pair starting at `start`, or None."""
    for label_rows in (1, 2):
        labels = texts[start : start + _COLUMNS * label_rows]
        values = texts[start + _COLUMNS * label_rows : start + _COLUMNS * (label_rows + 1)]
        units = texts[start + _COLUMNS * (label_rows + 1) : start + _COLUMNS * (label_rows + 2)]
        if (
            len(units) == _COLUMNS
            and all(_is_label(text) for text in labels)
            and all(_is_value(text) for text in values)
            and all(_is_unit_line(text) for text in units)
            and any(is_unit_alone(text) for text in units)
        ):
            size = _COLUMNS * (label_rows + 2)
            priors = texts[start + size : start + size + _COLUMNS]
            return label_rows, size + (_COLUMNS if len(priors) == _COLUMNS and all(map(_PRIOR.match, priors)) else 0)
    return None


def _is_bare_figure(text: str) -> bool:
    text = text.strip()
    return text[:1].isdigit() and len(text) <= _MAX_UNIT_CHARS and is_number(text)


def _values_then_labels(free: list[Line], fiscal_year: int, consumed: set[int]) -> list[KpiRow]:
    """A run of bare figures, one a line, then as many labels, one a line, each with its unit in brackets
    (`9` / `3` / `2` / `0` / `董事会成员（人）` / `独立董事（人）` / …: a slide's figures over their captions):
    the i-th figure is the i-th label's."""
    rows: list[KpiRow] = []
    bare = [_is_bare_figure(line.text) for line in free]
    index = 0
    while index < len(free):
        if not bare[index]:
            index += 1
            continue
        end = index
        while end < len(free) and bare[end] and free[end].number == free[index].number + end - index:
            end += 1
        count = end - index
        labels = free[end : end + count]
        run = count >= _COLUMNS and len(labels) == count and free[end - 1].number + 1 == labels[0].number
        if not run or not all(_is_label(line.text.strip()) and split_label(line.text.strip())[1] for line in labels):
            index = max(end, index + 1)
            continue
        for value, label_line in zip(free[index:end], labels, strict=True):
            label, unit = split_label(label_line.text.strip())
            row = build_row(
                layout=Layout.KEY_FIGURE,
                source_line=value.number,
                label_line=label_line.number,
                labels=[(label, label_line.text.strip())],
                section="",
                raw_value=value.text.strip(),
                unit=unit,
                fiscal_year=fiscal_year,
            )
            rows.append(row)
        consumed.update(line.number for line in free[index : end + count])
        index = end + count
    return rows


def parse_tiles(lines: list[Line], fiscal_year: int, consumed: set[int]) -> list[KpiRow]:
    """Rows of tile pairs among `lines` (those no table read), and of figures printed over their labels
    (`_values_then_labels`); adds the lines they take to `consumed`."""
    free = [line for line in lines if line.number not in consumed]
    texts = [line.text.strip() for line in free]
    # a block's values stand two or four lines after its first label: only those lines can start one
    starts = sorted({index - offset for index, text in enumerate(texts) if _is_value(text) for offset in (2, 4)})
    rows: list[KpiRow] = []
    taken_to = 0
    for index in starts:
        if index < taken_to or index < 0 or not _is_label(texts[index]):
            continue
        block = _block_at(texts, index)
        if block is None:
            continue
        heading = next(
            (
                texts[above]
                for above in range(index - 1, max(index - _HEADING_LINES, taken_to) - 1, -1)
                if len(texts[above]) <= _MAX_LABEL_CHARS and HAN.search(texts[above])
            ),
            "",
        )  # the tiles' section (`社會績效`)
        label_rows, size = block
        for column in range(_COLUMNS):
            label_lines = [free[index + row * _COLUMNS + column] for row in range(label_rows)]
            label = "".join(line.text.strip() for line in label_lines)
            value = free[index + _COLUMNS * label_rows + column]
            unit = texts[index + _COLUMNS * (label_rows + 1) + column]
            readings = [(value, value.text.strip(), unit, fiscal_year)]
            if size > _COLUMNS * (label_rows + 2):
                prior = free[index + _COLUMNS * (label_rows + 2) + column]
                match = _PRIOR.match(prior.text.strip())
                if match and is_number(match.group(2)) and int(match.group(1)) < fiscal_year:
                    readings.append((prior, match.group(2), match.group(3) or unit, int(match.group(1))))
            for line, raw, printed_unit, year in readings:
                if not is_number(raw):
                    continue
                rows.append(
                    build_row(
                        layout=Layout.KEY_FIGURE,
                        source_line=line.number,
                        label_line=label_lines[0].number,
                        labels=[(label, label)],
                        section=heading,
                        raw_value=raw,
                        unit=printed_unit,
                        fiscal_year=year,
                    )
                )
        consumed.update(line.number for line in free[index : index + size])
        taken_to = index + size
    return rows + _values_then_labels([line for line in free if line.number not in consumed], fiscal_year, consumed)
