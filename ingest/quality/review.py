"""The data team's decisions on findings: `python -m ingest review FINDING_ID --status ...`.

A decision is a row of the dbt seed `dq_reviews.csv` (one row per finding, the latest decision), so
decisions are reviewed in pull requests like code and the next `make run` applies them: dbt joins
them to `marts.dq_findings`, and a corrected value becomes the value that counts in
`fct_company_metric_year`, with its lineage. A bad id, status or value changes nothing.
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from ingest.config import SEEDS_DIR, Settings
from ingest.load.warehouse import connect
from ingest.map.reference import unit_factors

REVIEWS_SEED = SEEDS_DIR / "dq_reviews.csv"
STATUSES = ("explained", "confirmed", "false_alarm")
REOPENED = "reopened"


class ReviewError(ValueError):
    """A decision that cannot be recorded; the message says why and nothing was written."""


@dataclass(frozen=True)
class Review:
    finding_id: str
    status: str
    note: str
    reviewed_by: str
    reviewed_at: str
    value_at_review: str
    company_id: str
    metric_code: str
    fiscal_year: str
    corrected_value: str = ""
    corrected_unit: str = ""


COLUMNS = list(Review.__dataclass_fields__)


def _finding(settings: Settings, finding_id: str) -> dict:
    if not settings.warehouse.exists():
        raise ReviewError(f"no warehouse at {settings.warehouse} (ESG_WAREHOUSE): run `make run` first")
    with connect(settings.warehouse, read_only=True) as connection:
        found = connection.execute(
            "select finding_id, company_id, metric_code, fiscal_year, value, unit "
            "from marts.dq_findings where finding_id = ?",
            [finding_id],
        ).fetchall()
        if not found:
            known = connection.execute("select count(*) from marts.dq_findings").fetchone()[0]
            raise ReviewError(
                f"no finding {finding_id!r} in the latest run ({known} findings in marts.dq_findings; "
                "copy the id from the data-quality page or `select finding_id from marts.dq_findings`)"
            )
    return dict(zip(("finding_id", "company_id", "metric_code", "fiscal_year", "value", "unit"), found[0], strict=True))


def _correction(finding: dict, value: str | None, unit: str | None) -> tuple[str, str]:
    if value is None and unit is None:
        return "", ""
    if value is None or not unit:
        raise ReviewError("a correction needs both --corrected-value and --corrected-unit")
    try:
        number = float(value.replace(",", ""))
    except ValueError:
        raise ReviewError(f"--corrected-value {value!r} is not a number") from None
    if not math.isfinite(number):
        raise ReviewError(f"--corrected-value {value!r} is not a finite number")
    if not finding["metric_code"]:
        raise ReviewError(f"finding {finding['finding_id']} is about a whole report, not a value to correct")
    if (unit, finding["unit"]) not in unit_factors():
        raise ReviewError(
            f"unit {unit!r} does not convert to {finding['metric_code']}'s unit {finding['unit']!r} "
            "(seed unit_factors.csv lists the units it knows)"
        )
    return repr(number), unit


def read_reviews(path: Path = REVIEWS_SEED) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda row: row["finding_id"]))
    os.replace(tmp, path)


def record_review(
    settings: Settings,
    finding_id: str,
    status: str | None,
    note: str,
    by: str,
    corrected_value: str | None = None,
    corrected_unit: str | None = None,
    reopen: bool = False,
    path: Path = REVIEWS_SEED,
) -> Review:
    """Check the decision against the latest run's findings, then write it as the finding's one row."""
    if reopen == (status is not None):
        raise ReviewError(f"give either --status ({', '.join(STATUSES)}) or --reopen")
    if status is not None and status not in STATUSES:
        raise ReviewError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    if not note.strip() and not reopen:
        raise ReviewError("say why in --note: the next reviewer reads it")
    if not by.strip():
        raise ReviewError("say who decides in --by (or set USER)")
    finding = _finding(settings, finding_id)
    value, unit = _correction(finding, corrected_value, corrected_unit)
    if reopen and (value or unit):
        raise ReviewError("--reopen takes no correction")
    review = Review(
        finding_id=finding_id,
        status=REOPENED if reopen else str(status),
        note=" ".join(note.split()),
        reviewed_by=by.strip(),
        reviewed_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        value_at_review="" if finding["value"] is None else repr(float(finding["value"])),
        company_id=finding["company_id"] or "",
        metric_code=finding["metric_code"] or "",
        fiscal_year="" if finding["fiscal_year"] is None else str(finding["fiscal_year"]),
        corrected_value=value,
        corrected_unit=unit,
    )
    rows = [row for row in read_reviews(path) if row["finding_id"] != finding_id]
    _write(path, [*rows, asdict(review)])
    return review
