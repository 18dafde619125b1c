"""The data team's data-quality page: findings of the latest run by company and check, each flagged
series drawn as a small chart, and HKEX KPI completeness per report. Plain HTML with inline SVG, so
it opens from disk anywhere. Each run's page is kept under runs/; index.html is the latest."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ingest.config import Settings
from ingest.load.warehouse import connect

_STYLE = """
body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
th{background:#f3f3f3}.error{color:#b00020;font-weight:600}.warn{color:#a66300}.muted{color:#777}
.series{display:inline-block;margin:.5rem 1rem .5rem 0;vertical-align:top}
"""


def _sparkline(points: list[tuple[int, float]], flagged_years: set[int]) -> str:
    if not points:
        return ""
    width, height, pad = 220, 70, 10
    years = [year for year, _ in points]
    values = [value for _, value in points]
    low, high = min(values), max(values)
    span_x = max(years) - min(years) or 1
    span_y = (high - low) or 1

    def xy(year: int, value: float) -> tuple[float, float]:
        return (
            pad + (year - min(years)) / span_x * (width - 2 * pad),
            height - pad - (value - low) / span_y * (height - 2 * pad),
        )

    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(year, value) for year, value in points))
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{"#b00020" if year in flagged_years else "#3366cc"}">'
        f"<title>{year}: {value:g}</title></circle>"
        for year, value in points
        for x, y in [xy(year, value)]
    )
    labels = "".join(
        f'<text x="{xy(year, low)[0]:.1f}" y="{height + 2}" font-size="9" text-anchor="middle">{year}</text>'
        for year in years
    )
    return (
        f'<svg width="{width}" height="{height + 6}" role="img"><polyline fill="none" stroke="#3366cc" '
        f'stroke-width="1.5" points="{path}"/>{dots}{labels}</svg>'
    )


def _text(value: object) -> str:
    """Escaped cell text; an absent value (None, NaN) is an empty cell."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def _completeness_table(completeness: pd.DataFrame) -> str:
    rows = "".join(
        f"<tr><td>{_text(row.source_file)}</td><td>{_text(row.company_name)}</td><td>{_text(row.fiscal_year)}</td>"
        f"<td>{row.kpis_disclosed} / {row.kpis_numeric} ({row.disclosed_share:.0%})</td>"
        f"<td>{_text(row.kpis_missing)}</td></tr>"
        for row in completeness.sort_values("source_file").itertuples()
    )
    return (
        "<h2>HKEX KPI completeness</h2><table class='completeness'><tr><th>report</th><th>company</th>"
        f"<th>year</th><th>numeric KPIs disclosed</th><th>missing</th></tr>{rows}</table>"
    )


def render(
    findings: pd.DataFrame,
    series: pd.DataFrame,
    observations: int,
    data_docs: Path,
    completeness: pd.DataFrame | None = None,
) -> str:
    esc = html.escape
    parts = [
        "<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>ESG data-quality report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>ESG data-quality report</h1>",
        f"<p>{observations} observations validated; <span class='error'>{(findings.severity == 'error').sum()} error</span>, "
        f"<span class='warn'>{(findings.severity == 'warn').sum()} warn</span> finding(s). "
        f"Great Expectations Data Docs: <a href='{esc(data_docs.as_uri())}'>{esc(str(data_docs))}</a></p>",
    ]
    if findings.empty:
        parts.append("<p id='no-findings'>No findings: every check passed.</p>")
    else:
        pivot = findings.pivot_table(
            index="company_name", columns="check_name", values="finding_id", aggfunc="count", fill_value=0
        )
        parts.append("<h2>Findings by company and check</h2>")
        parts.append(pivot.to_html(classes="by-company", border=0))
        parts.append("<h2>Flagged series</h2>")
        for (company, metric), group in findings.dropna(subset=["metric_code"]).groupby(
            ["company_name", "metric_code"]
        ):
            history = series[(series.company_name == company) & (series.metric_code == metric)].sort_values(
                "fiscal_year"
            )
            points = [(int(row.fiscal_year), float(row.value)) for row in history.itertuples()]
            parts.append(
                f"<div class='series'><div><b>{esc(company)}</b> · {esc(metric)}</div>"
                f"{_sparkline(points, set(group.fiscal_year.astype(int)))}</div>"
            )
        parts.append(
            "<h2>All findings</h2><table><tr><th>severity</th><th>check</th><th>company</th>"
            "<th>metric</th><th>year</th><th>file:line</th><th>message</th></tr>"
        )
        for row in findings.sort_values(["severity", "company_name", "metric_code"]).itertuples():
            parts.append(
                f"<tr><td class='{_text(row.severity)}'>{_text(row.severity)}</td><td>{_text(row.check_name)}</td>"
                f"<td>{_text(row.company_name)}</td><td>{_text(row.metric_code)}</td><td>{_text(row.fiscal_year)}</td>"
                f"<td>{_text(row.source_file)}{':' + _text(row.source_line) if _text(row.source_line) else ''}</td><td>{_text(row.message)}</td></tr>"
            )
        parts.append("</table>")
    if completeness is not None and not completeness.empty:
        parts.append(_completeness_table(completeness))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_dq_report(settings: Settings) -> Path:
    with connect(settings.warehouse, read_only=True) as connection:
        findings = connection.execute("select * from marts.dq_findings").df()
        series = connection.execute(
            "select company_name, metric_code, fiscal_year, value from marts.fct_company_metric_year "
            "join marts.dim_company using (company_id)"
        ).df()
        observations = connection.execute("select count(*) from marts.metric_observations").fetchone()[0]
        completeness = connection.execute("select * from data_quality.dq_completeness").df()
    target = settings.dq_report_path
    runs = target.parent / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    run_at = str(findings["run_at"].max()) if len(findings) else datetime.now(UTC).isoformat(timespec="seconds")
    stamp = re.sub(r"[^0-9T]", "", run_at.replace(" ", "T"))[:15]
    page = render(findings, series, observations, settings.data_docs_dir / "index.html", completeness)
    (runs / f"{stamp}.html").write_text(page, "utf-8")  # one page per run, kept
    earlier = sorted((path.name for path in runs.glob("*.html")), reverse=True)[:30]
    links = "".join(f"<li><a href='runs/{html.escape(name)}'>{html.escape(name[:-5])}</a></li>" for name in earlier)
    target.write_text(page.replace("</body>", f"<h2>Runs</h2><ul class='runs'>{links}</ul></body>"), "utf-8")
    return target
