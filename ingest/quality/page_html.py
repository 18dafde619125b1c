"""HTML of the data-quality page: plain HTML, inline SVG and a little script, so it opens from disk
anywhere and fits a 1280 px screen. `page.py` gathers the data; this module only draws it."""

from __future__ import annotations

import html
import math

import pandas as pd

from ingest.config import DATA_DOCS_MOUNT, DQ_PAGE_MOUNT

STATUSES = ("open", "explained", "confirmed", "false_alarm")

STYLE = """
*{box-sizing:border-box}
body{font-family:system-ui,'Noto Sans CJK SC','WenQuanYi Zen Hei','Microsoft YaHei',sans-serif;margin:0;color:#222;
 background:#fafafa}
main{max-width:1240px;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f0f0f0;white-space:nowrap}th.sortable{cursor:pointer}th.sortable:after{content:' \\2195';color:#999}
.num{text-align:right}.error{color:#b00020;font-weight:600}.warn{color:#a66300;font-weight:600}
.muted{color:#777}.filters{display:flex;gap:.75rem;flex-wrap:wrap;align-items:end;margin:.5rem 0}
.filters label{display:flex;flex-direction:column;font-size:.85rem}
.filters input{width:22rem}
table.findings{table-layout:fixed}
tbody.finding tr.head{cursor:pointer}tbody.finding tr.head:hover{background:#eef4ff}
tbody.finding tr.message td{border-top:none;color:#333;font-size:.92rem}
tr.detail td{background:#f7f9fc}
.status{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.85rem}
.status-open{background:#ffe7e7}.status-explained{background:#e6f4ea}.status-confirmed{background:#fff3d6}
.status-false_alarm{background:#e8eaf6}
pre.source{background:#fff;border:1px solid #ddd;padding:.4rem;margin:.3rem 0;white-space:pre-wrap;font-size:.85rem}
pre.source mark{background:#fff2a8}
.detail-grid{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:1rem}
code{background:#eee;padding:0 .25rem;overflow-wrap:anywhere}
"""

# Opened from disk, the page links the Data Docs by their file:// path; served by Airflow
# (/esg/data-quality/...), a browser follows no file:// link, so it links the Data Docs served beside it.
DATA_DOCS_LINK_SCRIPT = f"""
(() => {{
  const link = document.getElementById('data-docs');
  const at = location.pathname.indexOf('/{DQ_PAGE_MOUNT}/');
  if (link && location.protocol.startsWith('http') && at >= 0) {{
    link.href = location.pathname.slice(0, at) + '/{DATA_DOCS_MOUNT}/index.html';
    link.textContent = link.href;
  }}
}})();
"""

SCRIPT = """
const table = document.querySelector('table.findings');
function applyFilters() {
  const family = document.getElementById('filter-family').value;
  const status = document.getElementById('filter-status').value;
  const severity = document.getElementById('filter-severity').value;
  const words = document.getElementById('filter-text').value.trim().toLowerCase();
  let shown = 0;
  for (const body of table.tBodies) {
    const d = body.dataset;
    const show = (!family || d.family === family) && (!status || d.status === status)
      && (!severity || d.severity === severity) && (!words || d.search.includes(words));
    body.hidden = !show;
    if (show) shown += 1;
  }
  document.getElementById('shown-count').textContent = shown;
}
for (const id of ['filter-family', 'filter-status', 'filter-severity', 'filter-text']) {
  document.getElementById(id).addEventListener('input', applyFilters);
}
for (const body of table.tBodies) {
  body.querySelector('tr.head').addEventListener('click', () => {
    const detail = body.querySelector('tr.detail');
    detail.hidden = !detail.hidden;
  });
}
table.querySelectorAll('th.sortable').forEach((header, column) => {
  header.addEventListener('click', () => {
    const ascending = header.dataset.order !== 'asc';
    header.dataset.order = ascending ? 'asc' : 'desc';
    const key = body => body.querySelector('tr.head').cells[column].dataset.sort
      ?? body.querySelector('tr.head').cells[column].textContent;
    const bodies = Array.from(table.tBodies).sort((a, b) => {
      const x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
      const order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    bodies.forEach(body => table.appendChild(body));
  });
});
applyFilters();
"""


def text(value: object) -> str:
    """Escaped cell text; an absent value (None, NaN) is an empty cell."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def number(value: object) -> str:
    if value is None or pd.isna(value):
        return ""
    return f"{float(value):,.4g}" if abs(float(value)) < 1e4 else f"{float(value):,.0f}"


def _ticks(low: float, high: float) -> list[float]:
    if low == high:
        return [low]
    step = 10 ** math.floor(math.log10((high - low) / 2))
    step *= 2 if (high - low) / step > 8 else 1
    first = math.ceil(low / step) * step
    return [first + index * step for index in range(int((high - first) / step) + 1)][:6]


def chart(points: list[tuple[int, float]], flagged_year: int | None, unit: str) -> str:
    """A line chart with labelled axes: fiscal year across, the value in its unit up."""
    if not points:
        return "<p class='muted'>no other year of this metric</p>"
    width, height, left, bottom, top, right = 360, 170, 62, 34, 14, 14
    years, values = [year for year, _ in points], [value for _, value in points]
    low, high = min(0.0, min(values)), max(values)
    span_x, span_y = (max(years) - min(years)) or 1, (high - low) or 1

    def x(year: int) -> float:
        return left + (year - min(years)) / span_x * (width - left - right) if len(years) > 1 else (left + width) / 2

    def y(value: float) -> float:
        return height - bottom - (value - low) / span_y * (height - bottom - top)

    parts = [f"<svg class='chart' width='{width}' height='{height}' role='img' aria-label='{text(unit)} by year'>"]
    parts.append(
        f"<line x1='{left}' y1='{height - bottom}' x2='{width - right}' y2='{height - bottom}' stroke='#999'/>"
    )
    parts.append(f"<line x1='{left}' y1='{top}' x2='{left}' y2='{height - bottom}' stroke='#999'/>")
    for tick in _ticks(low, high):
        parts.append(
            f"<text x='{left - 4}' y='{y(tick) + 3:.1f}' font-size='10' text-anchor='end'>{number(tick)}</text>"
            f"<line x1='{left - 2}' y1='{y(tick):.1f}' x2='{left}' y2='{y(tick):.1f}' stroke='#999'/>"
        )
    for year in years:
        parts.append(
            f"<text x='{x(year):.1f}' y='{height - bottom + 13}' font-size='10' text-anchor='middle'>{year}</text>"
        )
    line = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
    parts.append(f"<polyline fill='none' stroke='#3366cc' stroke-width='1.5' points='{line}'/>")
    for year, value in points:
        colour = "#b00020" if year == flagged_year else "#3366cc"
        parts.append(
            f"<circle cx='{x(year):.1f}' cy='{y(value):.1f}' r='4' fill='{colour}'>"
            f"<title>{year}: {number(value)} {text(unit)}</title></circle>"
        )
    parts.append(
        f"<text x='{(left + width) / 2:.0f}' y='{height - 4}' font-size='11' text-anchor='middle'>fiscal year</text>"
        f"<text x='12' y='{(height - bottom) / 2:.0f}' font-size='11' text-anchor='middle' "
        f"transform='rotate(-90 12 {(height - bottom) / 2:.0f})'>{text(unit) or 'value'}</text></svg>"
    )
    return "".join(parts)


def source_block(lines: list[tuple[int, str]], line: int | None) -> str:
    if not lines:
        return "<p class='muted'>no source line (a finding about the whole report)</p>"
    shown = "\n".join(
        f"<mark>{number_:>5}  {text(content)}</mark>" if number_ == line else f"{number_:>5}  {text(content)}"
        for number_, content in lines
    )
    return f"<pre class='source'>{shown}</pre>"


def summary_table(findings: pd.DataFrame) -> str:
    counts = findings.pivot_table(
        index="check_family", columns="status", values="finding_id", aggfunc="count", fill_value=0
    )
    header = "".join(f"<th class='num'>{status.replace('_', ' ')}</th>" for status in STATUSES)
    rows = []
    for family, row in counts.iterrows():
        cells = "".join(f"<td class='num'>{int(row.get(status, 0))}</td>" for status in STATUSES)
        rows.append(f"<tr><td>{text(family)}</td>{cells}<td class='num'>{int(row.sum())}</td></tr>")
    totals = "".join(f"<td class='num'><b>{int(counts.get(status, pd.Series()).sum())}</b></td>" for status in STATUSES)
    rows.append(f"<tr><td><b>all</b></td>{totals}<td class='num'><b>{len(findings)}</b></td></tr>")
    return (
        f"<table class='summary'><thead><tr><th>check family</th>{header}<th class='num'>total</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def filters(findings: pd.DataFrame) -> str:
    def options(values: list[str]) -> str:
        return "<option value=''>all</option>" + "".join(f"<option>{text(value)}</option>" for value in values)

    families = sorted(findings["check_family"].dropna().unique())
    return (
        "<div class='filters'>"
        f"<label>check family<select id='filter-family'>{options(families)}</select></label>"
        f"<label>status<select id='filter-status'>{options(list(STATUSES))}</select></label>"
        f"<label>severity<select id='filter-severity'>{options(['error', 'warn'])}</select></label>"
        "<label>company, metric, file or words of the message<input id='filter-text' type='search'></label>"
        f"<span class='muted'><span id='shown-count'>{len(findings)}</span> of {len(findings)} shown</span></div>"
    )
