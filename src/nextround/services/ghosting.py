"""Silence: list applications due a follow-up or a ghosted mark, mark them, and undo it."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from nextround.domain.applications import Origin, Status
from nextround.domain.ghosting import Thresholds, Timeline, Verdict, silent
from nextround.errors import ConflictError, UserInputError
from nextround.services.applications import change_status
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

SETTINGS_KEY = "silence"


def thresholds(uow: UnitOfWork, **overrides: int | None) -> Thresholds:
    """The user's saved thresholds (profile settings), with any given values on top."""
    saved = dict(uow.profiles.get().settings.get(SETTINGS_KEY) or {})
    values = {k: int(v) for k, v in saved.items() if k in Thresholds.__dataclass_fields__}
    values.update({k: int(v) for k, v in overrides.items() if v is not None})
    try:
        return Thresholds(**values)
    except ValueError as exc:
        raise UserInputError(
            f"Bad silence threshold: {exc}.", "Use a whole number of days."
        ) from exc


def save_thresholds(uow: UnitOfWork, rules: Thresholds) -> None:
    profile = uow.profiles.get()
    profile.settings = {
        **(profile.settings or {}),
        SETTINGS_KEY: {
            "after_applied": rules.after_applied,
            "after_interview": rules.after_interview,
            "after_follow_up": rules.after_follow_up,
        },
    }
    uow.flush()


def _at_midnight(day: Any) -> datetime | None:
    return None if day is None else datetime.combine(day, time(), tzinfo=UTC)


def timelines(uow: UnitOfWork, now: datetime) -> list[Timeline]:
    heard = uow.inbox.last_heard()
    follow = uow.inbox.follow_ups()
    interviews: dict[int, datetime] = {}
    for iv in uow.interviews.list():
        if iv.scheduled_at is None:
            continue
        at = iv.scheduled_at
        if at > interviews.get(iv.application_id, datetime.min.replace(tzinfo=UTC)):
            interviews[iv.application_id] = at
    lines = []
    for app in uow.applications.all():
        lines.append(
            Timeline(
                app_id=str(app.id),
                company=app.company.name,
                role=app.role,
                status=app.status.value,
                applied_at=_at_midnight(app.applied_on),
                last_interview_at=interviews.get(app.id),
                follow_up_at=follow.get(app.id),
                last_heard_at=heard.get(app.id),
                ghosted_at=app.status_changed_at if app.status == Status.GHOSTED else None,
            )  # fmt: skip
        )
    return lines


def verdict_view(v: Verdict) -> dict[str, Any]:
    return {
        "application_id": int(v.app_id), "company": v.company, "role": v.role,
        "suggestion": v.kind.value, "days_silent": v.days_silent, "since": v.since,
        "since_date": v.since_at.date().isoformat(), "reason": v.reason,
    }  # fmt: skip


def silent_applications(
    uow: UnitOfWork, clock: Clock = system_clock, rules: Thresholds | None = None
) -> list[dict[str, Any]]:
    now = clock()
    return [verdict_view(v) for v in silent(timelines(uow, now), now, rules or thresholds(uow))]


def ghosted_applications(uow: UnitOfWork, clock: Clock = system_clock) -> list[dict[str, Any]]:
    """Applications already marked ghosted, with how long the silence has lasted."""
    now = clock()
    out = []
    for line in timelines(uow, now):
        if line.status != Status.GHOSTED.value:
            continue
        last = max(
            (d for d in (line.applied_at, line.last_interview_at, line.follow_up_at,
                         line.last_heard_at) if d is not None),
            default=None,
        )  # fmt: skip
        out.append(
            {
                "application_id": int(line.app_id),
                "company": line.company,
                "role": line.role,
                "days_silent": (now - last).days if last else None,
                "marked_on": line.ghosted_at.date().isoformat() if line.ghosted_at else None,
            }  # fmt: skip
        )
    return out


def mark_ghosted(uow: UnitOfWork, app_id: int, clock: Clock = system_clock) -> None:
    app = uow.applications.get(app_id)
    if app.status == Status.GHOSTED:
        raise ConflictError(f"Application {app_id} is already marked ghosted.")
    note = "No reply: marked ghosted. `nextround ghosted undo` reverses it."
    change_status(uow, app_id, Status.GHOSTED, Origin.MANUAL, note, clock=clock)


def undo_ghosted(uow: UnitOfWork, app_id: int, clock: Clock = system_clock) -> Status:
    """Put the application back where it was before it was marked ghosted."""
    app = uow.applications.get(app_id)
    if app.status != Status.GHOSTED:
        raise ConflictError(
            f"Application {app_id} is not marked ghosted (it is {app.status.value}).",
            "Nothing to undo.",
        )
    previous = Status.APPLIED
    for event in reversed(uow.applications.events(app_id)):
        if event.to_status == Status.GHOSTED and event.from_status is not None:
            previous = event.from_status
            break
    change_status(uow, app_id, previous, Origin.MANUAL, "Ghosted mark undone.", clock=clock)
    return previous


def record_follow_up(
    uow: UnitOfWork, app_id: int, on: datetime | None = None, clock: Clock = system_clock
) -> None:
    """Note that the user followed up, which restarts the silence clock."""
    uow.applications.get(app_id)
    uow.inbox.add_thread_mark(app_id, None, "follow_up", on or clock())
