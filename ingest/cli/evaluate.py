"""Extraction quality against hand-checked gold facts: precision and recall per report, metric and layout.

A gold file has one row per fact (`source_file, fiscal_year, metric_code, reported_value,
reported_unit, value[, note]`); a note that starts `L<line>:` says where the fact stands. The
parser's facts are its primary rows of whole-company scope (a figure the report marks as covering
part of the company is recorded beside the facts, not compared). A wrong value counts as a false
positive and as a missed fact.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ingest.config import REPO_ROOT, REPORT_SUFFIXES
from ingest.land.raw_zone import decode_report
from ingest.read.parser import KpiRow, parse_report
from ingest.read.selection import primary_rows
from ingest.read.text import source_lines

SHARED_DIR = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"
GOLD_PATH = SHARED_DIR / "gold" / "seed_gold_dev.csv"
CORPUS_DIR = SHARED_DIR / "corpus"
CORPUS_GOLD_PATH = CORPUS_DIR / "gold.csv"
LAYOUTS_DIR = REPO_ROOT / "tests" / "fixtures" / "layouts"  # our own invented reports, one layout each
RELATIVE_TOLERANCE = 0.005
_NOTE_LINE = re.compile(r"^L(\d+)\s*:\s*(.*)$")
_TABLE_MARK = re.compile(r"<t[dhr]\b|^\s*\||\t", re.IGNORECASE)


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0


@dataclass(frozen=True)
class GoldFact:
    value: float
    line: int | None
    label: str


@dataclass
class Evaluation:
    overall: Score
    per_report: dict[str, Score]
    per_metric: dict[str, Score]
    per_layout: dict[str, Score]  # layout of the value read (hits, wrong) or of the gold line (missed)
    unmapped_rows: dict[str, int]  # layout -> numeric rows that mapped to no metric
    ungraded_reports: dict[str, int] = field(default_factory=dict)  # report without gold -> facts extracted


def close_enough(value: float, gold: float) -> bool:
    if gold == 0:
        return abs(value) < 1e-9
    return abs(value - gold) <= RELATIVE_TOLERANCE * abs(gold)


def load_gold(path: Path = GOLD_PATH) -> dict[tuple[str, str, int], GoldFact]:
    """(file, metric, fiscal year) -> the gold fact, with its line where the note gives one."""
    facts = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            note = _NOTE_LINE.match(row.get("note") or "")
            facts[(row["source_file"], row["metric_code"], int(row["fiscal_year"]))] = GoldFact(
                value=float(row["value"]),
                line=int(note.group(1)) if note else None,
                label=(note.group(2) if note else row.get("note") or "").strip(),
            )
    return facts


def canonical_facts(rows: list[KpiRow]) -> dict[tuple[str, int], tuple[float, KpiRow]]:
    return {
        (row.metric_code, row.fiscal_year): (row.reported_value * (row.unit_factor or 0.0), row)
        for row in primary_rows(rows)
        if not row.is_partial_scope  # recorded beside the facts, not a whole-company fact
    }


def _line_layout(lines: list[str], line: int | None) -> str:
    if line is None or not 0 < line <= len(lines):
        return "unknown"
    return "table" if _TABLE_MARK.search(lines[line - 1]) else "text"


def report_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES and not path.name.upper().startswith("README")
    )


def evaluate(folder: Path = SEEDS_DIR, gold_path: Path = GOLD_PATH) -> Evaluation:
    gold = load_gold(gold_path)
    graded = {key[0] for key in gold}
    files = sorted(graded | {path.name for path in report_files(folder)})
    evaluation = Evaluation(Score(), defaultdict(Score), defaultdict(Score), defaultdict(Score), {})
    unmapped: Counter[str] = Counter()
    for name in files:
        path = folder / name
        if not path.exists():
            evaluation.per_report[name].errors.append(f"{name}: file not found")
            continue
        text, _ = decode_report(path.read_bytes())
        parsed = parse_report(text, name)
        unmapped.update(row.layout for row in parsed.unmapped)
        predicted = canonical_facts(parsed.rows)
        if name not in graded:
            evaluation.ungraded_reports[name] = len(predicted)
            continue
        lines = source_lines(text)
        expected = {(metric, year): fact for (file, metric, year), fact in gold.items() if file == name}
        for key in sorted(predicted.keys() | expected.keys()):
            _score(evaluation, name, key, predicted.get(key), expected.get(key), lines)
    evaluation.unmapped_rows = dict(unmapped)
    evaluation.per_report = dict(evaluation.per_report)
    evaluation.per_metric = dict(evaluation.per_metric)
    evaluation.per_layout = dict(evaluation.per_layout)
    return evaluation


def _score(
    evaluation: Evaluation,
    name: str,
    key: tuple[str, int],
    got: tuple[float, KpiRow] | None,
    gold: GoldFact | None,
    lines: list[str],
) -> None:
    metric, year = key
    layout = got[1].layout if got else _line_layout(lines, gold.line if gold else None)
    scores = (
        evaluation.overall,
        evaluation.per_report[name],
        evaluation.per_metric[metric],
        evaluation.per_layout[layout],
    )
    where = f"L{gold.line} '{gold.label}'" if gold and gold.line else (f"'{gold.label}'" if gold and gold.label else "")
    if got and gold and close_enough(got[0], gold.value):
        for score in scores:
            score.true_positive += 1
        return
    if got:
        value, row = got
        note = f"{name} {metric} {year}: got {value:g} from L{row.source_line} '{row.raw_label}' ({row.layout})"
        note += f", gold {gold.value:g} at {where}" if gold else ", not in gold"
        for score in scores:
            score.false_positive += 1
            score.false_negative += 1 if gold else 0
            score.errors.append("wrong  " + note)
        return
    if gold is None:
        return
    for score in scores:
        score.false_negative += 1
        score.errors.append(f"missed {name} {metric} {year}: gold {gold.value:g} at {where}")


def _line(name: str, score: Score) -> str:
    return (
        f"{name:<30} {score.precision:9.1%} {score.recall:7.1%} "
        f"{score.true_positive:4d} {score.false_positive:3d} {score.false_negative:3d}"
    )


def format_evaluation(evaluation: Evaluation, title: str = "") -> str:
    header = "scope                          precision  recall   tp  fp  fn"
    lines = [f"== {title}"] if title else []
    overall = evaluation.overall
    lines.append(
        f"precision {overall.precision:.1%}, recall {overall.recall:.1%}: {overall.true_positive} right, "
        f"{overall.false_positive} wrong or not in the gold, {overall.false_negative} missed"
    )
    lines += [header, _line("ALL", evaluation.overall), "", "per file:"]
    lines += [_line(name, score) for name, score in sorted(evaluation.per_report.items())]
    lines += [
        f"{name:<30} no gold: {count} facts extracted" for name, count in sorted(evaluation.ungraded_reports.items())
    ]
    lines += ["", "per layout (of the value read; of the gold line when missed):"]
    lines += [_line(name, score) for name, score in sorted(evaluation.per_layout.items())]
    lines += ["", "per metric:"]
    lines += [_line(name, score) for name, score in sorted(evaluation.per_metric.items())]
    by_layout = ", ".join(f"{layout} {count}" for layout, count in sorted(evaluation.unmapped_rows.items()))
    lines.append(f"\nunmapped numeric rows: {sum(evaluation.unmapped_rows.values())} ({by_layout})")
    lines += ["", "wrong and missed facts:"] + [f"  {error}" for error in evaluation.overall.errors]
    return "\n".join(lines)
