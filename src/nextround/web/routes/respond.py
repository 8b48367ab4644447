"""Respond pages: the reply composer with live preview, .eml download, sending, growth, watch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from nextround.domain.reply_context import (
    LANGUAGES,
    PARTS,
    PROPOSAL_KINDS,
    TONES,
    Draft,
    DraftOptions,
    Language,
    ProposalKind,
    Tone,
)
from nextround.errors import UserInputError
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, is_htmx, redirect, render

router = APIRouter()
Uow = Annotated[UnitOfWork, Depends(get_uow)]

KINDS = ("reply", "followup", "close", "thanks")
KIND_LABELS = {"reply": "Reply to the rejection", "followup": "Follow-up after silence",
               "close": "Closing the loop", "thanks": "Thank-you note"}  # fmt: skip

_Choice = TypeVar("_Choice", bound=str)


@dataclass(frozen=True)
class Choices:
    """What the user picked in the composer; read from query or form values."""

    kind: str = "reply"
    parts: tuple[str, ...] | None = None
    proposal: ProposalKind | None = None
    tone: Tone = "warm"
    language: Language | None = None
    variant: int = 0
    round_id: int | None = None
    limit: int = 300

    @classmethod
    def read(cls, values: Any) -> Choices:
        def one(name: str, allowed: tuple[_Choice, ...]) -> _Choice | None:
            value = str(values.get(name) or "").strip()
            return next((option for option in allowed if option == value), None)

        raw_parts = [str(p) for p in values.getlist("parts")] if hasattr(values, "getlist") else []
        parts = tuple(p for p in PARTS if p in raw_parts) or None
        return cls(
            kind=one("kind", KINDS) or "reply",
            parts=parts if values.get("custom") else None,
            proposal=one("proposal", PROPOSAL_KINDS),
            tone=one("tone", TONES) or "warm",
            language=one("lang", LANGUAGES),
            variant=_int(values.get("variant"), 0, 0, 10_000) or 0,
            round_id=_int(values.get("round"), None, 1, 2**31),
            limit=300 if str(values.get("limit") or "300") != "200" else 200,
        )

    def query(self, **changes: Any) -> str:
        values: list[tuple[str, Any]] = [("kind", self.kind), ("tone", self.tone),
                                          ("variant", self.variant), ("limit", self.limit)]
        if self.language:
            values.append(("lang", self.language))
        if self.proposal:
            values.append(("proposal", self.proposal))
        if self.round_id:
            values.append(("round", self.round_id))
        if self.parts is not None:
            values.append(("custom", "1"))
            values.extend(("parts", p) for p in self.parts)
        values = [(k, v) for k, v in values if k not in changes]
        values.extend((k, v) for k, v in changes.items() if v is not None)
        return urlencode(values)


def _int(value: Any, default: int | None, low: int, high: int) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def _draft(uow: UnitOfWork, app_id: int, choices: Choices) -> tuple[Draft, Any, int | None]:
    from nextround.services import replies

    options = DraftOptions(
        parts=choices.parts, proposal=choices.proposal,
        tone=choices.tone, language=choices.language or replies.default_language(uow),
        variant=choices.variant,
    )  # fmt: skip
    if choices.kind == "thanks":
        rounds = uow.interviews.list(app_id)
        if not rounds:
            raise UserInputError("A thank-you note needs an interview round on this application.",
                                 hint="Add the round first.")
        chosen = next((r for r in rounds if r.id == choices.round_id), rounds[-1])
        draft, ctx, _ = replies.thanks_for_interview(uow, chosen.id, options)
        return draft, ctx, chosen.id
    if choices.kind in ("followup", "close"):
        step = 1 if choices.kind == "followup" else 2
        draft, ctx = replies.followup_for_application(uow, app_id, options, step)
        return draft, ctx, None
    draft, ctx = replies.draft_for_application(uow, app_id, options)
    return draft, ctx, None


def _compose_context(
    uow: UnitOfWork, app_id: int, choices: Choices, htmx: bool = False
) -> dict[str, Any]:
    from nextround.mail.compose import mailto_link
    from nextround.mail.smtp import account_from_env
    from nextround.services.linkedin import note_for_contact

    app = uow.applications.get(app_id)
    draft, ctx, round_id = _draft(uow, app_id, choices)
    try:
        mailto = mailto_link(draft, ctx.thread if draft.kind != "thanks_note" else None)
    except UserInputError:
        mailto = None
    notes = []
    for contact, _ in uow.applications.contacts(app_id):
        note = note_for_contact(uow, contact.id, limit=choices.limit, app_id=app_id,
                                language=choices.language, variant=choices.variant)
        notes.append({"contact": contact, "note": note})
    linked = {c.id for c, _ in uow.applications.contacts(app_id)}
    for iv in uow.interviews.list(app_id):
        for person in uow.interviews.interviewers(iv.id):
            if person.id not in linked:
                linked.add(person.id)
                note = note_for_contact(uow, person.id, limit=choices.limit, app_id=app_id,
                                        language=choices.language, variant=choices.variant)
                notes.append({"contact": person, "note": note})
    return {
        "app": app, "draft": draft, "choices": choices, "round_id": round_id,
        "rounds": uow.interviews.list(app_id), "mailto": mailto, "notes": notes,
        "can_send": account_from_env() is not None, "kinds": KIND_LABELS, "parts": PARTS,
        "tones": TONES, "proposals": PROPOSAL_KINDS,
        "query": choices.query(),
        "next_variant": choices.query(variant=choices.variant + 1), "htmx": htmx,
    }  # fmt: skip


@router.get("/applications/{app_id}/respond", response_class=HTMLResponse)
def compose(request: Request, app_id: int, uow: Uow) -> HTMLResponse:
    choices = Choices.read(request.query_params)
    return render(request, "respond/compose.html", _compose_context(uow, app_id, choices))


@router.get("/applications/{app_id}/respond/preview", response_class=HTMLResponse)
def preview(request: Request, app_id: int, uow: Uow) -> HTMLResponse:
    choices = Choices.read(request.query_params)
    context = _compose_context(uow, app_id, choices, htmx=is_htmx(request))
    return render(request, "respond/compose.html", context, block="preview")


@router.get("/applications/{app_id}/respond.eml")
def download_eml(request: Request, app_id: int, uow: Uow) -> Response:
    from nextround.mail.compose import eml_bytes
    from nextround.services.replies import message_for

    draft, ctx, _ = _draft(uow, app_id, Choices.read(request.query_params))
    msg = message_for(uow, draft, ctx, require_recipient=False)
    # A fixed, server-chosen file name: nothing the user typed reaches the header.
    return Response(eml_bytes(msg), media_type="message/rfc822", headers={
        "Content-Disposition": f'attachment; filename="reply-{app_id}.eml"'})


@router.post("/applications/{app_id}/respond/send", response_model=None)
async def send(request: Request, app_id: int, uow: Uow) -> Response:
    from nextround.errors import ConfigError
    from nextround.mail.smtp import account_from_env, resolve_password
    from nextround.services.replies import send_draft

    form = await request.form()
    choices = Choices.read(form)
    account = account_from_env()
    if account is None:
        raise ConfigError("No SMTP account is set up for sending.",
                          hint="Set NEXTROUND_SMTP_HOST and restart, or download the .eml.")
    draft, ctx, round_id = _draft(uow, app_id, choices)
    recorded, accepted = send_draft(uow, app_id, draft, ctx, account=account,
                                    password=resolve_password(account), interview_id=round_id)
    uow.commit()
    follow = f" A follow-up reminder is set for {recorded.reminder_due}." if \
        recorded.reminder_due else ""
    return redirect(request, f"/applications/{app_id}",
                    flash=f"Sent to {', '.join(accepted)}.{follow}")


@router.post("/contacts/{contact_id}/linkedin", response_model=None)
async def save_linkedin(request: Request, contact_id: int, uow: Uow) -> Response:
    from nextround.services.linkedin import set_linkedin

    form = await request.form()
    url = str(form.get("url") or "").strip()
    set_linkedin(uow, contact_id, url=url, status=str(form.get("status") or "none"))
    uow.commit()
    target = str(form.get("next") or "")
    # Only a path of this site: never an address someone else chose.
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/contacts"
    return redirect(request, target, flash="LinkedIn details saved.")


@router.post("/applications/{app_id}/respond/mark-sent", response_model=None)
async def mark_sent(request: Request, app_id: int, uow: Uow) -> Response:
    """The user sent the draft from their own mail program: note it and set the reminder."""
    from nextround.services.replies import record_sent

    form = await request.form()
    draft, _, round_id = _draft(uow, app_id, Choices.read(form))
    recorded = record_sent(uow, app_id, draft, message_id=None, channel="manual",
                           interview_id=round_id)
    uow.commit()
    follow = f" A follow-up reminder is set for {recorded.reminder_due}." if \
        recorded.reminder_due else ""
    return redirect(request, f"/applications/{app_id}", flash=f"Noted as sent.{follow}")


# -- growth areas --------------------------------------------------------------------------

@router.get("/growth", response_class=HTMLResponse)
def growth(request: Request, uow: Uow) -> HTMLResponse:
    from nextround.services.feedback import (
        ACTION_KINDS,
        ACTION_STATUSES,
        collect_feedback,
        growth_areas,
    )

    # Answers to the user's own messages that name growth areas join by themselves.
    collected = collect_feedback(uow)
    uow.commit()
    apps = [(a.id, f"{a.role} at {a.company.name}") for a in uow.applications.all()]
    return render(request, "respond/growth.html", {
        "areas": growth_areas(uow), "apps": apps, "action_kinds": ACTION_KINDS,
        "statuses": ACTION_STATUSES, "error": None, "collected": collected,
    })  # fmt: skip


@router.post("/feedback", response_model=None)
async def add_feedback(request: Request, uow: Uow) -> Response:
    from nextround.services.feedback import add_feedback as add

    form = await request.form()
    app_id = _int(form.get("application_id"), None, 1, 2**31)
    if app_id is None:
        raise UserInputError("Choose the application the feedback is about.")
    received = str(form.get("received_on") or "").strip()
    try:
        day = date.fromisoformat(received) if received else None
    except ValueError:
        raise UserInputError(f"{received!r} is not a date (YYYY-MM-DD).") from None
    feedback_id, areas = add(uow, app_id, str(form.get("text") or ""), received_on=day)
    uow.commit()
    found = f" It names {len(areas)} growth area(s)." if areas else ""
    return redirect(request, "/growth", flash=f"Feedback #{feedback_id} saved.{found}")


@router.post("/growth/actions", response_model=None)
async def add_action(request: Request, uow: Uow) -> Response:
    from nextround.services.feedback import add_action as add

    form = await request.form()
    add(uow, str(form.get("area") or ""), str(form.get("kind") or ""),
        str(form.get("title") or ""))
    uow.commit()
    return redirect(request, "/growth", flash="Action added.")


@router.post("/growth/actions/{action_id}/status", response_model=None)
async def action_status(request: Request, action_id: int,
                        uow: Uow) -> Response:
    from nextround.services.feedback import set_action_status

    form = await request.form()
    set_action_status(uow, action_id, str(form.get("status") or ""))
    uow.commit()
    return redirect(request, "/growth", flash="Action updated.")


# -- watch list ----------------------------------------------------------------------------

@router.get("/watch", response_class=HTMLResponse)
def watch_page(request: Request, uow: Uow) -> HTMLResponse:
    from nextround.services.watch import refresh, watch_list

    refresh(uow)
    items = watch_list(uow)
    uow.commit()
    return render(request, "respond/watch.html", {"items": items})


@router.post("/applications/{app_id}/watch", response_model=None)
async def watch_app(request: Request, app_id: int, uow: Uow) -> Response:
    from nextround.services.watch import watch_company

    form = await request.form()
    months = _int(form.get("months"), 3, 1, 36) or 3
    watch_company(uow, app_id, months=months, reason=str(form.get("reason") or ""))
    uow.commit()
    return redirect(request, "/watch", flash="Added to the watch list.")


@router.post("/watch/{entry_id}/{action}", response_model=None)
async def watch_action(request: Request, entry_id: int, action: str,
                       uow: Uow) -> Response:
    from nextround.services.watch import set_state, snooze

    if action == "snooze":
        day = snooze(uow, entry_id)
        message = f"Look again on {day}."
    elif action in ("done", "dismiss"):
        set_state(uow, entry_id, "done" if action == "done" else "dismissed")
        message = "Updated."
    else:
        raise UserInputError(f"Unknown action {action!r}.")
    uow.commit()
    return redirect(request, "/watch", flash=message)
