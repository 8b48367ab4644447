"""Request-scoped dependencies: the owner, a unit of work, and template rendering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.storage.uow import UnitOfWork
from nextround.web.security import CSRF_COOKIE, csrf_token


def owner_id(request: Request) -> int:
    return int(request.app.state.owner_id)


def get_uow(request: Request) -> Iterator[UnitOfWork]:
    with request.app.state.db.uow(owner_id(request)) as uow:
        yield uow


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           block: str | None = None, status_code: int = 200) -> HTMLResponse:
    """Render a page, or one named block of it for an HTMX swap."""
    templates = request.app.state.templates
    ctx = {"request": request, **(context or {})}
    response: HTMLResponse
    if block:
        response = templates.TemplateResponse(request, template, ctx, block_name=block,
                                              status_code=status_code)
    else:
        response = templates.TemplateResponse(request, template, ctx, status_code=status_code)
    _set_csrf_cookie(request, response)
    return response


def _set_csrf_cookie(request: Request, response: Response) -> None:
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", path="/")


def redirect(request: Request, url: str, flash: str | None = None) -> Response:
    """Answer a successful POST with 303 (or HX-Redirect for HTMX requests)."""
    if flash:
        url = f"{url}{'&' if '?' in url else '?'}flash={flash}"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def template_globals(request: Request) -> dict[str, Any]:
    return {"csrf": csrf_token(request)}
