"""Where a run reads and writes. One place, so the DAG, the CLI and the tests agree."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"

# Files above this size are quarantined rather than parsed (real reports are < 1 MB of text).
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# How often the triggerer looks for new files in the landing folder (the file-arrival trigger).
DEFAULT_LANDING_POLL_SECONDS = 30.0
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")
# Where Airflow's API server serves the pages (plugin esg_pages): /esg/data-quality/, /esg/data-docs/.
PAGES_URL_PREFIX = "/esg"
DQ_PAGE_MOUNT = "data-quality"
DATA_DOCS_MOUNT = "data-docs"


@dataclass(frozen=True)
class Settings:
    landing_dir: Path
    workdir: Path
    warehouse: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    landing_poll_seconds: float = DEFAULT_LANDING_POLL_SECONDS

    @property
    def raw_dir(self) -> Path:
        return self.workdir / "raw"

    @property
    def quarantine_dir(self) -> Path:
        return self.workdir / "quarantine"

    @property
    def staging_dir(self) -> Path:
        return self.workdir / "staging"

    @property
    def data_docs_dir(self) -> Path:
        """Where GX's file context builds its local Data Docs site."""
        return self.gx_dir / "gx" / "uncommitted" / "data_docs" / "local_site"

    @property
    def dq_report_path(self) -> Path:
        return self.workdir / "dq_report" / "index.html"

    @property
    def gx_dir(self) -> Path:
        return self.workdir / "gx"

    @property
    def dbt_target_dir(self) -> Path:
        return self.workdir / "dbt_target"

    @classmethod
    def from_env(cls) -> Settings:
        workdir = Path(os.environ.get("ESG_WORKDIR", REPO_ROOT / ".work")).resolve()
        return cls(
            landing_dir=Path(os.environ.get("ESG_LANDING_DIR", REPO_ROOT / "samples")).resolve(),
            workdir=workdir,
            warehouse=Path(os.environ.get("ESG_WAREHOUSE", workdir / "warehouse.duckdb")).resolve(),
            max_file_bytes=int(os.environ.get("ESG_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES)),
            landing_poll_seconds=float(os.environ.get("ESG_LANDING_POLL_SECONDS", DEFAULT_LANDING_POLL_SECONDS)),
        )
