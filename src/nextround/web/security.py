"""CSRF protection (token in a cookie, echoed in forms and HTMX headers) and safe headers."""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "nr_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; child-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}


def csrf_token(request: Request) -> str:
    """The token for this browser: the cookie's, or a new one set on the response."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token or len(token) < 32:
        token = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


async def csrf_protect(request: Request) -> None:
    """Dependency on every route: unsafe methods need the cookie's token and our origin."""
    if request.method not in UNSAFE:
        return
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin:
        host = urlsplit(origin).netloc
        if host and host != request.headers.get("host"):
            raise HTTPException(403, "Cross-site request refused.")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if "form" in content_type:
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not cookie or not sent or not hmac.compare_digest(cookie, sent):
        raise HTTPException(403, "This form has expired. Reload the page and try again.")


class SecurityHeaders:
    """Pure ASGI middleware: security headers on every response, no-store on pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_static = scope.get("path", "").startswith("/static/")

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for key, value in HEADERS.items():
                    if key not in present:
                        headers.append((key, value))
                if not is_static and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, wrapped)
