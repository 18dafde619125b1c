"""The data team's data-quality page, built from the warehouse after each run: a summary by check
family and review status, the findings (filter, sort, click one for its source lines, the company's
other years of the metric as a chart, and the command that records a decision), coverage per report,
and the unmapped labels the most reports print. Each run's page is kept under runs/; index.html is
the latest. The source lines come from the immutable raw zone the warehouse's manifest points to.

The page stays the same size however large the warehouse grows: it is a review queue, not an export.
It shows the first `FINDINGS_SHOWN` findings (open ones first, then errors), `FINDINGS_PER_PAGE` to a
page (index.html, findings-2.html, ...), and the `COVERAGE_SHOWN` reports of least coverage; it says
where the rest are in the warehouse. At 10,000 reports one page of everything was 196 MB and took 81 s."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ingest.config import Settings
from ingest.land.raw_zone import decode_report
from ingest.load.warehouse import connect
from ingest.quality.page_html import (
    DATA_DOCS_LINK_SCRIPT,
    SCRIPT,
    STYLE,
    chart,
    filters,
    number,
    source_block,
    summary_table,
    text,
)

CONTEXT_LINES = 3
UNMAPPED_SHOWN = 60
FINDINGS_PER_PAGE = 200
FINDINGS_SHOWN = 2_000
COVERAGE_SHOWN = 300
_RUNS_LISTED = 30  # the newest kept runs linked from index.html


@dataclass
class PageData:
    findings: pd.DataFrame  # every finding: the counts and the summary
    shown: pd.DataFrame  # the ones the pages list, in review order
    series: dict[tuple[str, str], pd.DataFrame]  # (company, metric) -> its values by year
    coverage: pd.DataFrame
    reports: int  # reports the coverage table could list
    unmapped: pd.DataFrame
    observations: int
    sources: dict[str, list[tuple[int, str]]]


def _source_lines(raw_paths: dict[str, str], findings: pd.DataFrame) -> dict[str, list[tuple[int, str]]]:
    """finding_id -> the numbered lines around its value; each report is read once."""
    context: dict[str, list[tuple[int, str]]] = {}
    located = findings.dropna(subset=["source_line", "report_id"])
    for report_id, group in located.groupby("report_id"):
        path = Path(raw_paths.get(str(report_id), ""))
        if not path.is_file():
            continue
        lines = decode_report(path.read_bytes())[0].split("\n")
        for row in group.itertuples():
            line = int(row.source_line)
            first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
            context[row.finding_id] = [(number_, lines[number_ - 1]) for number_ in range(first, last + 1)]
    return context


def review_order(findings: pd.DataFrame) -> pd.DataFrame:
    """Open findings first, then errors before warnings, then by company and metric."""
    ordered = findings.assign(_decided=findings["status"] != "open")
    ordered = ordered.sort_values(["_decided", "severity", "company_name", "metric_code"], na_position="last")
    return ordered.drop(columns="_decided")


def gather(settings: Settings) -> PageData:
    with connect(settings.warehouse, read_only=True) as connection:
        findings = connection.execute("select * from marts.dq_findings").df()
        findings["status"] = findings["review_status"].fillna("open")
        shown = review_order(findings).head(FINDINGS_SHOWN)
        connection.register("shown_keys", shown[["company_id", "metric_code"]].drop_duplicates())
        series = connection.execute(
            "select company_id, metric_code, fiscal_year, value, unit, is_corrected from marts.fct_company_metric_year "
            "where (company_id, metric_code) in (select (company_id, metric_code) from shown_keys) order by fiscal_year"
        ).df()
        reports = connection.execute("select count(*) from data_quality.dq_report_coverage").fetchone()[0]
        coverage = connection.execute(  # all of them by file name, or the least covered where there are many
            "select * from data_quality.dq_report_coverage order by "
            + ("source_file" if reports <= COVERAGE_SHOWN else f"disclosed_share, source_file limit {COVERAGE_SHOWN}")
        ).df()
        unmapped = connection.execute(
            "select * from data_quality.dq_unmapped_labels order by reports_printing desc, rows_printed desc, raw_label "
            f"limit {UNMAPPED_SHOWN}"
        ).df()
        observations = connection.execute("select count(*) from marts.metric_observations").fetchone()[0]
        raw_paths = dict(connection.execute("select report_id, raw_path from raw.manifest").fetchall())
    by_key = {key: group for key, group in series.groupby(["company_id", "metric_code"])}
    return PageData(findings, shown, by_key, coverage, reports, unmapped, observations, _source_lines(raw_paths, shown))


def _history(data: PageData, finding) -> tuple[str, str]:
    """The company's values of the finding's metric by year: a chart and a small table."""
    if not isinstance(finding.metric_code, str):
        return "", ""
    rows = data.series.get((finding.company_id, finding.metric_code), pd.DataFrame(columns=["fiscal_year"]))
    flagged = None if pd.isna(finding.fiscal_year) else int(finding.fiscal_year)
    points = [(int(row.fiscal_year), float(row.value)) for row in rows.itertuples()]
    table = "".join(
        f"<tr><td>{int(row.fiscal_year)}</td><td class='num'>{number(row.value)}</td>"
        f"<td>{'corrected' if row.is_corrected else ''}</td></tr>"
        for row in rows.itertuples()
    )
    return chart(
        points, flagged, text(finding.unit)
    ), f"<table><tr><th>year</th><th>value</th><th></th></tr>{table}</table>"


def _finding_body(data: PageData, finding) -> str:
    where = text(finding.source_file) + (f":{int(finding.source_line)}" if pd.notna(finding.source_line) else "")
    search = " ".join(
        str(value) for value in (finding.company_name, finding.metric_code, finding.source_file, finding.message)
    )
    review = ""
    if isinstance(finding.review_note, str):
        review = f"<p><b>decision</b>: {text(finding.review_status or 'open')}: {text(finding.review_note)} "
        review += f"<span class='muted'>({text(finding.reviewed_by)}, {text(finding.reviewed_at)})</span></p>"
    plot, years = _history(data, finding)
    command = f"make review ARGS='{finding.finding_id} --status explained --note \"…\"'"
    year = "" if pd.isna(finding.fiscal_year) else int(finding.fiscal_year)
    return (
        f"<tbody class='finding' data-family='{text(finding.check_family)}' data-status='{text(finding.status)}' "
        f"data-severity='{text(finding.severity)}' data-search='{text(search.lower())}' id='{text(finding.finding_id)}'>"
        f"<tr class='head'><td class='{text(finding.severity)}'>{text(finding.severity)}</td>"
        f"<td><span class='status status-{text(finding.status)}'>{text(finding.status).replace('_', ' ')}</span></td>"
        f"<td>{text(finding.check_name)}</td><td>{text(finding.company_name)}</td><td>{text(finding.metric_code)}</td>"
        f"<td>{year}</td><td class='num' data-sort='{'' if pd.isna(finding.value) else float(finding.value)}'>"
        f"{number(finding.value)} {text(finding.unit)}</td><td>{where}</td></tr>"
        f"<tr class='message'><td colspan='8'>{text(finding.message)}</td></tr>"
        f"<tr class='detail' hidden><td colspan='8'><div class='detail-grid'><div>"
        f"<b>source</b> {where}{source_block(data.sources.get(finding.finding_id, []), _line(finding))}{review}"
        f"<p>finding <code>{text(finding.finding_id)}</code>; record a decision: <code>{text(command)}</code></p>"
        f"</div><div><b>{text(finding.metric_code)}</b> by year{plot}{years}</div></div></td></tr></tbody>"
    )


def _line(finding) -> int | None:
    return None if pd.isna(finding.source_line) else int(finding.source_line)


def _findings_table(data: PageData, findings: pd.DataFrame) -> str:
    widths = (92, 100, 215, 175, 200, 66, 120, None)  # the source takes what is left of 1200 px
    columns = ("severity", "status", "check", "company", "metric", "year", "value", "source")
    return (
        f"<table class='findings'><colgroup>{''.join(f'<col style=width:{width}px>' if width else '<col>' for width in widths)}</colgroup>"
        f"<thead><tr>{''.join(f'<th class=sortable>{column}</th>' for column in columns)}</tr></thead>"
        + "".join(_finding_body(data, finding) for finding in findings.itertuples())
        + "</table>"
    )


def _coverage_table(coverage: pd.DataFrame, reports: int) -> str:
    rows = "".join(
        f"<tr><td>{text(row.source_file)}</td><td>{text(row.company_name)}</td><td>{text(row.fiscal_year)}</td>"
        f"<td class='num'>{row.facts_read}</td><td class='num'>{row.kpis_disclosed} / {row.kpis_numeric} "
        f"({row.disclosed_share:.0%})</td><td>{text(row.kpis_missing)}</td><td class='num'>{row.unmapped_labels}</td></tr>"
        for row in coverage.itertuples()
    )
    return (
        "<h2>Coverage per report (HKEX KPI completeness)</h2>"
        + (
            f"<p class='muted'>The {len(coverage)} of {reports} reports with the least coverage; every report's is in "
            "<code>data_quality.dq_report_coverage</code>.</p>"
            if reports > len(coverage)
            else ""
        )
        + "<table class='coverage'><colgroup><col style=width:230px>"
        "<col style=width:200px><col style=width:64px><col style=width:70px><col style=width:120px><col>"
        "<col style=width:90px></colgroup><tr><th>report</th><th>company</th><th>year</th><th>facts read</th>"
        f"<th>numeric KPIs disclosed</th><th>HKEX KPIs missing</th><th>unmapped labels</th></tr>{rows}</table>"
    )


def _unmapped_table(unmapped: pd.DataFrame) -> str:
    rows = "".join(
        f"<tr><td>{text(row.raw_label)}</td><td class='num'>{row.reports_printing}</td><td class='num'>"
        f"{row.rows_printed}</td><td>{text(row.example_value)}</td><td>{text(row.example_source)}</td></tr>"
        for row in unmapped.itertuples()
    )
    return (
        "<h2>Unmapped labels, by how many reports print them</h2><p class='muted'>Labels printed beside a number "
        "that map to no metric: the next synonyms to add (dbt_project/seeds/label_synonyms.csv).</p>"
        "<table class='unmapped'><tr><th>label</th><th>reports</th><th>rows</th><th>example value</th>"
        f"<th>example source</th></tr>{rows}</table>"
    )


def page_name(page_number: int) -> str:
    return "index.html" if page_number == 1 else f"findings-{page_number}.html"


def _pager(page_number: int, pages: int, data: PageData, archived: bool) -> str:
    """Where this page's findings sit among those shown, and links to the other pages."""
    first = (page_number - 1) * FINDINGS_PER_PAGE + 1
    last = min(page_number * FINDINGS_PER_PAGE, len(data.shown))
    note = f"Findings {first}–{last} of the {len(data.shown)} shown"
    if len(data.findings) > len(data.shown):
        note += (
            f" (open ones first; all {len(data.findings)} are in <code>marts.dq_findings</code>:"
            " <code>select * from marts.dq_findings where coalesce(review_status, 'open') = 'open'</code> lists the open ones)"
        )
    if pages == 1:  # everything on one page: the filters' count says how many
        return f"<p class='muted pager'>{note}.</p>" if len(data.findings) > len(data.shown) else ""
    if archived:
        return f"<p class='muted pager'>{note}; this kept copy holds the first page only.</p>"
    links = " ".join(
        f"<b>{page}</b>" if page == page_number else f"<a href='{page_name(page)}'>{page}</a>"
        for page in range(1, pages + 1)
    )
    return f"<p class='muted pager'>{note}. Pages: {links}</p>"


def render(data: PageData, data_docs: Path, runs: list[str]) -> tuple[dict[str, str], str]:
    """(file name -> HTML of each page, the first page as kept under runs/): index.html holds the
    summary, the first findings, coverage, unmapped labels and the list of kept `runs`;
    findings-2.html, ... the rest shown."""
    findings = data.findings
    open_findings = int((findings["status"] == "open").sum()) if len(findings) else 0
    head = [
        "<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>ESG data-quality report</title>",
        f"<meta name='viewport' content='width=device-width'><style>{STYLE}</style></head><body><main>",
        "<h1>ESG data-quality report</h1>",
        f"<p>{data.observations} observations validated; {len(findings)} findings, <b>{open_findings} open</b> "
        f"(<span class='error'>{int((findings.severity == 'error').sum())} error</span>, "
        f"<span class='warn'>{int((findings.severity == 'warn').sum())} warn</span> in all). Great Expectations "
        f"Data Docs: <a id='data-docs' href='{html.escape(data_docs.as_uri())}'>{html.escape(str(data_docs))}</a></p>",
        f"<script>{DATA_DOCS_LINK_SCRIPT}</script>",
    ]
    if findings.empty:
        body = [*head, "<p id='no-findings'>No findings: every check passed.</p>", *_tail(data)]
        return {"index.html": "\n".join([*body, _runs_list(runs), _END])}, "\n".join([*body, _END])
    chunks = [
        data.shown.iloc[start : start + FINDINGS_PER_PAGE] for start in range(0, len(data.shown), FINDINGS_PER_PAGE)
    ]
    pages: dict[str, str] = {}
    kept = ""
    for page_number, chunk in enumerate(chunks, start=1):
        before = list(head)
        if page_number == 1:
            before += ["<h2>Findings by check family and review status</h2>", summary_table(findings)]
        before += ["<h2>Findings</h2><p class='muted'>Click a finding for its source lines and other years.</p>"]
        listing = [filters(chunk), _findings_table(data, chunk)]  # built once, also for the kept copy
        ending = [f"<script>{SCRIPT}</script>", *(_tail(data) if page_number == 1 else [])]
        pager = _pager(page_number, len(chunks), data, archived=False)
        runs_list = [_runs_list(runs)] if page_number == 1 else []
        pages[page_name(page_number)] = "\n".join([*before, pager, *listing, pager, *ending, *runs_list, _END])
        if page_number == 1:
            pager = _pager(1, len(chunks), data, archived=True)
            kept = "\n".join([*before, pager, *listing, pager, *ending, _END])
    return pages, kept


_END = "</main></body></html>"


def _tail(data: PageData) -> list[str]:
    """The first page's end: coverage per report and the unmapped labels."""
    parts = [_coverage_table(data.coverage, data.reports)] if not data.coverage.empty else []
    if not data.unmapped.empty:
        parts.append(_unmapped_table(data.unmapped))
    return parts


def _runs_list(runs: list[str]) -> str:
    """Links to the first pages kept under runs/, newest first (the live index.html only)."""
    links = "".join(f"<li><a href='runs/{html.escape(name)}'>{html.escape(name[:-5])}</a></li>" for name in runs)
    return f"<h2>Runs</h2><ul class='runs'>{links}</ul>"


def write_dq_report(settings: Settings) -> Path:
    data = gather(settings)
    target = settings.dq_report_path
    runs = target.parent / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    findings = data.findings
    run_at = str(findings["run_at"].max()) if len(findings) else datetime.now(UTC).isoformat(timespec="seconds")
    stamp = re.sub(r"[^0-9T]", "", run_at.replace(" ", "T"))[:15]
    this_run = f"{stamp}.html"
    listed = sorted({this_run, *(path.name for path in runs.glob("*.html"))}, reverse=True)[:_RUNS_LISTED]
    pages, kept = render(data, settings.data_docs_dir / "index.html", listed)
    (runs / this_run).write_text(kept, "utf-8")  # the run's first page, kept
    for stale in target.parent.glob("findings-*.html"):
        if stale.name not in pages:
            stale.unlink()  # a page of an earlier run that had more findings
    for name, page in pages.items():
        (target.parent / name).write_text(page, "utf-8")
    return target
