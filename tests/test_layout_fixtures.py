"""Invented reports in the layouts real reports come in (tests/fixtures/layouts): the parser keeps
reading them. They are our own texts, so this runs everywhere, with or without ../shared."""

from __future__ import annotations

from conftest import REPO

from ingest.cli.evaluate import evaluate

LAYOUTS = REPO / "tests" / "fixtures" / "layouts"
PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.97
# u3 (pdftotext without -layout: prose hard-wrapped every ~20 characters, figures in Chinese numerals)
# is the lowest, at 80.8%; t7 (prior years in words) next, at 90.5%
FILE_RECALL_FLOOR = 0.8


def test_every_layout_fixture_is_read() -> None:
    result = evaluate(LAYOUTS, LAYOUTS / "gold.csv")
    assert result.overall.precision >= PRECISION_FLOOR, result.overall.errors
    assert result.overall.recall >= RECALL_FLOOR, result.overall.errors
    weak = {
        name: round(score.recall, 3) for name, score in result.per_report.items() if score.recall < FILE_RECALL_FLOOR
    }
    assert not weak, weak
    assert len(result.per_report) == 80
