"""Row label (+ its section context and unit) -> core metric code, by the label_rules seed."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.reference import label_rules, metrics
from ingest.text import fold
from ingest.units import conversion_factor

_IMPLIED_UNIT_FACTOR = {"persons": 1.0, "count": 1.0}


@dataclass(frozen=True)
class MetricMatch:
    metric_code: str
    unit_factor: float
    priority: int


def map_label(label: str, context: str, unit: str | None) -> MetricMatch | None:
    """The first rule whose label and context patterns match and whose metric's unit fits the row's.

    The unit check is what keeps `受訓員工中女性占比 %` from being a headcount, and lets one label
    (`排放密度`) map by its unit to a per-revenue or a per-employee intensity.
    A value printed without a unit may still be a count (`員工總數 742`): persons and counts are the
    only metrics that accept it.
    """
    folded_label = fold(label)
    folded_context = fold(context)
    best: MetricMatch | None = None
    for rule in label_rules():
        if not rule.label_includes.search(folded_label):
            continue
        if rule.label_excludes and rule.label_excludes.search(folded_label):
            continue
        if rule.context_includes and not rule.context_includes.search(folded_context + folded_label):
            continue
        if rule.context_excludes and rule.context_excludes.search(folded_context):
            continue
        canonical = metrics()[rule.metric_code].canonical_unit
        factor = conversion_factor(unit, canonical) if unit else _IMPLIED_UNIT_FACTOR.get(canonical)
        if factor is None:
            continue
        if best is None or rule.priority < best.priority:
            best = MetricMatch(rule.metric_code, factor, rule.priority)
    return best
