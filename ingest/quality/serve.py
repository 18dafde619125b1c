"""The data-quality page and the Great Expectations Data Docs, served by Airflow's own API server
(the plugin in plugins/esg_pages.py), so the Airflow UI links to them: a browser will not follow a
file:// link from an http page. Read-only static files of $ESG_WORKDIR; nothing else is exposed.

Airflow does not authenticate a plugin's FastAPI app (a mounted app inherits none of the API's
dependencies), so this one does: every request needs the Airflow session a UI login sets (the
`_token` cookie) or an API token (`Authorization: Bearer`), checked by Airflow's own auth manager.
A browser without one is sent to Airflow's login page, and back here after it."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from ingest.config import DATA_DOCS_MOUNT, DQ_PAGE_MOUNT, PAGES_URL_PREFIX, Settings


async def _require_login(request: Request, call_next) -> Response:
    """Serve the request only to a user Airflow's auth manager knows; else to the login page."""
    from airflow.api_fastapi.app import get_auth_manager
    from airflow.api_fastapi.auth.managers.base_auth_manager import COOKIE_NAME_JWT_TOKEN
    from airflow.api_fastapi.core_api.security import resolve_user_from_token

    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    token = credentials if scheme.lower() == "bearer" else request.cookies.get(COOKIE_NAME_JWT_TOKEN)
    try:
        await resolve_user_from_token(token)
    except HTTPException as refused:
        if request.method in ("GET", "HEAD") and not credentials:  # a browser: log in, then come back
            return RedirectResponse(get_auth_manager().get_url_login(next_url=str(request.url)), status_code=303)
        return Response(refused.detail, status_code=refused.status_code)
    return await call_next(request)


def pages_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="ESG data-quality pages", docs_url=None, redoc_url=None, openapi_url=None)
    app.middleware("http")(_require_login)
    pages = {
        DQ_PAGE_MOUNT: settings.dq_report_path.parent,
        DATA_DOCS_MOUNT: settings.data_docs_dir,
    }

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        items = "".join(
            f"<li><a href='{PAGES_URL_PREFIX}/{name}/'>{name}</a>{'' if folder.is_dir() else ' (not built yet: run the Dags)'}</li>"
            for name, folder in pages.items()
        )
        return f"<!doctype html><title>ESG pages</title><h1>ESG pages</h1><ul>{items}</ul>"

    for name, folder in pages.items():
        app.mount(f"/{name}", StaticFiles(directory=folder, html=True, check_dir=False), name=name)
    return app
