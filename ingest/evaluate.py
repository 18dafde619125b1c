"""Extraction quality against hand-checked gold facts: precision and recall per report and metric."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ingest.config import REPO_ROOT
from ingest.landing import decode_report
from ingest.parser import KpiRow, parse_report
from ingest.selection import primary_rows

SHARED_DIR = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"
GOLD_PATH = SHARED_DIR / "gold" / "seed_gold_dev.csv"
RELATIVE_TOLERANCE = 0.005


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


@dataclass
class Evaluation:
    overall: Score
    per_report: dict[str, Score]
    per_metric: dict[str, Score]
    unmapped_rows: dict[str, int]  # layout -> numeric rows that mapped to no metric
    ungraded_reports: dict[str, int] = field(default_factory=dict)  # seed without gold -> facts extracted


def close_enough(value: float, gold: float) -> bool:
    if gold == 0:
        return abs(value) < 1e-9
    return abs(value - gold) <= RELATIVE_TOLERANCE * abs(gold)


def load_gold(path: Path = GOLD_PATH) -> dict[tuple[str, str, int], float]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            (row["source_file"], row["metric_code"], int(row["fiscal_year"])): float(row["value"])
            for row in csv.DictReader(handle)
        }


def canonical_facts(rows: list[KpiRow]) -> dict[tuple[str, int], tuple[float, KpiRow]]:
    return {
        (row.metric_code, row.fiscal_year): (row.reported_value * (row.unit_factor or 0.0), row)
        for row in primary_rows(rows)
        if not row.is_partial_scope  # recorded beside the facts, not a whole-company fact
    }


def evaluate(seeds_dir: Path = SEEDS_DIR, gold_path: Path = GOLD_PATH) -> Evaluation:
    gold = load_gold(gold_path)
    graded = {key[0] for key in gold}
    files = sorted(graded | {path.name for path in seeds_dir.iterdir() if path.is_file()})
    overall = Score()
    per_report: dict[str, Score] = defaultdict(Score)
    per_metric: dict[str, Score] = defaultdict(Score)
    unmapped: Counter[str] = Counter()
    ungraded: dict[str, int] = {}
    for name in files:
        text, _ = decode_report((seeds_dir / name).read_bytes())
        parsed = parse_report(text)
        unmapped.update(row.layout for row in parsed.unmapped)
        predicted = canonical_facts(parsed.rows)
        if name not in graded:
            ungraded[name] = len(predicted)
            continue
        expected = {(metric, year): value for (file, metric, year), value in gold.items() if file == name}
        for key in predicted.keys() | expected.keys():
            scores = (overall, per_report[name], per_metric[key[0]])
            if key in predicted and key in expected and close_enough(predicted[key][0], expected[key]):
                outcome = "true_positive"
            elif key in predicted:
                outcome = "false_positive"
                value, row = predicted[key]
                note = f"{name} {key}: got {value:g} from line {row.source_line} '{row.raw_label}'"
                note += f", gold {expected[key]:g}" if key in expected else ", not in gold"
                for score in scores:
                    score.errors.append(note)
                if key in expected:  # a wrong value is also a missed fact
                    for score in scores:
                        score.false_negative += 1
            else:
                outcome = "false_negative"
                for score in scores:
                    score.errors.append(f"{name} {key}: missing, gold {expected[key]:g}")
            for score in scores:
                setattr(score, outcome, getattr(score, outcome) + 1)
    return Evaluation(overall, dict(per_report), dict(per_metric), dict(unmapped), ungraded)


def format_evaluation(evaluation: Evaluation) -> str:
    lines = ["scope                          precision  recall   tp  fp  fn"]

    def line(name: str, score: Score) -> str:
        return (
            f"{name:<30} {score.precision:9.1%} {score.recall:7.1%} "
            f"{score.true_positive:4d} {score.false_positive:3d} {score.false_negative:3d}"
        )

    lines.append(line("ALL", evaluation.overall))
    lines += [line(name, score) for name, score in sorted(evaluation.per_report.items())]
    lines += [
        f"{name:<30} no gold: {count} facts extracted" for name, count in sorted(evaluation.ungraded_reports.items())
    ]
    lines += [line(name, score) for name, score in sorted(evaluation.per_metric.items())]
    by_layout = ", ".join(f"{layout} {count}" for layout, count in sorted(evaluation.unmapped_rows.items()))
    lines.append(f"unmapped numeric rows: {sum(evaluation.unmapped_rows.values())} ({by_layout})")
    lines += ["", "errors:"] + [f"  {error}" for error in evaluation.overall.errors]
    return "\n".join(lines)
