"""The file-arrival trigger: new report files in the landing folder start the Dag esg_reports.

An Airflow 3 event trigger (`BaseEventTrigger`), run by the triggerer for the Asset watcher of
`dags/esg_reports.py`. It polls the landing folder with the landing's own rule
(`raw_zone.unlanded_files`) and fires once per new or changed file, after the folder has held still
for one poll, so a report still being copied in is not landed half-written.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from airflow.triggers.base import BaseEventTrigger, TriggerEvent

from ingest.config import Settings
from ingest.land.raw_zone import unlanded_files

Snapshot = dict[str, tuple[int, int]]


def files_to_announce(pending: Snapshot, previous: Snapshot | None, announced: Snapshot) -> Snapshot:
    """The pending files that held still since the last poll and were not announced as they are now."""
    if pending != previous:
        return {}  # something is still arriving: wait for the folder to settle
    return {name: state for name, state in pending.items() if announced.get(name) != state}


class LandingFolderTrigger(BaseEventTrigger):
    """Fires with the names of report files that arrived in the landing folder since the last landing."""

    def __init__(self, landing_dir: str, workdir: str, poke_interval: float = 30.0) -> None:
        super().__init__()
        self.landing_dir = landing_dir
        self.workdir = workdir
        self.poke_interval = poke_interval

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            f"{type(self).__module__}.{type(self).__qualname__}",
            {"landing_dir": self.landing_dir, "workdir": self.workdir, "poke_interval": self.poke_interval},
        )

    def _settings(self) -> Settings:
        """The landing's settings; the rule reads only the landing folder and the index in the workdir."""
        workdir = Path(self.workdir)
        return Settings(landing_dir=Path(self.landing_dir), workdir=workdir, warehouse=workdir / "warehouse.duckdb")

    async def run(self) -> AsyncIterator[TriggerEvent]:
        announced: Snapshot = {}
        previous: Snapshot | None = None
        while True:
            pending = await asyncio.to_thread(unlanded_files, self._settings())
            arrived = files_to_announce(pending, previous, announced)
            if arrived:
                announced.update(arrived)
                self.log.info("%d new report file(s) in %s", len(arrived), self.landing_dir)
                yield TriggerEvent({"files": sorted(arrived)})
            previous = pending
            await asyncio.sleep(self.poke_interval)
