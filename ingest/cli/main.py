"""Command line: `python -m ingest <command>`; the same functions the DAG calls."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from ingest.config import Settings


def _summary(_: argparse.Namespace) -> int:
    from ingest.pipeline import summary

    print(summary(Settings.from_env()))
    return 0


def _run_local(_: argparse.Namespace) -> int:
    from ingest.pipeline import run_all

    print(run_all(Settings.from_env()))
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    from ingest.pipeline import restore, withdraw

    settings = Settings.from_env()
    if args.restore:
        if not restore(settings, args.report):
            print(f"{args.report!r} is not withdrawn (give its report id, see raw.withdrawals)", file=sys.stderr)
            return 2
        print(f"restored {args.report}: the next run loads it again")
        return 0
    try:
        withdrawn = withdraw(settings, args.report, args.reason or "")
    except (KeyError, ValueError) as error:
        print(f"nothing withdrawn: {error.args[0]}", file=sys.stderr)
        return 2
    print(f"withdrew {withdrawn['source_file']} ({withdrawn['report_id'][:12]}): the next run drops its facts")
    return 0


def _review(args: argparse.Namespace) -> int:
    from ingest.quality.review import ReviewError, record_review

    try:
        review = record_review(
            Settings.from_env(),
            args.finding_id,
            status=args.status,
            note=args.note or "",
            by=args.by or os.environ.get("USER", ""),
            corrected_value=args.corrected_value,
            corrected_unit=args.corrected_unit,
            reopen=args.reopen,
        )
    except ReviewError as error:
        print(f"nothing recorded: {error}", file=sys.stderr)
        return 2
    correction = f", corrected to {review.corrected_value} {review.corrected_unit}" if review.corrected_value else ""
    print(
        f"{review.finding_id}: {review.status}{correction}, by {review.reviewed_by} (dbt_project/seeds/dq_reviews.csv)"
    )
    print("the next `make run` applies it; commit the seed so the team reviews the decision")
    return 0


def _bench_scale(args: argparse.Namespace) -> int:
    from ingest.cli.parser_bench import machine_speed
    from ingest.cli.scale import run_scale

    print(machine_speed())
    print(run_scale(args.reports, args.workers))
    return 0


def _parse(args: argparse.Namespace) -> int:
    from ingest.land.raw_zone import decode_report
    from ingest.read.parser import parse_report

    text, _ = decode_report(Path(args.file).read_bytes())
    parsed = parse_report(text, Path(args.file).name)
    print(json.dumps(parsed.metadata.as_record(), ensure_ascii=False, default=str))
    for row in parsed.rows if args.all else parsed.observations:
        print(json.dumps(row.as_record(), ensure_ascii=False))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from ingest.cli.evaluate import (
        CORPUS_DIR,
        CORPUS_GOLD_PATH,
        GOLD_PATH,
        LAYOUTS_DIR,
        SEEDS_DIR,
        evaluate,
        format_evaluation,
    )

    if args.corpus or args.gold:
        if not (args.corpus and args.gold):
            print("give both --corpus DIR and --gold CSV", file=sys.stderr)
            return 2
        runs = [(Path(args.corpus), Path(args.gold))]
    else:
        runs = [(SEEDS_DIR, GOLD_PATH), (CORPUS_DIR, CORPUS_GOLD_PATH), (LAYOUTS_DIR, LAYOUTS_DIR / "gold.csv")]
    for folder, gold in runs:
        if not gold.exists() or not folder.is_dir():
            print(f"skipped: {gold} or {folder} not found (the shared folder sits beside the checkout)")
            continue
        print(format_evaluation(evaluate(folder, gold), title=f"{folder} against {gold}"))
        print()
    return 0


def _bench(args: argparse.Namespace) -> int:
    from ingest.cli.evaluate import CORPUS_DIR, SEEDS_DIR
    from ingest.cli.parser_bench import machine_speed, parser_benchmark

    folders = [Path(args.folder)] if args.folder else [SEEDS_DIR, CORPUS_DIR]
    print(machine_speed(), end="\n\n")
    print("\n\n".join(parser_benchmark(folder, args.repeat) for folder in folders))
    return 0


def _bench_warehouse(args: argparse.Namespace) -> int:
    from ingest.cli.benchmark import incremental_benchmark

    print(incremental_benchmark(args.reports))
    return 0


def _generate(args: argparse.Namespace) -> int:
    from ingest.cli.synthetic import write_reports

    paths = write_reports(Path(args.out), range(1, args.count + 1), args.year, vary_years=True)
    print(f"wrote {len(paths)} synthetic reports to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("summary", help="summarise the warehouse after a run").set_defaults(func=_summary)
    commands.add_parser("run-local", help="run every step in this process, without Airflow").set_defaults(
        func=_run_local
    )
    withdraw = commands.add_parser(
        "withdraw", help="take a landed report out of the warehouse (its facts leave on the next run)"
    )
    withdraw.add_argument("report", help="the report's id or landed file name")
    withdraw.add_argument("--reason", help="why (kept in raw.withdrawals)")
    withdraw.add_argument("--restore", action="store_true", help="undo a withdrawal (give the report id)")
    withdraw.set_defaults(func=_withdraw)
    parse = commands.add_parser("parse", help="parse one report file and print its rows as JSON lines")
    parse.add_argument("file")
    parse.add_argument("--all", action="store_true", help="include rows that map to no metric")
    parse.set_defaults(func=_parse)
    evaluation = commands.add_parser(
        "eval", help="precision and recall against the gold facts (default: ../shared seeds and corpus)"
    )
    evaluation.add_argument("--corpus", help="a landing folder of reports")
    evaluation.add_argument("--gold", help="its gold CSV (source_file, fiscal_year, metric_code, ..., value[, note])")
    evaluation.set_defaults(func=_eval)
    warehouse_bench = commands.add_parser(
        "bench-warehouse", help="dbt build cost of one new report: incremental against a full rebuild"
    )
    warehouse_bench.add_argument("--reports", type=int, default=200)
    warehouse_bench.set_defaults(func=_bench_warehouse)
    scale = commands.add_parser(
        "bench-scale", help="N real-size reports (from ../shared) through the pipeline: per-stage time and memory"
    )
    scale.add_argument("--reports", type=int, default=1000)
    scale.add_argument("--workers", type=int, help="ingest processes (default: the CPU count)")
    scale.set_defaults(func=_bench_scale)
    review = commands.add_parser(
        "review", help="record a decision on a data-quality finding (seed dq_reviews.csv; the next run applies it)"
    )
    review.add_argument("finding_id", help="marts.dq_findings.finding_id, as the data-quality page shows it")
    review.add_argument("--status", choices=["explained", "confirmed", "false_alarm"])
    review.add_argument("--note", help="why: the next reviewer reads it")
    review.add_argument("--corrected-value", help="the value that should count instead (with --corrected-unit)")
    review.add_argument("--corrected-unit", help="its unit, e.g. 噸 or tCO2e (seed unit_factors.csv)")
    review.add_argument("--reopen", action="store_true", help="withdraw the decision: the finding is open again")
    review.add_argument("--by", help="who decides (default: $USER)")
    review.set_defaults(func=_review)
    generate = commands.add_parser("generate", help="write synthetic reports of fictional companies")
    generate.add_argument("--count", type=int, default=200)
    generate.add_argument("--year", type=int, default=2024)
    generate.add_argument("--out", required=True)
    generate.set_defaults(func=_generate)
    bench = commands.add_parser("bench", help="parser throughput on ../shared/seeds")
    bench.add_argument("--folder")
    bench.add_argument("--repeat", type=int, default=5)
    bench.set_defaults(func=_bench)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
