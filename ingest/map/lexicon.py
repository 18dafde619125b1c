"""Label (+ its context and unit) -> core metric code, by the label lexicon.

The lexicon (`dbt_project/seeds/label_lexicon.csv`) lists each metric's terms: literal terms in
Traditional, Simplified and English (`exact`), and `pattern`s over the normalised label for the
grammar of a family of labels (`範圍一溫室氣體排放` … `直接排放量(范围一)`). `label_exclusions.csv`
names the look-alikes (withdrawal for consumption, general industrial waste, scope-3-inclusive totals,
topic training, subsidiaries, …) that block a metric whatever term matched. A term may require its
context (the table caption, section or parent row) to say what a bare label means (`女性` under
`按性別劃分`). Adding a synonym is one row of the CSV.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ingest.map.normalize import canonical_words, normalize_label
from ingest.map.pattern_start import first_chars
from ingest.map.reference import metrics, read_seed
from ingest.map.units import COUNTED_UNITS, conversion_factor
from ingest.read.memo import memo
from ingest.read.text import fold

_IMPLIED_UNIT_FACTOR = dict.fromkeys(COUNTED_UNITS, 1.0)


@dataclass(frozen=True)
class Entry:
    metric_code: str
    term: str  # normalised (exact) or a regex over the normalised label (pattern)
    pattern: re.Pattern[str] | None
    requires_context: re.Pattern[str] | None
    table_excludes: re.Pattern[str] | None
    priority: int


@dataclass(frozen=True)
class Exclusions:
    label: re.Pattern[str] | None
    context: re.Pattern[str] | None
    unit: re.Pattern[str] | None


@dataclass(frozen=True)
class MetricMatch:
    metric_code: str
    unit_factor: float
    priority: int
    table_excludes: re.Pattern[str] | None = None


def _compile(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


@cache
def lexicon() -> tuple[dict[str, list[Entry]], tuple[Entry, ...]]:
    """(normalised exact term -> entries, pattern entries), read once."""
    exact: dict[str, list[Entry]] = defaultdict(list)
    patterns: list[Entry] = []
    for row in read_seed("label_lexicon.csv"):
        is_pattern = row["match"] == "pattern"
        entry = Entry(
            metric_code=row["metric_code"],
            term=row["term"] if is_pattern else normalize_label(row["term"]),
            pattern=re.compile(row["term"]) if is_pattern else None,
            requires_context=_compile(row["requires_context"]),
            table_excludes=_compile(fold(row["table_excludes"])),
            priority=int(row["priority"] or 1),
        )
        if is_pattern:
            patterns.append(entry)
        else:
            exact[entry.term].append(entry)
    return dict(exact), tuple(patterns)


@cache
def exclusions() -> dict[str, Exclusions]:
    """metric code (or `*`) -> one pattern over labels and one over contexts."""
    terms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in read_seed("label_exclusions.csv"):
        terms[(row["metric_code"], row["applies_to"])].append(f"(?:{row['term']})")
    codes = {code for code, _ in terms}
    return {
        code: Exclusions(
            label=_compile("|".join(terms.get((code, "label"), []))),
            context=_compile("|".join(terms.get((code, "context"), []))),
            unit=_compile("|".join(terms.get((code, "unit"), []))),
        )
        for code in codes
    }


def _excluded(code: str, label: str, context: str, unit: str) -> bool:
    for key in ("*", code):
        rule = exclusions().get(key)
        if rule is None:
            continue
        if rule.label and rule.label.search(label):
            return True
        if rule.context and rule.context.search(context):
            return True
        if rule.unit and unit and rule.unit.search(unit):
            return True
    return False


def label_excluded(code: str, label: str) -> bool:
    """Whether a label as printed is one the metric's label exclusions rule out."""
    return _excluded(code, normalize_label(label), "", "")


@cache
def _patterns_by_first_char() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """(character -> the pattern entries a match may start with it, entries that may start with any)."""
    by_char: dict[str, list[int]] = defaultdict(list)
    anywhere: list[int] = []
    for position, entry in enumerate(lexicon()[1]):
        chars = first_chars(entry.pattern) if entry.pattern else None
        for char in chars if chars is not None else ():
            by_char[char].append(position)
        if chars is None:
            anywhere.append(position)
    return {char: tuple(positions) for char, positions in by_char.items()}, tuple(anywhere)


@memo
def matching_entries(label: str) -> tuple[Entry, ...]:
    """Every lexicon entry whose term matches the normalised label (before context and unit).

    Only the patterns a match of which could start with one of the label's characters are tried
    (a few of the lexicon's patterns, for most labels), in the lexicon's order."""
    exact, patterns = lexicon()
    by_char, anywhere = _patterns_by_first_char()
    candidates = set(anywhere).union(*(by_char.get(char, ()) for char in set(label)))
    found = list(exact.get(label, ()))
    for entry in map(patterns.__getitem__, sorted(candidates)):
        if entry.pattern and entry.pattern.search(label):
            found.append(entry)
    return tuple(found)


def some_term_matches(label: str) -> bool:
    """Whether any lexicon term matches the label: a label none matches maps to nothing, whatever its
    context and unit, so a reader need not build the context (the lines above a figure) for it."""
    normalized = normalize_label(label)
    return bool(normalized and matching_entries(normalized))


def names_a_kpi_alone(label: str) -> bool:
    """Whether some lexicon term names the label's KPI whatever its context (`耗水量`; not `密度`, which
    names one only under a heading that says of what)."""
    normalized = normalize_label(label)
    return bool(normalized) and any(entry.requires_context is None for entry in matching_entries(normalized))


# `B3.1 按性別及僱員類別劃分的受訓僱員百分比`, `按性別…劃分，每名僱員完成受訓的平均時數` (folded): an HKEX KPI's
# title names the breakdowns it asks for before the KPI itself; the figure under it is the KPI's total,
# not one part (a breakdown heading, `按性別劃分：`, names nothing after it)
_KPI_TITLE = re.compile(r"按[^/:;。]{1,20}?划分(?:的|,)(?=[\u4e00-\u9fff])")


@memo
def map_label(label: str, context: str, unit: str | None, table_labels: str = "") -> MetricMatch | None:
    """The best-priority entry whose term, context and exclusions fit, and whose metric's unit fits the row's.

    The unit check is what keeps `受訓員工中女性占比 %` from being a headcount, and lets one label
    (`排放密度`) map by its unit to a per-revenue or a per-employee intensity. A value printed without
    a unit may still be a count (`員工總數 742`): persons and counts are the only metrics that accept it.
    """
    normalized = normalize_label(label)
    if not normalized:
        return None
    folded_context: str | None = None  # folded only for a label some term matches: most match none
    best: MetricMatch | None = None
    for entry in matching_entries(normalized):
        if best is not None and entry.priority >= best.priority:
            continue
        if folded_context is None:
            folded_context = _KPI_TITLE.sub("", canonical_words(fold(context)))
        # the unit is context too: `排放密度` in 噸二氧化碳當量 is a GHG intensity
        if entry.requires_context and not entry.requires_context.search(
            f"{fold(unit or '')} / {folded_context}{normalized}"
        ):
            continue
        if _excluded(entry.metric_code, normalized, folded_context, fold(unit or "")):
            continue
        if entry.table_excludes and entry.table_excludes.search(table_labels):
            continue
        canonical = metrics()[entry.metric_code].canonical_unit
        factor = conversion_factor(unit, canonical) if unit else _IMPLIED_UNIT_FACTOR.get(canonical)
        if factor is None:
            continue
        best = MetricMatch(entry.metric_code, factor, entry.priority, entry.table_excludes)
    return best
