"""Tables a web page builds of `<div>`s with ARIA roles, or of definition lists one row each, as the
`<table>` markup they stand for.

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
    for match in _TAG.finditer(text):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        replacement = None
        if closing:
            while open_tags and open_tags[-1][0] != name and name in {tag for tag, _ in open_tags}:
                open_tags.pop()  # an element left open inside the one this closes
            if open_tags and open_tags[-1][0] == name:
                _, stands_for = open_tags.pop()
                replacement = f"</{stands_for}>" if stands_for else None
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
