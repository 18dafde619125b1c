"""How a grid row's label reads (`read.tables`): the label as printed, then with the categories, parent
and section above it before it (or after it, for a gender's row); a total row as the measure it totals.
The state is what a table's rows so far say about the rows that follow."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.map.lexicon import names_a_kpi_alone, some_term_matches
from ingest.map.normalize import normalize_label
from ingest.read.cell_values import BREAKDOWN, clean_label, split_label
from ingest.read.periods import is_gender, is_own_staff, is_subtotal, is_total

BARE_LABEL_CHARS = 3


@dataclass
class RowState:
    """What a table's rows so far say about the rows that follow."""

    section: str = ""
    parent: str = ""
    parent_column: int = -1
    last_label: str = ""
    unit: str | None = None  # the unit a section row across the table gives the rows below it
    measure: str = ""  # the label column's header when it names what the table measures (`僱員流失率`)
    subtotal_seen: bool = False  # the section closed with a `小計`: a `總計` after it is the table's total
    unit_above: str = ""  # the unit cell of the row above, where the rows below leave theirs merged
    dated_label: str = ""  # the last label that named its year (`2024年外購電力（萬千瓦時）`), as printed
    year_label: tuple[str, int] = ("", -1)  # the label cell of the last row with a year cell (`能源 | 2024 | …`)


def row_readings(
    label: str, categories: list[str], state: RowState, context_head: str, above: str
) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """(label readings, context parts) of a valued row: the label, then with each category or parent before it; a total
    (`整體` under `受訓僱員百分比（%）`) is the measure's, and the breakdowns it closes are no context of it."""
    # after the section's `小計`, a `總計` totals the table, not the section (`直接能源消耗` / … / `小計` / `總計`)
    section = "" if state.subtotal_seen else state.section
    # `**溫室氣體排放（範圍一及範圍二）**` over `總量` / `密度`: a bare child row is its section's, only its section's
    # where that names a KPI (`密度` under scopes 1 to 3 is no scope 1+2 figure) and it names none (`用水` / `耗水量`);
    # a bare total reads alone last, and not where its section's total is a term (the rules may exclude: scope 3)
    bare_child = section if len(normalize_label(label)) <= BARE_LABEL_CHARS else ""
    total = is_total(label) or is_own_staff(label)  # `因工死亡人數 / 員工`: the measure for the company's staff
    named = bool(bare_child) and some_term_matches(bare_child)
    candidates = [] if total or (named and not names_a_kpi_alone(label)) else [(label, label)]
    for prefix in (*reversed(categories), state.parent, bare_child):
        if prefix and prefix != label:  # a gender's row also before it (`女性` under `僱員總數`: `女性僱員總數`)
            head = clean_label(split_label(prefix)[0])
            candidates += [(head + label, label), *([(label + head, label)] if is_gender(label) else [])]
    subtotal = is_subtotal(label)  # `直接能源消耗` / `汽油` … / `小計`: the section's own total
    if not subtotal and not total:
        return candidates, (context_head, state.section, *categories, state.parent, above)
    # `按渠道劃分的客戶投訴（單位：宗）` over `熱線 | 線上 | … | 總計`: the caption says what the table totals
    titled = "" if subtotal else BREAKDOWN.sub("", context_head.rsplit(" / ", 1)[-1])
    for measure in (*reversed(categories), state.parent, section, state.measure, titled):
        if measure and measure != label:
            candidates.append((clean_label(split_label(measure)[0]), label))
    if total and not (named and some_term_matches(bare_child + label)):
        candidates.append((label, label))
    parts = (context_head, section, *categories, state.parent, state.measure)
    return candidates, tuple(BREAKDOWN.sub("", part) for part in parts)
