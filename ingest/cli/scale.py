"""`make bench-scale N=…`: N real-size reports through the real pipeline, with per-stage figures.

The reports are made at run time from `../shared/seeds` and `../shared/corpus` (never committed):
report k is source k mod S with its company renamed (k in Chinese digits inside the name), a stock code of its own and its
years shifted back by k // S mod 3, so the warehouse holds N different company-years. Prints the
wall time of every stage, the peak resident memory of this process and of its children (dbt), and
facts per second. A benchmark prints; it asserts nothing.
"""

from __future__ import annotations

import re
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from ingest.config import REPO_ROOT, Settings
from ingest.land.raw_zone import decode_report
from ingest.read.metadata import extract_metadata

SOURCES = (REPO_ROOT.parent / "shared" / "seeds", REPO_ROOT.parent / "shared" / "corpus")
_CJK_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")


def source_texts(folders: tuple[Path, ...] = SOURCES) -> list[tuple[str, str]]:
    """(file name, text) of every report in the source folders."""
    texts = []
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix.lower() in (".txt", ".md", ".html") and path.name.lower() != "readme.md":
                texts.append((path.name, decode_report(path.read_bytes())[0]))
    if not texts:
        raise FileNotFoundError(f"no reports in {', '.join(map(str, folders))} (../shared beside the checkout)")
    return texts


def variant(text: str, name: str, number: int, shift: int) -> str:
    """The report as another company's: a new name and stock code, its years moved back by `shift`."""
    metadata = extract_metadata(text, name)
    if metadata.company_name:
        # a mark inside the name, so its suffix (有限公司) still ends it: 醫脈通… -> 醫脈一二通…
        marked = metadata.company_name[:2] + str(number).translate(_CJK_DIGITS) + metadata.company_name[2:]
        text = text.replace(metadata.company_name, marked)
    if metadata.stock_code:
        text = re.sub(rf"(?<!\d){re.escape(metadata.stock_code)}(?!\d)", f"{80000 + number:05d}", text)
    if shift:
        text = _YEAR.sub(lambda match: str(int(match.group(1)) - shift), text)
    return text


def write_variants(folder: Path, count: int, first: int = 0) -> int:
    """Write reports `first` … `first + count - 1` into `folder`; returns their total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = source_texts()
    total = 0
    for number in range(first, first + count):
        name, text = sources[number % len(sources)]
        shift = (number // len(sources)) % 3
        data = variant(text, name, number, shift).encode("utf-8")
        (folder / f"{number:05d}_{Path(name).stem}{Path(name).suffix}").write_bytes(data)
        total += len(data)
    return total


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_scale(count: int, workers: int | None = None) -> str:
    from ingest import pipeline

    with tempfile.TemporaryDirectory(prefix="esg-scale-") as folder:
        root = Path(folder)
        settings = Settings(landing_dir=root / "landing", workdir=root / "work", warehouse=root / "warehouse.duckdb")
        started = time.perf_counter()
        size = write_variants(settings.landing_dir, count)
        timings: list[tuple[str, float]] = [("make reports", time.perf_counter() - started)]
        memory: dict[str, tuple[float, float]] = {}
        state: dict = {}

        def stage(name: str, step: Callable[[], object]) -> None:
            begun = time.perf_counter()
            state[name] = step()
            timings.append((name, time.perf_counter() - begun))
            # peaks so far, so the stage that raised one shows (the first run's are kept)
            memory.setdefault(name, (_peak_mb(resource.RUSAGE_SELF), _peak_mb(resource.RUSAGE_CHILDREN)))

        def run_pipeline() -> None:
            stage("land", lambda: pipeline.land(settings))
            stage("ingest", lambda: pipeline.ingest_parallel(settings, state["land"]["reports"], workers))
            stage("load", lambda: pipeline.load(settings, state["ingest"]))
            stage("transform (dbt)", lambda: pipeline.transform(settings))
            stage("validate (GX)", lambda: pipeline.validate(settings))
            stage("findings (dbt)", lambda: pipeline.findings(settings))
            stage("publish (page)", lambda: pipeline.publish(settings))

        run_pipeline()
        peak_mb = _peak_mb(resource.RUSAGE_SELF)
        full_run = list(timings)
        write_variants(settings.landing_dir, 1, first=count)
        timings.clear()
        run_pipeline()
        one_more = list(timings)
        timings[:] = full_run
        with duckdb.connect(str(settings.warehouse), read_only=True) as connection:
            facts = connection.execute("select count(*) from marts.fct_metric_observation").fetchone()[0]
            reports = connection.execute("select count(*) from marts.dim_report").fetchone()[0]
            findings = connection.execute("select count(*) from marts.dq_findings").fetchone()[0]
        page_mb = settings.dq_report_path.stat().st_size / 1e6
    pipeline_seconds = sum(seconds for name, seconds in timings if name != "make reports")
    lines = [f"{count} reports, {size / 1e6:.1f} MB of report text; {reports} in dim_report, {facts} facts"]
    lines += [
        f"  {name:<18} {seconds:8.1f} s"
        + (f"  {100 * seconds / pipeline_seconds:5.1f}%" if name != "make reports" else "")
        + (f"  peak so far {memory[name][0]:.0f} MB, children {memory[name][1]:.0f} MB" if name in memory else "")
        for name, seconds in timings
    ]
    lines += [
        f"  {'pipeline total':<18} {pipeline_seconds:8.1f} s  ({pipeline_seconds / count * 1000:.0f} ms per report)",
        f"  facts per second   {facts / pipeline_seconds:8.0f}",
        f"  peak RSS           {peak_mb:8.0f} MB (this process), "
        f"{_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB (largest child: dbt or an ingest worker)",
        f"  data-quality page  {page_mb:8.1f} MB ({findings} findings)",
        f"one more report into that warehouse: {sum(seconds for _, seconds in one_more):.1f} s ("
        + ", ".join(f"{name} {seconds:.1f}" for name, seconds in one_more)
        + ")",
    ]
    return "\n".join(lines)
