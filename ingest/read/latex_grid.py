"""LaTeX `tabular` tables -> grids, as OCR-to-Markdown models (Nougat, Mathpix) write the tables of a PDF.

    \\begin{tabular}{|l|c|c|c|}
    \\hline \\multirow{2}{*}{ 指标 } & \\multirow{2}{*}{ 单位 } & \\multicolumn{2}{|c|}{ 2024 年 } \\\\
    \\cline { 3 - 4 } & & 数值 & 同比 \\\\
    \\hline 外购电力 & $\\mathrm{MWh}$ & 56,437.8 & $-3.06 \\%$ \\\\
    \\end{tabular}

Rows end at `\\\\`, cells at an unescaped `&`; rules (`\\hline`, `\\cline`, booktabs) are no content. A
`\\multicolumn{n}` cell covers n columns and a `\\multirow{n}` cell the n rows below it, where LaTeX
leaves an empty cell; both are repeated over what they cover, as `grid` does for HTML spans. Cells are
cleaned of math markup by `markup.clean_text`. Each row keeps the source line where it starts.
"""

from __future__ import annotations

import re

from ingest.read.grid import Cell, Grid
from ingest.read.markup import clean_text

_TABULAR = re.compile(r"\\begin\{(tabular\*?|tabularx|longtable|array)\}(.*?)(?:\\end\{\1\}|\Z)", re.DOTALL)
_RULE = re.compile(
    r"\\(?:hline|toprule|midrule|bottomrule|endhead|endfirsthead|hhline\s*\{[^{}]*\})|\\cline\s*\{[^{}]*\}"
)
_MULTI = re.compile(r"^\s*\\multi(column|row)\s*\{\s*(\d+)\s*\}\s*\{[^{}]*\}\s*\{(.*)\}\s*$", re.DOTALL)
_MAX_SPAN = 50


def _split(text: str, separator: str) -> list[tuple[int, str]]:
    """(offset, piece) of `text` split at `separator` outside braces and not escaped (`\\&` is an ampersand)."""
    pieces, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            if separator == "\\\\" and depth == 0 and text.startswith(separator, index):
                pieces.append((start, text[start:index]))
                start = index + 2
            index += 2  # a row's end, an escaped character (`\&`) or a command's backslash
            continue
        depth += char == "{"
        depth -= char == "}" and depth > 0
        if char == separator and depth == 0:
            pieces.append((start, text[start:index]))
            start = index + 1
        index += 1
    pieces.append((start, text[start:]))
    return pieces


def _body(spec_and_body: str) -> tuple[int, str]:
    """(offset of the body, the body) after the column spec `{|l|c|c|}` (which may hold nested braces)."""
    depth = 0
    for index, char in enumerate(spec_and_body):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and char == "}":
            return index + 1, spec_and_body[index + 1 :]
    return 0, spec_and_body


def _placed(rows: list[list[str]]) -> list[list[Cell]]:
    """Each cell at its column; spans repeated over what they cover (a multirow only into empty cells)."""
    grid: dict[tuple[int, int], Cell] = {}
    below: dict[tuple[int, int], Cell] = {}  # positions a multirow above covers, filled if left empty
    for r, cells in enumerate(rows):
        c = 0
        for raw in cells:
            multi = _MULTI.match(raw)
            kind, span, content = (
                (multi.group(1), min(int(multi.group(2)), _MAX_SPAN), multi.group(3)) if multi else ("", 1, raw)
            )
            inner = _MULTI.match(content)  # `\multicolumn{2}{c}{\multirow{2}{*}{…}}`
            rowspan = min(int(inner.group(2)), _MAX_SPAN) if inner and inner.group(1) == "row" else 1
            content = inner.group(3) if inner else content
            text = clean_text(content)
            if not text and (r, c) in below:
                grid[(r, c)] = below[(r, c)]
                c += 1
                continue
            cell = Cell(text, (r, c))
            colspan = span if kind == "column" else 1
            rowspan = span if kind == "row" else rowspan
            for dc in range(colspan):
                grid[(r, c + dc)] = cell
                for dr in range(1, rowspan):
                    below[(r + dr, c + dc)] = cell
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c)) or below.get((r, c)) or Cell("", (r, c)) for c in range(width)] for r in range(len(rows))]


def latex_grids(text: str) -> list[Grid]:
    """Every LaTeX `tabular` of the report as a grid (rows without any text left out)."""
    if "\\begin{" not in text:
        return []
    grids = []
    for match in _TABULAR.finditer(text):
        offset, body = _body(match.group(2))
        body_start = match.start(2) + offset
        cells, lines = [], []
        for start, row in _split(body, "\\\\"):
            content = _RULE.sub(" ", row)
            if not content.strip():
                continue
            cells.append([piece for _, piece in _split(content, "&")])
            leading = len(row) - len(row.lstrip())
            lines.append(text.count("\n", 0, body_start + start + leading) + 1)
        rows = _placed(cells)
        keep = [r for r, row in enumerate(rows) if any(cell.text for cell in row)]
        if len(keep) < 2:
            continue
        grids.append(
            Grid(
                rows=[rows[r] for r in keep],
                lines=[lines[r] for r in keep],
                first_line=text.count("\n", 0, match.start()) + 1,
                last_line=text.count("\n", 0, match.end() - 1) + 1,
                kind="latex",
            )
        )
    return grids
