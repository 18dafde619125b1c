"""Tables whose columns are genders instead of periods: one year's headcount split by gender.

    #### 二零二四年僱員人數（按性別及僱傭類型劃分）
    | 僱傭類型 | 男性 | 女性 | 合計 |
    | 全職     | 812  | 604  | 1,416 |
    | 總計     | 847  | 665  | 1,512 |

Only the total row is the whole company's (`全職` is one kind of employee). Its cells are read with
the measure the caption names, the gender column's word before it (`女性` + `僱員人數`) and the total
column's alone, so the lexicon decides what the table counts: `新入職僱員人數` by gender is no
headcount and maps to nothing. The year is the one the caption names, else the report's; the unit is
the caption's (`（人）`) or the one its measure implies (`人數`, `佔比`). A table of measures by gender
with a total column and no total row (`平均培訓時數（小時/人） | 23.5 | 22.1 | 25.0` under `| 全體僱員 |
男性 | 女性`) gives each row's total cell, in the unit its label carries. The words are the
`label_vocabulary` seed's (roles male_column, female_column, total_column, persons_column, share_column).
"""

from __future__ import annotations

from ingest.map.units import looks_like_unit
from ingest.map.vocabulary import role_pattern
from ingest.read.cell_values import NAMED_YEAR, caption_measures, caption_unit, value_of
from ingest.read.grid import Grid
from ingest.read.periods import implied_unit, is_total
from ingest.read.prose_tokens import unit_in_label
from ingest.read.rows import KpiRow, Layout, build_row
from ingest.read.text import arabic_dates, fold
from ingest.read.text_headers import BRACKETED_UNIT

_HEADER_SEARCH_ROWS = 3
_TOTAL_WORD = "总数"


def gender_rows(grid: Grid, caption: str, fiscal_year: int | None) -> list[KpiRow] | None:
    """The rows of the total row of a gender-column table, or None if `grid` is no such table."""
    found = _header(grid)
    if found is None or fiscal_year is None:
        return None
    header_row, columns = found
    # the year the caption or the corner cell names (`培訓指標（2024財政年度）`), else the report's
    named = [int(year) for year in NAMED_YEAR.findall(fold(arabic_dates(f"{caption} {grid.texts(header_row)[0]}")))]
    if any(year > fiscal_year for year in named):
        return None  # a target year's split
    year = named[-1] if named else fiscal_year
    measures = caption_measures(caption)
    unit = next((found for part in caption.split(" / ") if (found := _unit(fold(part)))), None) or _units_row(
        grid, header_row, columns
    )
    total = next((r for r in range(len(grid.rows) - 1, header_row, -1) if is_total(grid.texts(r)[0])), None)
    if total is None and "" in columns.values():
        return _total_column_rows(grid, header_row, columns, caption, year)
    if unit is None or total is None or not measures:
        return None
    rows = []
    cells = grid.texts(total)
    for column, gender in columns.items():
        value = value_of(cells[column]) if column < len(cells) else None
        if value is None:
            continue
        printed = f"{cells[0]} {grid.texts(header_row)[column]}"
        labels = [(gender + measure, printed) for measure in measures]
        if not gender:  # the total of `員工` by gender and age: the number of employees
            labels += [(measure + _TOTAL_WORD, printed) for measure in measures]
        rows.append(_cell_row(grid, (total, column), header_row, labels, caption, value, unit, year))
    return rows


def _total_column_rows(grid: Grid, header_row: int, columns: dict[int, str], caption: str, year: int) -> list[KpiRow]:
    """A table of measures by gender with a total column and no total row (`培訓指標（2024財政年度） | 全體僱員 |
    男性 | 女性`, `平均培訓時數（小時/人） | 23.5 | 22.1 | 25.0`): each row's total cell, in the unit its label
    carries."""
    column = next(column for column, gender in columns.items() if not gender)
    rows = []
    for row in range(header_row + 1, len(grid.rows)):
        cells = grid.texts(row)
        unit = _unit(fold(cells[0])) if cells[0] else None
        value = value_of(cells[column]) if unit and column < len(cells) else None
        if value is not None:
            labels = [(cells[0], f"{cells[0]} {grid.texts(header_row)[column]}")]
            rows.append(_cell_row(grid, (row, column), header_row, labels, caption, value, unit, year))
    return rows


def _cell_row(
    grid: Grid,
    cell: tuple[int, int],
    header_row: int,
    labels: list[tuple[str, str]],
    caption: str,
    value: str,
    unit: str | None,
    year: int,
) -> KpiRow:
    row, column = cell
    return build_row(
        layout=Layout.TABLE,
        source_line=grid.line_of(row, column),
        label_line=grid.line_of(row, 0),
        labels=labels,
        section=caption,
        raw_value=value,
        unit=unit,
        fiscal_year=year,
        table_header_line=grid.lines[header_row],
    )


def _header(grid: Grid) -> tuple[int, dict[int, str]] | None:
    """(the header row, the gender word of each value column: `男性`, `女性`, `` for the total)."""
    for row in range(min(_HEADER_SEARCH_ROWS, len(grid.rows))):
        columns: dict[int, str] = {}
        for column, text in enumerate(grid.texts(row)[1:], start=1):
            word = fold(text)
            if role_pattern("male_column").fullmatch(word):
                columns[column] = "男性"
            elif role_pattern("female_column").fullmatch(word):
                columns[column] = "女性"
            elif role_pattern("total_column").fullmatch(word):
                columns[column] = ""
            elif role_pattern("share_column").fullmatch(word):
                continue  # `占比` beside the counts: each gender's share, no count
            elif word:
                break
        else:
            if "男性" in columns.values() and "女性" in columns.values():
                return row, columns
    return None


def _units_row(grid: Grid, header_row: int, columns: dict[int, str]) -> str | None:
    """The one unit a row under the header gives the gender and total columns (`| （人） | （人） | （人） |`)."""
    if header_row + 1 >= len(grid.rows):
        return None
    cells = grid.texts(header_row + 1)
    units = {BRACKETED_UNIT.sub(r"\1", cells[c]).strip() for c in columns if c < len(cells)}
    unit = units.pop() if len(units) == 1 else None
    return unit if unit and looks_like_unit(unit) else None


def _unit(part: str) -> str | None:
    """The unit a caption states (`員工人數（人）`, `單位：人`) or its measure implies (`人數`: persons,
    `佔比`: %)."""
    return unit_in_label(part) or caption_unit(part) or implied_unit(part)
