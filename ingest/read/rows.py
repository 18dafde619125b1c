"""The parser's output row, and the one place that turns a label, a value and a unit into it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Protocol

from ingest.map.lexicon import MetricMatch, label_excluded, map_label, some_term_matches
from ingest.map.normalize import (
    alias_of,
    rate_alias,
    without_alias,
    without_breakdown,
    without_gloss,
    without_kpi_title_parts,
    without_qualifier,
    without_total_word,
)
from ingest.map.reference import metrics
from ingest.map.units import COUNTED_UNITS
from ingest.read.metadata import ReportMetadata
from ingest.read.text import parse_number


class Layout(StrEnum):
    """Where in the report a value stood; also its rank when one report states a metric twice."""

    TABLE = "table"
    CELLS = "cells"  # transposed tables: `女性员工 1,947<tab>男性员工 5,493`
    KEY_FIGURE = "key_figure"  # a label line, a value line, maybe a unit line
    PROSE = "prose"  # a sentence: `共有員工1,849人`


@dataclass
class KpiRow:
    """One value of one row, figure or sentence, with everything needed to trace it back."""

    source_line: int
    raw_label: str
    section: str
    raw_value: str
    reported_value: float
    reported_unit: str  # as printed; empty when the report prints a bare count
    fiscal_year: int
    metric_code: str | None
    unit_factor: float | None
    rule_priority: int | None
    table_header_line: int | None
    label_line: int
    layout: str = Layout.TABLE
    scope_note: str | None = None  # the report's own words on what the figure covers
    is_partial_scope: bool = False  # the figure covers only part of the company (head office, some sites)
    note: str | None = None  # a footnote below the figure that confirms what it is (label_confirmations)
    # money in another currency the report states no rate for: the metric it is, and its currency (unmapped)
    unconverted_metric: str | None = None
    unconverted_currency: str | None = None

    def as_record(self) -> dict[str, object]:
        return asdict(self)

    def bound_by(self, part: Bound | None) -> None:
        """Take what a caption, note or heading says the figure covers (`read.scope.Scope`), if it says anything."""
        if part is not None:
            self.scope_note, self.is_partial_scope = part.note, part.partial


class Bound(Protocol):
    """What `read.scope.Scope` tells a row (a protocol: the scope module reads rows, so rows cannot import it)."""

    note: str
    partial: bool


@dataclass
class ParsedReport:
    metadata: ReportMetadata
    rows: list[KpiRow] = field(default_factory=list)

    @property
    def observations(self) -> list[KpiRow]:
        return [row for row in self.rows if row.metric_code]

    @property
    def unmapped(self) -> list[KpiRow]:
        return [row for row in self.rows if not row.metric_code]


def _countable(mapping: MetricMatch, value: float | None) -> bool:
    """A number of persons or of things is whole; a fraction there is another metric's figure."""
    if value is None or metrics()[mapping.metric_code].canonical_unit not in COUNTED_UNITS:
        return True
    counted = value * mapping.unit_factor
    return abs(counted - round(counted)) < 1e-6


def _readings(labels: list[tuple[str, str]], share: bool = False) -> Iterator[tuple[str, str, str | None, str]]:
    """(reading, label as printed, the whole label its exclusions must pass, context it adds): the labels
    as read, then without an English gloss, without a trailing alias in brackets, without a closing
    total word (`合計`), as the other name a bracket gives it (`一般事業廢棄物（非有害廢棄物）`), without
    what the figure includes (`（含再生能源）`) and without the breakdown it is an item of (`按性別劃分：
    男性`: the breakdown stays its context); each reading is made only if the ones before map nothing."""
    yield from ((matched, printed, None, "") for matched, printed in labels)
    glossed = [(bare, printed) for matched, printed in labels if (bare := without_gloss(matched))]
    yield from ((bare, printed, None, "") for bare, printed in glossed)
    yield from (
        (bare, printed, None, "") for matched, printed in [*labels, *glossed] if (bare := without_alias(matched))
    )
    yield from ((bare, printed, None, "") for matched, printed in labels if (bare := without_total_word(matched)))
    yield from ((alias, printed, matched, "") for matched, printed in labels if (alias := alias_of(matched)))
    yield from ((bare, printed, matched, "") for matched, printed in labels if (bare := without_qualifier(matched)))
    yield from ((bare, printed, None, "") for matched, printed in labels if (bare := without_kpi_title_parts(matched)))
    yield from (
        (bare, printed, None, f" / {matched}") for matched, printed in labels if (bare := without_breakdown(matched))
    )
    if share:  # `離職人數（離職率）` over `212 (11.4%)`: the share is the rate its bracket names
        yield from ((rate, printed, None, "") for matched, printed in labels if (rate := rate_alias(matched)))


def build_row(
    *,
    layout: Layout,
    source_line: int,
    label_line: int,
    labels: list[tuple[str, str]],
    section: str,
    raw_value: str,
    unit: str | None,
    fiscal_year: int,
    table_header_line: int | None = None,
    context: str | Callable[[], str] | None = None,
    table_labels: str = "",
) -> KpiRow:
    """Map the first of `labels` (most specific reading first) that a rule accepts; keep the row either way.

    Each label is a pair: the text the rules read (filler such as `報告期內` or `為` removed) and the
    text as printed, which is what lineage keeps. `context` (default: the section) is what the rules'
    context patterns read; for prose it is the sentence and the lines above, which may be given as a
    function: it is called only when some lexicon term matches a label (most prose labels match none).
    """
    mapping = None
    chosen = labels[0][1]
    value = parse_number(raw_value)
    if raw_value.endswith("%") and unit and "%" not in unit:
        unit = "%"  # `6.04%` under `研發投入（億元）`: the sign the figure prints is its unit
    for matched, printed, whole, more_context in _readings(labels, share=unit == "%"):
        if not some_term_matches(matched):
            continue
        if callable(context):
            context = context()
        mapping = map_label(matched, (section if context is None else context) + more_context, unit, table_labels)
        if mapping and not _countable(mapping, value):
            mapping = None  # `男性 15.1` below a turnover rate: no number of persons
        if mapping and whole and label_excluded(mapping.metric_code, whole):
            mapping = None  # `溫室氣體排放總量（含範圍三）`: what it includes makes it no scope 1 and 2 total
        if mapping:
            chosen = printed
            break
    return KpiRow(
        source_line=source_line,
        raw_label=chosen,
        section=section,
        raw_value=raw_value,
        reported_value=value,
        reported_unit=unit or "",  # printed nothing: a bare count (`員工總數 742`)
        fiscal_year=fiscal_year,
        metric_code=mapping.metric_code if mapping else None,
        unit_factor=mapping.unit_factor if mapping else None,
        rule_priority=mapping.priority if mapping else None,
        table_header_line=table_header_line,
        label_line=label_line,
        layout=layout.value,
    )
