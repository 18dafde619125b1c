"""Airflow plugin: serves the data-quality page and the GX Data Docs under /esg on the API server,
with links in the UI's navigation (logic: ingest/quality/serve.py)."""

from __future__ import annotations

from typing import ClassVar

from airflow.plugins_manager import AirflowPlugin

from ingest.config import DATA_DOCS_MOUNT, DQ_PAGE_MOUNT, PAGES_URL_PREFIX, Settings
from ingest.quality.serve import pages_app


class EsgPagesPlugin(AirflowPlugin):
    name = "esg_pages"
    fastapi_apps: ClassVar[list[dict]] = [
        {"app": pages_app(Settings.from_env()), "url_prefix": PAGES_URL_PREFIX, "name": "ESG pages"}
    ]
    external_views: ClassVar[list[dict]] = [
        {
            "name": "Data-quality page",
            "href": f"{PAGES_URL_PREFIX}/{DQ_PAGE_MOUNT}/",
            "destination": "nav",
            "category": "browse",
        },
        {
            "name": "GX Data Docs",
            "href": f"{PAGES_URL_PREFIX}/{DATA_DOCS_MOUNT}/",
            "destination": "nav",
            "category": "browse",
        },
    ]
