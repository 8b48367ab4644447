"""The Inbox page: upload mail to import, the review queue, and a safe message view."""

from __future__ import annotations

import re
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from nextround.domain.applications import Status
from nextround.errors import NextroundError, UserInputError
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, is_htmx, redirect, render

router = APIRouter()
Uow = Annotated[UnitOfWork, Depends(get_uow)]
MAX_UPLOAD_BYTES = 512 * 1024 * 1024
_LINK = re.compile(r'(<a\b[^>]*\bhref="([^"]*)"[^>]*>)(.*?)</a>', re.DOTALL | re.IGNORECASE)
# The frame's own policy: nothing may load or run; only inline styles for readability.
FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
FRAME_STYLE = (
    "font-family: system-ui, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2430; "
    "margin: 12px; overflow-wrap: anywhere;"
)


def _context(uow: UnitOfWork, **extra: Any) -> dict[str, Any]:
    from nextround.services.ghosting import ghosted_applications, silent_applications
    from nextround.services.review import pending

    apps = sorted(uow.applications.all(), key=lambda a: (a.company.name.lower(), a.role))
    return {
        "proposals": pending(uow, limit=200),
        "pending_count": uow.inbox.pending_count(),
        "messages": uow.inbox.messages(limit=30),
        "message_count": uow.inbox.message_count(),
        "quarantined": uow.inbox.quarantined(limit=20),
        "apps": [(a.id, f"{a.company.name} — {a.role}") for a in apps],
        "statuses": [(s.value, s.label) for s in Status],
        "silent": silent_applications(uow),
        "ghosted": ghosted_applications(uow),
        **extra,
    }


@router.get("/inbox", response_class=HTMLResponse)
def inbox(request: Request, uow: Uow) -> Response:
    return render(request, "inbox/index.html", _context(uow))


async def _save_uploads(request: Request, folder: Path) -> list[Path]:
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_UPLOAD_BYTES:
        raise UserInputError(
            f"The upload is too large ({length // (1024 * 1024)} MB).",
            "Import big archives with `nextround mail import PATH` instead.",
        )
    form = await request.form()
    saved: list[Path] = []
    for n, item in enumerate(form.getlist("files")):
        if isinstance(item, str) or not getattr(item, "filename", None):
            continue
        # Never trust the browser's file name for a path: keep only a safe suffix.
        suffix = ".eml" if str(item.filename).lower().endswith(".eml") else ".mbox"
        target = folder / f"upload-{n}{suffix}"
        with target.open("wb") as out:
            shutil.copyfileobj(item.file, out, 1024 * 1024)
        saved.append(target)
    if not saved:
        raise UserInputError("Choose at least one mbox or .eml file to import.")
    return saved


@router.post("/inbox/import", response_model=None)
async def upload(request: Request, uow: Uow) -> Response:
    from nextround.mail.sources import iter_raw
    from nextround.services.inbox import import_messages

    folder = Path(tempfile.mkdtemp(prefix="nextround-upload-"))
    try:
        try:
            paths = await _save_uploads(request, folder)
        except UserInputError as exc:
            return render(
                request, "inbox/index.html", _context(uow, error=str(exc)), status_code=422
            )
        summary = import_messages(uow, iter_raw(paths))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    flash = (
        f"Read {summary.read} messages: {summary.job_related} job-related, "
        f"{summary.new_proposals} new proposals, {summary.duplicates} duplicates skipped, "
        f"{summary.quarantined} quarantined."
    )
    return redirect(request, "/inbox", flash=quote(flash))


async def _decide(request: Request, uow: UnitOfWork, action: Any, flash: str) -> Response:
    form = await request.form()
    try:
        action({k: v for k, v in form.multi_items() if isinstance(v, str)})
    except NextroundError as exc:
        uow.rollback()
        block = "queue" if is_htmx(request) else None
        return render(request, "inbox/index.html", _context(uow, error=str(exc)), block=block,
                      status_code=422)  # fmt: skip
    uow.commit()
    if is_htmx(request):
        return render(request, "inbox/index.html", _context(uow, notice=flash), block="queue")
    return redirect(request, "/inbox", flash=quote(flash))


@router.post("/inbox/proposals/{proposal_id}/accept", response_model=None)
async def accept(request: Request, proposal_id: int, uow: Uow) -> Response:
    from nextround.services import review

    return await _decide(request, uow, lambda f: review.accept(uow, proposal_id), "Accepted.")


@router.post("/inbox/proposals/{proposal_id}/dismiss", response_model=None)
async def dismiss(request: Request, proposal_id: int, uow: Uow) -> Response:
    from nextround.services import review

    return await _decide(request, uow, lambda f: review.dismiss(uow, proposal_id), "Dismissed.")


@router.post("/inbox/proposals/{proposal_id}/correct", response_model=None)
async def correct(request: Request, proposal_id: int, uow: Uow) -> Response:
    from nextround.services import review

    def act(f: dict[str, str]) -> None:
        app_id = f.get("application_id", "").strip()
        review.correct(
            uow, proposal_id,
            application_id=int(app_id) if app_id.isdigit() else None,
            company=f.get("company", "").strip() or None, role=f.get("role", "").strip() or None,
            status=f.get("status", "").strip() or None,
        )  # fmt: skip

    return await _decide(request, uow, act, "Corrected; this sender is remembered.")


@router.post("/inbox/proposals/accept-all", response_model=None)
async def accept_all(request: Request, uow: Uow) -> Response:
    from nextround.services import review

    def act(f: dict[str, str]) -> None:
        done, skipped = review.accept_all(uow)
        if skipped:
            request.state.skipped = skipped

    return await _decide(request, uow, act, "Accepted every proposal that names a company.")


@router.post("/inbox/proposals/dismiss-all", response_model=None)
async def dismiss_all(request: Request, uow: Uow) -> Response:
    from nextround.services import review

    return await _decide(request, uow, lambda f: review.dismiss_all(uow), "Dismissed them all.")


@router.post("/inbox/ghosted/{app_id}/mark", response_model=None)
async def ghost(request: Request, app_id: int, uow: Uow) -> Response:
    from nextround.services.ghosting import mark_ghosted

    return await _decide(request, uow, lambda f: mark_ghosted(uow, app_id), "Marked ghosted.")


@router.post("/inbox/ghosted/{app_id}/undo", response_model=None)
async def unghost(request: Request, app_id: int, uow: Uow) -> Response:
    from nextround.services.ghosting import undo_ghosted

    return await _decide(request, uow, lambda f: undo_ghosted(uow, app_id), "Ghosted mark undone.")


@router.post("/inbox/ghosted/{app_id}/followed-up", response_model=None)
async def followed_up(request: Request, app_id: int, uow: Uow) -> Response:
    from nextround.services.ghosting import record_follow_up

    return await _decide(
        request, uow, lambda f: record_follow_up(uow, app_id), "Follow-up recorded."
    )


def mark_links(html: str) -> str:
    """Show where each link really leads, next to its text (phishing links hide that)."""

    def one(m: re.Match[str]) -> str:
        host = urlsplit(m.group(2).replace("&amp;", "&")).netloc or m.group(2)[:60]
        return (
            f'{m.group(1)}{m.group(3)}</a><small style="color:#8a5a00"> '
            f"[link to {escape(host)} ↗]</small>"
        )

    return _LINK.sub(one, html)


def frame_document(html: str) -> str:
    """The sanitised email as a standalone document for a sandboxed srcdoc frame."""
    return (
        f'<!doctype html><html><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{FRAME_CSP}">'
        f'<base target="_blank"></head><body style="{FRAME_STYLE}">{html}</body></html>'
    )


@router.get("/inbox/messages/{message_id}", response_class=HTMLResponse)
def message(request: Request, message_id: int, uow: Uow) -> Response:
    from nextround.mail.sanitize import sanitize_html

    msg = uow.inbox.message(message_id)
    app = uow.applications.get(msg.application_id) if msg.application_id else None
    safe = sanitize_html(msg.html) if msg.html else None
    return render(
        request,
        "inbox/message.html",
        {
            "msg": msg,
            "app": app,
            "frame": frame_document(mark_links(safe.html)) if safe else None,
            "blocked": safe.blocked_remote if safe else 0,
        },
    )
