"""The file-arrival trigger's rule, on real files: what counts as new, when a folder has settled,
and that a file is announced once. The trigger firing a Dag run under a real triggerer and
scheduler is in tests/test_celery.py."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from ingest.config import Settings
from ingest.land.arrival import LandingFolderTrigger, files_to_announce
from ingest.land.raw_zone import land_files, unlanded_files

REPORT = "環境、社會及管治報告\n本集團於2023年的溫室氣體排放總量為1,234噸二氧化碳當量。\n"


def settings_for(tmp_path: Path) -> Settings:
    landing = tmp_path / "landing"
    landing.mkdir(exist_ok=True)
    return Settings(landing_dir=landing, workdir=tmp_path / "work", warehouse=tmp_path / "work" / "w.duckdb")


def test_landed_files_are_not_pending_and_a_replaced_file_is(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    (settings.landing_dir / "a.txt").write_text(REPORT, "utf-8")
    (settings.landing_dir / ".partial.txt").write_text(REPORT, "utf-8")
    assert set(unlanded_files(settings)) == {"a.txt"}, "hidden files (copies in progress) are not reports yet"
    land_files(settings)
    assert unlanded_files(settings) == {}
    (settings.landing_dir / "b.txt").write_text(REPORT.replace("1,234", "2,345"), "utf-8")
    path = settings.landing_dir / "a.txt"
    path.write_text(REPORT + "\n", "utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert set(unlanded_files(settings)) == {"a.txt", "b.txt"}


def test_a_file_is_announced_once_and_only_after_the_folder_settles() -> None:
    first = {"a.txt": (10, 1)}
    assert files_to_announce(first, None, {}) == {}, "first sight: wait one poll"
    assert files_to_announce(first, first, {}) == first
    assert files_to_announce(first, first, dict(first)) == {}, "announced already"
    grown = {"a.txt": (20, 2)}
    assert files_to_announce(grown, first, dict(first)) == {}, "still being written"
    assert files_to_announce(grown, grown, dict(first)) == grown, "changed since its announcement"


def test_the_trigger_fires_for_new_files_and_not_again(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    trigger = LandingFolderTrigger(str(settings.landing_dir), str(settings.workdir), poke_interval=0.05)

    async def first_events(count: int, after: float) -> list[dict]:
        events, stream = [], trigger.run()

        async def drop_a_file_later() -> None:
            await asyncio.sleep(0.1)
            (settings.landing_dir / "new.txt").write_text(REPORT, "utf-8")

        dropper = asyncio.create_task(drop_a_file_later())
        try:
            async with asyncio.timeout(after):
                async for event in stream:
                    events.append(event.payload)
                    if len(events) == count:
                        break
        except TimeoutError:
            pass
        await dropper
        await stream.aclose()
        return events

    events = asyncio.run(first_events(count=2, after=1.5))
    assert events == [{"files": ["new.txt"]}], "one event for one new file, however long it waits"
