"""Tables a web page builds of `<div>`s with ARIA roles, of definition lists one row each, or of
`<figure>`s holding one metric's years, as the `<table>` markup they stand for.

    <div role="table">                                   <table>
      <div role="row"><span role="rowheader">耗水量</span>   <tr><th>耗水量</th>
        <span role="cell">1,163,820</span></div>            <td>1,163,820</td></tr>

A CMS or a front-end framework draws a table this way (`role="grid"`, `role="gridcell"`,
`aria-colspan` too, `aria-label` its caption); rewritten tag for tag, on the same lines, the HTML table reader reads it.
"""

from __future__ import annotations

import re

_ARIA_TABLE = re.compile(r"""\srole\s*=\s*["']?(?:table|grid|treegrid)\b""", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ROLE = re.compile(r"""\brole\s*=\s*["']?([a-z]+)""", re.IGNORECASE)
_ARIA_LABEL = re.compile(r"""\baria-label\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ARIA_SPAN = re.compile(r"""\baria-(colspan|rowspan)\s*=\s*["']?(\d+)""", re.IGNORECASE)
_TABLE_TAGS = {
    "table": "table",
    "grid": "table",
    "treegrid": "table",
    "rowgroup": "tbody",
    "row": "tr",
    "cell": "td",
    "gridcell": "td",
    "rowheader": "th",
    "columnheader": "th",
}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


def has_aria_tables(text: str) -> bool:
    return "role" in text and _ARIA_TABLE.search(text) is not None


def aria_as_tables(text: str) -> str:
    """`text` with each element whose role is a table's part written as that part's tag (nothing else
    changes: no line moves)."""
    if not has_aria_tables(text):
        return text
    out: list[str] = []
    open_tags: list[tuple[str, str | None]] = []  # (tag name, the table tag it stands for)
    position = 0
    row_at: int | None = None  # where the open row's `<tr>` went in `out`, until a cell opens in it
    for match in _TAG.finditer(text):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        replacement = None
        if closing:
            while open_tags and open_tags[-1][0] != name and name in {tag for tag, _ in open_tags}:
                open_tags.pop()  # an element left open inside the one this closes
            if open_tags and open_tags[-1][0] == name:
                _, stands_for = open_tags.pop()
                replacement = f"</{stands_for}>" if stands_for else None
                if stands_for == "tr" and row_at is not None:  # `<div role="row">能源</div>`: a row of text alone,
                    out[row_at] += "<td>"  # a section across the table (one cell of it)
                    replacement = "</td></tr>"
                row_at = None if stands_for == "tr" else row_at
        elif name not in _VOID and not attributes.rstrip().endswith("/"):
            role = _ROLE.search(attributes)
            stands_for = _TABLE_TAGS.get(role.group(1).lower()) if role else None
            open_tags.append((name, stands_for))
            if stands_for:
                spans = "".join(f' {kind.lower()}="{count}"' for kind, count in _ARIA_SPAN.findall(attributes))
                replacement = f"<{stands_for}{spans}>"
                label = _ARIA_LABEL.search(attributes) if stands_for == "table" else None
                if label:  # the table's accessible name is its caption
                    replacement += f"<caption>{label.group(1) or label.group(2)}</caption>"
        if replacement is not None:
            out.append(text[position : match.start()])
            out.append(replacement)
            position = match.end()
            row_at = (
                len(out) - 1 if replacement.startswith("<tr") else None if replacement[:3] in ("<td", "<th") else row_at
            )
    out.append(text[position:])
    return "".join(out)


_DL = re.compile(r"<dl\b[^>]*>.*?</dl\s*>", re.IGNORECASE | re.DOTALL)
_DL_PARTS = re.compile(r"<(/?)(dl|dt|dd)\b[^>]*>", re.IGNORECASE)
_ROW_TAGS = {"dl": "tr", "dt": "th", "dd": "td"}


def definition_rows_as_tables(text: str) -> str:
    """Runs of definition lists that are each a table's row (one `<dt>` label and two or more `<dd>`
    values: `<dl class="row"><dt>範疇一排放</dt><dd data-year="2022">…</dd><dd data-year="2023">…</dd></dl>`)
    as a `<table>` of those rows; a list of several terms (a card of label-value pairs) stays a list."""
    if "<dl" not in text and "<DL" not in text:
        return text
    rows = [match for match in _DL.finditer(text) if _is_row(match.group())]
    if len(rows) < _MIN_ROWS:
        return text
    out: list[str] = []
    position = 0
    for index, match in enumerate(rows):
        opens = index == 0 or text[rows[index - 1].end() : match.start()].strip()
        closes = index == len(rows) - 1 or text[match.end() : rows[index + 1].start()].strip()
        row = _DL_PARTS.sub(lambda part: f"<{part.group(1)}{_ROW_TAGS[part.group(2).lower()]}>", match.group())
        out += [text[position : match.start()], "<table>" if opens else "", row, "</table>" if closes else ""]
        position = match.end()
    out.append(text[position:])
    return "".join(out)


_MIN_ROWS = 2


def _is_row(block: str) -> bool:
    lowered = block.lower()
    return lowered.count("<dt") == 1 and lowered.count("<dd") >= _MIN_ROWS


_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure\s*>", re.IGNORECASE | re.DOTALL)
_FIGURE_TABLE = re.compile(r"(<table\b[^>]*>)(.*?)</table\s*>", re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]\s*>", re.IGNORECASE | re.DOTALL)
_UNIT_ELEMENT = re.compile(
    r"<(span|small|em|i|p|div)\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bunit\b[^\"']*[\"'][^>]*>(.*?)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.IGNORECASE | re.DOTALL)
_ROW_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]\s*>", re.IGNORECASE | re.DOTALL)
_MARKUP = re.compile(r"<[^>]+>")
_DIGIT = re.compile(r"\d")


def figures_as_tables(text: str) -> str:
    """A `<figure>` of one metric (`<h4>範圍一排放</h4><span class="unit">噸二氧化碳當量</span>`, a table of
    year rows of one value each, maybe a `<figcaption>` note) as that table with a header row naming the
    metric and its unit, the note in a `備註` column of every row (a note may bound the figure: `僅統計子公司…`).
    Lines and the cells' places are kept; the heading and the note leave the text the table reader sees."""
    if "<figure" not in text and "<FIGURE" not in text:
        return text
    return _FIGURE.sub(_figure_as_table, text)


def _figure_as_table(match: re.Match[str]) -> str:
    figure = match.group()
    table = _FIGURE_TABLE.search(figure)
    rows = _ROW.findall(table.group(2)) if table else []
    if table is None or len(rows) < _MIN_ROWS or not all(_is_year_row(row) for row in rows):
        return figure
    head, tail = figure[: table.start()], figure[table.end() :]
    heading = _HEADING.search(head) or _FIGCAPTION.search(head)
    if heading is None:
        return figure
    unit = _UNIT_ELEMENT.search(head)
    note = _FIGCAPTION.search(tail)
    label = _plain(heading.group(1)) + (f"（{_plain(unit.group(2))}）" if unit else "")
    note_text = _plain(note.group(1)) if note else ""
    header = f"<tr><th>年份</th><th>{label}</th>" + ("<th>備註</th>" if note_text else "") + "</tr>"
    body = _ROW.sub(lambda row: row.group()[: -len("</tr>")] + f"<td>{note_text}</td></tr>", table.group(2))
    body = body if note_text else table.group(2)
    for found in sorted(filter(None, (heading, unit)), key=lambda found: -found.start()):
        head = _blank(head, found)  # (the later first: blanking moves what follows)
    tail = _blank(tail, note)
    return head + table.group(1) + header + body + "</table>" + tail


def _is_year_row(row: str) -> bool:
    cells = _ROW_CELL.findall(row)
    return len(cells) == 2 and _DIGIT.search(_plain(cells[0])) is not None  # `2024`, `2030年目標`


def _plain(html: str) -> str:
    return " ".join(_MARKUP.sub("", html).split())


def _blank(text: str, match: re.Match[str] | None) -> str:
    """`text` without what `match` found in it, its line breaks kept."""
    if match is None:
        return text
    return text[: match.start()] + "\n" * match.group().count("\n") + text[match.end() :]
