"""A report's staged parse: the records the loader writes, and whether the text is a usable report.

This is the last step of reading, so it lives here and counts in the parser version: a change to
what a staged row holds re-parses the reports, as a change to the readers does.
"""

from __future__ import annotations

import re

from ingest.read.notes import explaining_notes
from ingest.read.rows import ParsedReport
from ingest.read.selection import primary_rows
from ingest.read.text import source_lines

_MID_SENTENCE = re.compile(r"[\u4e00-\u9fff，,、：:]$")


def unusable_reason(parsed: ParsedReport, text: str | None = None) -> str | None:
    """Why a decoded text is not a report we can use, or None.

    A text with a reporting period is a report, even when no KPI can be read from it: it lands and
    the completeness check says "no KPI read". Quarantine keeps what is not a report (no period and
    no KPI) and a text that stops mid-sentence without any KPI (cut short: land the whole file).
    """
    if parsed.observations:
        return None
    if not parsed.metadata.fiscal_year:
        return "no recognisable report: no reporting period, no KPI value"
    if text is not None and _MID_SENTENCE.search(text.rstrip()):
        return (
            "no KPI value, and the text stops mid-sentence, so the file may be cut short: land the complete file again"
        )
    return None


def staged_records(parsed: ParsedReport, text: str, report_id: str, source_file: str) -> dict[str, list[dict]]:
    """The report's rows as the loader writes them: `observations` (mapped, with which statement is
    primary and the report's own note on the figure) and `unmapped` (numeric rows of no metric)."""
    primary = {id(row) for row in primary_rows(parsed.rows)}
    notes = explaining_notes(source_lines(text), parsed.rows)
    lineage = {"report_id": report_id, "source_file": source_file}
    numbered = list(enumerate(parsed.rows, start=1))
    return {
        "observations": [
            {
                **row.as_record(),
                **lineage,
                "row_number": number,
                "is_primary": id(row) in primary,
                "explaining_note": notes.get((row.metric_code, row.fiscal_year)),
            }
            for number, row in numbered
            if row.metric_code
        ],
        "unmapped": [
            {**row.as_record(), **lineage, "row_number": number} for number, row in numbered if not row.metric_code
        ],
    }
