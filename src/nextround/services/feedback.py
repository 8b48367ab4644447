"""Use cases for feedback: attach it, read its growth areas, rank them, act on them."""

from __future__ import annotations

from datetime import date
from typing import Any

from nextround.domain.feedback import FeedbackItem, GrowthArea, extract_growth_areas
from nextround.domain.feedback import rank_growth_areas as _rank
from nextround.errors import NotFoundError, UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

SOURCES = ("pasted", "email")
ACTION_KINDS = ("course", "project", "practice")
ACTION_STATUSES = ("todo", "doing", "done", "dropped")
MAX_FEEDBACK = 20_000


def add_feedback(
    uow: UnitOfWork,
    app_id: int,
    text: str,
    *,
    source: str = "pasted",
    received_on: date | None = None,
    message_ref: int | None = None,
    clock: Clock = system_clock,
) -> tuple[int, list[GrowthArea]]:
    """Attach feedback to an application and store the growth areas it names."""
    from nextround.storage.tables.respond import Feedback, FeedbackArea

    if source not in SOURCES:
        raise UserInputError(f"Unknown source {source!r}; use one of {', '.join(SOURCES)}.")
    body = (text or "").replace("\x00", "").strip()
    if not body:
        raise UserInputError("The feedback is empty.", hint="Paste the text, or use --file.")
    if len(body) > MAX_FEEDBACK:
        raise UserInputError(f"The feedback is longer than {MAX_FEEDBACK} characters.")
    app = uow.applications.get(app_id)
    now = clock()
    row = Feedback(
        owner_id=uow.owner_id, application_id=app.id, text=body, source=source,
        message_ref=message_ref, received_on=received_on or now.date(), created_at=now,
    )  # fmt: skip
    uow.respond.add(row)
    areas = extract_growth_areas(body)
    for area in areas:
        uow.respond.add(
            FeedbackArea(
                owner_id=uow.owner_id, feedback_id=row.id, area_key=area.key[:200],
                category=area.category, label=area.label[:300], quote=area.quote,
            )  # fmt: skip
        )
    return int(row.id), areas


def feedback_from_email(
    uow: UnitOfWork, stored_message_id: int, clock: Clock = system_clock
) -> tuple[int, list[GrowthArea]]:
    """Attach an imported email's text as feedback on the application it belongs to."""
    msg = uow.inbox.message(stored_message_id)
    if msg.application_id is None:
        raise UserInputError(
            f"Email #{stored_message_id} is not linked to an application.",
            hint="Link it in the inbox review first, or paste the text with `feedback add`.",
        )
    existing = uow.respond.feedback_from_message(stored_message_id)
    if existing is not None:
        areas = [
            GrowthArea(a.area_key, a.category, a.label, a.quote)
            for a in uow.respond.areas([existing.id])
        ]
        return int(existing.id), areas
    received = msg.sent_at.date() if msg.sent_at else None
    return add_feedback(
        uow, msg.application_id, msg.text, source="email", received_on=received,
        message_ref=stored_message_id, clock=clock,
    )  # fmt: skip


def _bare(message_id: str | None) -> str:
    return (message_id or "").strip().strip("<>")


def reply_candidates(uow: UnitOfWork) -> list[Any]:
    """Imported emails that answer a message the user sent: by thread headers, else sender.

    Emails already attached as feedback are left out.
    """
    sent = uow.respond.sent(kinds=("reply", "followup", "close", "thanks_note"))
    by_id = {_bare(s.message_id): s for s in sent if s.message_id}
    attached = {f.message_ref for f in uow.respond.feedback_list() if f.message_ref}
    found: list[Any] = []
    for msg in uow.inbox.messages(limit=2000):
        if msg.id in attached or msg.application_id is None:
            continue
        refs = {_bare(msg.in_reply_to), *(_bare(r) for r in msg.references or ())} - {""}
        origin = next((by_id[r] for r in refs if r in by_id), None)
        if origin is None and msg.sender_addr:
            sender = msg.sender_addr.lower()
            origin = next((s for s in sent if s.application_id == msg.application_id
                           and sender in s.to_addr.lower()), None)  # fmt: skip
        if origin is None or origin.application_id != msg.application_id:
            continue
        if msg.sent_at is not None and msg.sent_at < origin.sent_at:
            continue
        found.append(msg)
    return found


def collect_feedback(uow: UnitOfWork, clock: Clock = system_clock) -> dict[str, Any]:
    """Attach answers to the user's messages that name growth areas; list the others."""
    attached: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    for msg in reply_candidates(uow):
        if extract_growth_areas(msg.text or ""):
            feedback_id, areas = feedback_from_email(uow, msg.id, clock)
            attached.append({"feedback_id": feedback_id, "email_id": msg.id,
                             "application_id": msg.application_id,
                             "areas": [a.label for a in areas]})  # fmt: skip
        else:
            other.append({"email_id": msg.id, "application_id": msg.application_id,
                          "subject": msg.subject})  # fmt: skip
    return {"attached": attached, "replies_without_areas": other}


def list_feedback(uow: UnitOfWork, app_id: int | None = None) -> list[dict[str, Any]]:
    """Every piece of feedback with its areas; stable keys for --json."""
    rows = uow.respond.feedback_list(app_id)
    by_feedback: dict[int, list[dict[str, str]]] = {}
    for area in uow.respond.areas([r.id for r in rows]):
        by_feedback.setdefault(area.feedback_id, []).append(
            {"key": area.area_key, "category": area.category, "label": area.label,
             "quote": area.quote}  # fmt: skip
        )
    apps = {a.id: a for a in uow.applications.all()}
    out: list[dict[str, Any]] = []
    for row in rows:
        app = apps.get(row.application_id)
        out.append({
            "id": row.id, "application_id": row.application_id,
            "company": app.company.name if app else "", "role": app.role if app else "",
            "source": row.source,
            "received_on": row.received_on.isoformat() if row.received_on else None,
            "text": row.text, "areas": by_feedback.get(row.id, []),
        })  # fmt: skip
    return out


def growth_areas(uow: UnitOfWork) -> list[dict[str, Any]]:
    """Growth areas across all feedback, most frequent first, each with its actions."""
    rows = uow.respond.feedback_list()
    areas: dict[int, list[GrowthArea]] = {}
    for area in uow.respond.areas([r.id for r in rows]):
        areas.setdefault(area.feedback_id, []).append(
            GrowthArea(area.area_key, area.category, area.label, area.quote)
        )
    ranked = _rank(FeedbackItem(r.id, r.received_on, areas.get(r.id, [])) for r in rows)
    actions: dict[str, list[dict[str, Any]]] = {}
    for action in uow.respond.actions():
        actions.setdefault(action.area_key, []).append(
            {"id": action.id, "kind": action.kind, "title": action.title,
             "status": action.status}  # fmt: skip
        )
    return [
        {"rank": index, **item.as_dict(), "actions": actions.get(item.key, [])}
        for index, item in enumerate(ranked, start=1)
    ]


def _known_area(uow: UnitOfWork, area: str) -> str:
    """An area key from a key or a rank number as shown by `growth`."""
    ranked = growth_areas(uow)
    if area.isdigit() and 1 <= int(area) <= len(ranked):
        return str(ranked[int(area) - 1]["key"])
    for item in ranked:
        if area in (item["key"], str(item["label"]).lower(), item["label"]):
            return str(item["key"])
    raise NotFoundError(
        f"No growth area {area!r} in your feedback.",
        hint="See the areas and their numbers with `nextround growth`.",
    )


def add_action(
    uow: UnitOfWork, area: str, kind: str, title: str, clock: Clock = system_clock
) -> int:
    """Plan something about a growth area: a course, a project or practice."""
    from nextround.storage.tables.respond import GrowthAction

    if kind not in ACTION_KINDS:
        raise UserInputError(f"Unknown action kind {kind!r}; use one of {', '.join(ACTION_KINDS)}.")
    name = " ".join((title or "").split())
    if not name:
        raise UserInputError("The action needs a title, e.g. 'SQL course on window functions'.")
    now = clock()
    row = GrowthAction(
        owner_id=uow.owner_id, area_key=_known_area(uow, area), kind=kind, title=name[:300],
        status="todo", created_at=now, updated_at=now,
    )  # fmt: skip
    uow.respond.add(row)
    return int(row.id)


def set_action_status(
    uow: UnitOfWork, action_id: int, status: str, clock: Clock = system_clock
) -> None:
    if status not in ACTION_STATUSES:
        raise UserInputError(
            f"Unknown status {status!r}; use one of {', '.join(ACTION_STATUSES)}."
        )
    action = uow.respond.action(action_id)
    action.status = status
    action.updated_at = clock()
