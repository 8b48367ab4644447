"""Use cases for the watch list: companies that left the door open, and when to look again."""

from __future__ import annotations

from typing import Any

from nextround.domain.applications import Status
from nextround.domain.reply_schedule import DEFAULT_LOOK_AGAIN_MONTHS, add_months
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

STATES = ("watching", "done", "dismissed")


def watch_company(
    uow: UnitOfWork,
    app_id: int,
    *,
    months: int = DEFAULT_LOOK_AGAIN_MONTHS,
    reason: str = "",
    clock: Clock = system_clock,
) -> int:
    """Put the application's company on the watch list (or move its date) and return the entry."""
    from nextround.storage.tables.respond import WatchEntry

    if not 0 < months <= 36:
        raise UserInputError("Look again between 1 and 36 months from now.")
    app = uow.applications.get(app_id)
    now = clock()
    look_again = add_months(now.date(), months)
    entry = uow.respond.watch_for_company(app.company_id)
    if entry is None:
        entry = WatchEntry(
            owner_id=uow.owner_id, company_id=app.company_id, application_id=app.id,
            look_again_on=look_again, reason=reason[:300], created_at=now,
        )  # fmt: skip
        uow.respond.add(entry)
    else:
        entry.look_again_on = look_again
        entry.application_id = app.id
        entry.state = "watching"
        if reason:
            entry.reason = reason[:300]
    return int(entry.id)


def refresh(uow: UnitOfWork, clock: Clock = system_clock) -> int:
    """Add every rejected application whose rejection left the door open; returns how many."""
    added = 0
    for app in uow.applications.list(status=[Status.REJECTED]):
        if uow.respond.watch_for_company(app.company_id) is not None:
            continue
        messages = uow.inbox.messages(application_id=app.id, limit=20)
        if any(m.label == "rejection" and (m.rejection or {}).get("door_open") for m in messages):
            watch_company(uow, app.id, reason="The rejection left the door open.", clock=clock)
            added += 1
    return added


def watch_list(
    uow: UnitOfWork, clock: Clock = system_clock, include_closed: bool = False
) -> list[dict[str, Any]]:
    """Entries soonest first; `due` is true once the look-again day has come."""
    today = clock().date()
    out: list[dict[str, Any]] = []
    for entry, company in uow.respond.watch_entries(None if include_closed else "watching"):
        role = ""
        if entry.application_id is not None:
            role = uow.applications.get(entry.application_id).role
        out.append({
            "id": entry.id, "company": company.name, "company_id": company.id,
            "application_id": entry.application_id, "role": role,
            "look_again_on": entry.look_again_on.isoformat(),
            "due": entry.look_again_on <= today and entry.state == "watching",
            "state": entry.state, "reason": entry.reason, "website": company.website,
        })  # fmt: skip
    return out


def due_for_digest(uow: UnitOfWork, clock: Clock = system_clock) -> list[dict[str, Any]]:
    """The companies to check and say hello to again today."""
    return [item for item in watch_list(uow, clock) if item["due"]]


def set_state(uow: UnitOfWork, entry_id: int, state: str) -> None:
    if state not in STATES:
        raise UserInputError(f"Unknown state {state!r}; use one of {', '.join(STATES)}.")
    uow.respond.watch_entry(entry_id).state = state


def snooze(
    uow: UnitOfWork, entry_id: int, months: int = DEFAULT_LOOK_AGAIN_MONTHS,
    clock: Clock = system_clock,
) -> str:
    """Look again later; returns the new date."""
    if not 0 < months <= 36:
        raise UserInputError("Look again between 1 and 36 months from now.")
    entry = uow.respond.watch_entry(entry_id)
    entry.look_again_on = add_months(clock().date(), months)
    entry.state = "watching"
    return str(entry.look_again_on.isoformat())
