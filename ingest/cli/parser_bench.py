"""Parser throughput (`make bench`): megabytes of report text read per second.

Every report is timed the first time the parser sees it. The parser keeps caches of what it has read
(cells, lines, labels); parsing the same texts again would time those caches, not the parser. So
before each timed pass every cache of `ingest.read` and `ingest.map` is emptied and the parser is
warmed as a long-running worker would be: every rule that takes no argument is built (compiled
patterns, seeds), then the project's own sample reports are parsed (OpenCC, the cells any report
shares), and each measured report is then parsed once.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import resource
import time
from collections.abc import Callable
from pathlib import Path

import ingest.map
import ingest.read
from ingest.cli.evaluate import report_files
from ingest.config import REPO_ROOT
from ingest.land.raw_zone import decode_report
from ingest.read.parser import parse_report

WARM_UP_DIR = REPO_ROOT / "samples"


_LOOP_STEPS = 10_000_000


def machine_speed() -> str:
    """How fast this machine runs Python now (a plain loop, best of 3): the same code's figures vary
    by 1.5x or more between days here, so a figure is compared with others beside this one."""
    best = float("inf")
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for step in range(_LOOP_STEPS):
            total += step
        best = min(best, time.perf_counter() - started)
    return f"machine: a {_LOOP_STEPS:,}-step Python loop takes {best:.2f} s (best of 3; compare figures at like speeds)"


def _caches() -> list[Callable]:
    """The functools caches of the parser's modules (read/ and map/)."""
    found = []
    for package in (ingest.read, ingest.map):
        for module_info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(module_info.name)
            found += [value for value in vars(module).values() if callable(getattr(value, "cache_clear", None))]
    return found


def _texts(folder: Path) -> list[str]:
    """The folder's reports, as the pipeline would decode them (not its README or gold file)."""
    return [decode_report(path.read_bytes())[0] for path in report_files(folder)]


def _first_sight_seconds(texts: list[str], warm_up: list[str]) -> float:
    for cache in _caches():
        cache.cache_clear()
    for cache in _caches():
        if not inspect.signature(cache).parameters:
            cache()  # a compiled pattern or a seed: built once per worker, whatever it reads
    for text in warm_up:
        parse_report(text)
    started = time.perf_counter()
    for text in texts:
        parse_report(text)
    return time.perf_counter() - started


def parser_benchmark(folder: Path, repeat: int) -> str:
    texts = _texts(folder)
    if not texts:
        return f"skipped: no reports in {folder}"
    size_mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    warm_up = _texts(WARM_UP_DIR)
    best = min(_first_sight_seconds(texts, warm_up) for _ in range(repeat))
    number = re.compile(r"\d[\d,]*(?:\.\d+)?")
    regex_best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            sum(1 for _ in number.finditer(text))
        regex_best = min(regex_best, time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return "\n".join(
        [
            f"reports: {len(texts)} in {folder}  bytes: {size_mb:.2f} MB  best of {repeat}",
            f"parser:      {best:.3f} s  {size_mb / best:.2f} MB/s  {len(texts) / best:.1f} reports/s"
            f"  (each report seen once, after a warm-up on {len(warm_up)} other reports)",
            f"bare regex:  {regex_best:.3f} s  {size_mb / regex_best:.2f} MB/s  (number scan over the same text)",
            f"parser / bare regex time ratio: {best / regex_best:.1f}x",
            f"peak RSS: {peak_mb:.0f} MB",
        ]
    )
