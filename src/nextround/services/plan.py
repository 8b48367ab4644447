"""The bounce-back plan: propose one after the latest rejection, keep it, export it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nextround.domain.applications import Status
from nextround.domain.plan import Pace, Plan, PlanItem, Rejection, SlotKind, bounce_back
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.tables.recover import PlanEntry

_CLOSED_BADLY = {Status.REJECTED.value, Status.GHOSTED.value}


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


def pace(uow: Any) -> Pace:
    row = uow.recover.settings()
    return Pace(applications_per_week=row.applications_per_week,
                practice_per_week=row.practice_per_week, restore=tuple(row.restore or ()))


def set_pace(uow: Any, applications: int | None = None, practice: int | None = None,
             restore: list[str] | None = None, country: str | None = None) -> Pace:
    row = uow.recover.settings()
    if applications is not None:
        if not 0 <= applications <= 50:
            raise UserInputError("Applications per week go from 0 to 50.", "Try --apps 5.")
        row.applications_per_week = applications
    if practice is not None:
        if not 0 <= practice <= 21:
            raise UserInputError("Practice sessions per week go from 0 to 21.", "Try --practice 3.")
        row.practice_per_week = practice
    if restore is not None:
        row.restore = [" ".join(r.split())[:80] for r in restore if r.strip()][:12]
    if country is not None:
        code = country.strip().upper()
        if code and (len(code) != 2 or not code.isalpha()):
            raise UserInputError(f"{country!r} is not a two-letter country code.",
                                 "Use codes like US, GB, IE, CA, AU, DE, FR.")
        row.country = code
    return pace(uow)


def latest_rejection(uow: Any) -> tuple[Rejection | None, int]:
    """The most recent rejection, and how many rejections (or ghostings) came in a row."""
    repo = uow.recover
    names = {app.id: name for app, name in repo.applications()}
    outcomes: list[tuple[datetime, int, str]] = []
    for event in repo.status_events():
        status = _value(event.to_status)
        if status in _CLOSED_BADLY | {Status.OFFER.value, Status.INTERVIEWING.value}:
            outcomes.append((event.at, event.application_id, status))
    if not outcomes:
        return None, 0
    outcomes.sort()
    in_a_row = 0
    for _at, _app, status in reversed(outcomes):
        if status not in _CLOSED_BADLY:
            break
        in_a_row += 1
    last = next(((at, app) for at, app, s in reversed(outcomes) if s == Status.REJECTED.value),
                None)
    if last is None:
        return None, in_a_row
    at, app_id = last
    return Rejection(company=names.get(app_id, ""), on=at.date(), application_id=app_id), in_a_row


def local_today(clock: Clock = system_clock) -> date:
    """The user's calendar day: plans are in local time, the clock is in UTC."""
    return clock().astimezone().date()


def propose(uow: Any, clock: Clock = system_clock, start: date | None = None) -> Plan:
    """A fresh plan from today (or ``start``); saved as the current plan."""
    rejection, in_a_row = latest_rejection(uow)
    plan = bounce_back(rejection, start or local_today(clock), pace(uow), in_a_row)
    uow.recover.replace_plan([
        PlanEntry(kind=i.kind.value, starts_at=i.start, minutes=i.minutes, title=i.title,
                  detail=i.detail, ref=i.ref,
                  application_id=rejection.application_id if rejection else None)
        for i in plan.items
    ])
    return plan


def current(uow: Any, clock: Clock = system_clock) -> tuple[Plan | None, list[PlanEntry]]:
    """The saved plan (as a Plan for export, and the rows with their ids and done flags)."""
    rows = uow.recover.plan()
    if not rows:
        return None, []
    rejection, in_a_row = latest_rejection(uow)
    settings = pace(uow)
    fresh = bounce_back(rejection, local_today(clock), settings, in_a_row)
    items = tuple(PlanItem(kind=SlotKind(r.kind), start=r.starts_at, minutes=r.minutes,
                           title=r.title, detail=r.detail, ref=r.ref) for r in rows)
    plan = Plan(items=items, note=fresh.note, lighter=fresh.lighter,
                applications_this_week=fresh.applications_this_week,
                practice_this_week=fresh.practice_this_week, rejection=rejection)
    return plan, rows


def is_over(rows: list[PlanEntry], clock: Clock = system_clock) -> bool:
    """Every slot of the saved plan lies in the past: time for a fresh one."""
    today = local_today(clock)
    return bool(rows) and all(r.starts_at.date() < today for r in rows)


def mark_done(uow: Any, entry_id: int, done: bool = True) -> PlanEntry:
    row: PlanEntry = uow.recover.plan_entry(entry_id)
    row.done = done
    return row


def today_items(uow: Any, clock: Clock = system_clock) -> list[PlanEntry]:
    day = local_today(clock)
    return [r for r in uow.recover.plan() if r.starts_at.date() == day and not r.done]
