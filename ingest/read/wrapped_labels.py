"""Whether the short lines above a text table's row are the start of its label, wrapped in its cell
(`pdftotext -layout` keeps a cell's lines apart), or a sub-heading over the rows below."""

from __future__ import annotations

from ingest.map.lexicon import some_term_matches
from ingest.read.cell_values import BREAKDOWN, clean_label, split_label
from ingest.read.periods import unit_label_implies
from ingest.read.rows import Layout, build_row
from ingest.read.text import is_number
from ingest.read.text_rows import split_label_unit


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
    label, own_unit = split_label_unit(tokens)
    if own_unit is None:
        label, own_unit = split_label(label)
    label = clean_label(label)
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
    above: list[str], text_tokens: list[str], values: list[str], unit: str | None, caption: str
) -> bool:
    """`單位營業收入綜合` / `能耗  噸標準煤/萬元  0.0385`, `危險廢物` / `產生量  噸  1,862.47`: the line above
    is the start of a wrapped label when the label with it names a metric and the row's own names none,
    or names another while the line above names no measure of its own (`員工人均` / `培訓時長`: per
    employee, not the total). A sub-heading over its rows (`能源消耗` / `外購電力`, `按性別劃分` / `男性`)
    makes no metric of the two together, or names a measure itself."""
    above_text = "".join(above)
    value = next((value for value in values if is_number(value)), "")
    if not value or BREAKDOWN.match(above_text) or above_text.endswith(("：", ":")):
        return False
    joined = _metric_of([*above, *text_tokens], value, unit, caption)
    if joined is None:
        return False
    alone = _metric_of(text_tokens, value, unit, caption)
    return alone is None or (alone != joined and not some_term_matches(above_text))
