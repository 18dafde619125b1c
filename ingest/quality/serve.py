"""The data-quality page and the Great Expectations Data Docs, served by Airflow's own API server
(the plugin in plugins/esg_pages.py), so the Airflow UI links to them: a browser will not follow a
file:// link from an http page. Read-only static files of $ESG_WORKDIR; nothing else is exposed."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ingest.config import Settings

URL_PREFIX = "/esg"


def pages_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="ESG data-quality pages", docs_url=None, redoc_url=None, openapi_url=None)
    pages = {
        "data-quality": settings.dq_report_path.parent,
        "data-docs": settings.data_docs_dir,
    }

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        items = "".join(
            f"<li><a href='{URL_PREFIX}/{name}/'>{name}</a>{'' if folder.is_dir() else ' (not built yet: run the Dags)'}</li>"
            for name, folder in pages.items()
        )
        return f"<!doctype html><title>ESG pages</title><h1>ESG pages</h1><ul>{items}</ul>"

    for name, folder in pages.items():
        app.mount(f"/{name}", StaticFiles(directory=folder, html=True, check_dir=False), name=name)
    return app
