"""Whether the short lines above a text table's row are the start of its label, wrapped in its cell
(`pdftotext -layout` keeps a cell's lines apart), or a sub-heading over the rows below."""

from __future__ import annotations

import re

from ingest.map.lexicon import some_term_matches
from ingest.map.units import looks_like_unit
from ingest.read.cell_values import BREAKDOWN
from ingest.read.periods import unit_label_implies
from ingest.read.rows import Layout, build_row
from ingest.read.text import HAN, is_number
from ingest.read.text_rows import label_and_unit


def opens_or_closes_bracket(above: list[str], text_tokens: list[str]) -> bool:
    """`範疇一＋範疇二` / `（地點基礎） 32,716.76`: a bracket the lines above open or the row's label opens
    with continues them. A long line where the row's label starts is no sign: running heads and
    English glosses stand there too."""
    text = "".join(above)
    if text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        return True
    return bool(text_tokens) and text_tokens[0][:1] in "（("


def _metric_of(tokens: list[str], value: str, unit: str | None, caption: str) -> str | None:
    """The metric a row's label tokens map to with their unit (else `unit`), read as a table row is."""
    label, own_unit, _ = label_and_unit(tokens)
    if not label:
        return None
    row = build_row(
        layout=Layout.TABLE,
        source_line=0,
        label_line=0,
        labels=[(label, label)],
        section=caption,
        raw_value=value,
        unit=own_unit or unit or unit_label_implies(label),
        fiscal_year=0,
    )
    return row.metric_code


def completes_a_metric(
    extra: list[str], own: list[str], values: list[str], unit: str | None, caption: str, extra_first: bool = True
) -> bool:
    """`單位營業收入綜合` / `能耗  噸標準煤/萬元  0.0385`, `危險廢物` / `產生量  噸  1,862.47` (the extra words above
    the row's own), `因工傷損失  日  46` / `工作日數` (below): the extra words are part of the row's label when
    the two together name a metric and the row's own words name none, or name another while the extra
    words name no measure of their own (`員工人均` / `培訓時長`: per employee, not the total). A sub-heading
    over its rows (`能源消耗` / `外購電力`, `按性別劃分` / `男性`) or the next row's label makes no metric of
    the two together, or names a measure itself."""
    extra_text = "".join(extra)
    value = next((value for value in values if is_number(value)), "")
    if not value or len(extra_text) > _MAX_EXTRA_CHARS or BREAKDOWN.match(extra_text) or NO_LABEL.search(extra_text):
        return False
    joined = _metric_of([*extra, *own] if extra_first else [*own, *extra], value, unit, caption)
    if joined is None:
        return False
    names_a_measure = some_term_matches(extra_text)
    if names_a_measure and not extra_first:
        return False  # below a row, a line that names a measure is the next row's label (its values below it)
    alone = _metric_of(own, value, unit, caption)
    return alone is None or (alone != joined and not names_a_measure)


_MAX_EXTRA_CHARS = 24  # a label's wrapped part; a longer line is a note or a sentence
NO_LABEL = re.compile(r"[：:。；;，,]")  # `注：…`, a sentence, a lead-in: no part of a label


def wraps_with_its_unit(label: str, unit: str | None, tokens: list[str]) -> bool:
    """Whether the two cells below a row are the rest of its label and of its unit (`排放總量  當量`): the
    unit is visibly cut (`噸二氧化碳` is none, `噸二氧化碳當量` is; maybe read as the label's end), and the
    label's rest is a few words of no sentence."""
    start = label.rsplit(" ", 1)[1] if unit is None and " " in label else unit
    if not start or looks_like_unit(start) or not looks_like_unit(start + tokens[1]):
        return False
    return (
        len(tokens[0]) <= _MAX_WRAPPED_LABEL_CHARS
        and HAN.search(tokens[0]) is not None
        and not NO_LABEL.search(tokens[0])
    )


_MAX_WRAPPED_LABEL_CHARS = 12
