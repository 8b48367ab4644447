"""The app factory: builds the FastAPI app for one set of settings and one database."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import HTTPException, RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2_fragments.fastapi import Jinja2Blocks
from markupsafe import Markup, escape

from nextround.config import Settings
from nextround.errors import NextroundError
from nextround.storage.database import Database
from nextround.web.security import CSRF_FIELD, SecurityHeaders, csrf_protect, csrf_token

HERE = Path(__file__).parent

# Route modules in menu order; an area's module joins the app once it exists.
ROUTE_MODULES = ("home", "applications", "people", "transfer", "inbox", "respond", "reflect",
                 "recover")

# (label, path, module that serves it): the menu shows an entry only when its module loaded.
NAV: tuple[tuple[str, str, str], ...] = (
    ("Today", "/", "home"),
    ("Applications", "/applications", "applications"),
    ("Inbox", "/inbox", "inbox"),
    ("Questions", "/questions", "reflect"),
    ("Stories", "/stories", "reflect"),
    ("Practice", "/practice", "reflect"),
    ("Growth", "/growth", "respond"),
    ("Journal", "/journal", "recover"),
    ("Wins", "/wins", "recover"),
    ("Plan", "/plan", "recover"),
)

# Less frequent pages, in the "More" menu.
MORE_NAV: tuple[tuple[str, str, str], ...] = (
    ("Contacts", "/contacts", "people"),
    ("Companies", "/companies", "people"),
    ("Watch list", "/watch", "respond"),
    ("Profile", "/profile", "people"),
    ("Import & export", "/data", "transfer"),
)


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    database = db or Database(settings.database_url)
    owner = database.ensure_ready()
    app = FastAPI(title="nextround", docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(csrf_protect)])
    app.state.settings = settings
    app.state.db = database
    app.state.owner_id = owner
    templates = Jinja2Blocks(directory=str(HERE / "templates"))
    env = templates.env
    env.globals["csrf_token"] = csrf_token
    env.globals["csrf_input"] = lambda request: Markup(
        f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(request))}">'
    )
    env.globals["settings"] = settings
    env.filters["nl2br"] = lambda text: Markup("<br>".join(escape(text or "").split("\n")))
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    loaded: set[str] = set()
    for name in ROUTE_MODULES:
        module_name = f"nextround.web.routes.{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        app.include_router(module.router)
        loaded.add(name)
    env.globals["nav"] = [(label, path) for label, path, mod in NAV if mod in loaded]
    env.globals["more_nav"] = [(label, path) for label, path, mod in MORE_NAV if mod in loaded]
    _install_error_pages(app)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "") or request.headers.get(
        "hx-request"
    ) == "true"


def _error_page(request: Request, status: int, title: str, message: str,
                hint: str | None = None) -> Any:
    if not _wants_html(request):
        return JSONResponse({"error": message, "hint": hint}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html",
        {"request": request, "status": status, "title": title, "message": message, "hint": hint},
        status_code=status,
    )


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(NextroundError)
    async def on_app_error(request: Request, exc: NextroundError) -> Any:
        return _error_page(request, exc.http_status, "Something needs your attention",
                           exc.message, exc.hint)

    @app.exception_handler(HTTPException)
    async def on_http_error(request: Request, exc: HTTPException) -> Any:
        titles = {404: "Not found", 403: "Not allowed", 405: "Not allowed"}
        message = exc.detail if isinstance(exc.detail, str) else "The request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        return _error_page(request, exc.status_code, titles.get(exc.status_code, "Error"),
                           message)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Any:
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return _error_page(request, 422, "Some values are missing or invalid",
                           f"Check these fields: {fields}.")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> HTMLResponse:
        return HTMLResponse("ok")
