"""The bounce-back plan after a rejection: rest, reflect, reply, then the next applications."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from nextround.data import load_toml

LIGHTER_AFTER = 3  # rejections in a row before the plan suggests a lighter week


class SlotKind(StrEnum):
    REST = "rest"
    REFLECT = "reflect"
    REPLY = "reply"
    APPLY = "apply"
    PRACTICE = "practice"


@dataclass(frozen=True)
class Pace:
    """What the user wants each week, and what restores them."""

    applications_per_week: int = 5
    practice_per_week: int = 3
    restore: tuple[str, ...] = ()
    day_starts: time = time(10, 0)
    evening: time = time(18, 0)


@dataclass(frozen=True)
class Rejection:
    company: str
    on: date
    application_id: int | None = None
    role: str = ""


@dataclass(frozen=True)
class PlanItem:
    kind: SlotKind
    start: datetime
    minutes: int
    title: str
    detail: str
    ref: str = ""

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "start": self.start.isoformat(timespec="minutes"),
                "minutes": self.minutes, "title": self.title, "detail": self.detail,
                "ref": self.ref}


@dataclass(frozen=True)
class Plan:
    items: tuple[PlanItem, ...]
    note: str
    lighter: bool
    applications_this_week: int
    practice_this_week: int
    rejection: Rejection | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def on(self, day: date) -> list[PlanItem]:
        return [item for item in self.items if item.start.date() == day]

    def as_dict(self) -> dict[str, Any]:
        return {
            "note": self.note,
            "lighter": self.lighter,
            "applications_this_week": self.applications_this_week,
            "practice_this_week": self.practice_this_week,
            "company": self.rejection.company if self.rejection else None,
            "items": [item.as_dict() for item in self.items],
        }


def _pick(options: list[str], key: str) -> str:
    return options[zlib.crc32(key.encode()) % len(options)]


def _slot(kind: SlotKind, start: datetime, minutes: int, key: str, **facts: Any) -> PlanItem:
    raw = load_toml("recover/plan.toml")[kind.value]
    return PlanItem(
        kind=kind,
        start=start,
        minutes=minutes,
        title=_pick(list(raw["title"]), key + "t").format(**facts),
        detail=_pick(list(raw["detail"]), key + "d").format(**facts),
        ref=key,
    )


def weekly_pace(pace: Pace, rejections_in_a_row: int) -> tuple[int, int, bool]:
    """Applications and practice for this week; about half after a run of rejections."""
    if rejections_in_a_row >= LIGHTER_AFTER:
        return max(1, pace.applications_per_week // 2), max(1, pace.practice_per_week // 2), True
    return pace.applications_per_week, pace.practice_per_week, False


def _spread(total: int, days: int) -> list[int]:
    """``total`` split over ``days`` as evenly as possible, earlier days first."""
    base, extra = divmod(total, days)
    return [base + (1 if i < extra else 0) for i in range(days)]


def bounce_back(rejection: Rejection | None, today: date, pace: Pace,
                rejections_in_a_row: int = 0, days: int = 7) -> Plan:
    """A plan for the next ``days`` days starting today.

    Day one is for rest only; the debrief and the reply come the day after; applications and
    practice are spread over the remaining days at the weekly pace (lighter after a run of no's).
    """
    raw = load_toml("recover/plan.toml")
    restore = list(pace.restore) or list(raw["default_restore"])
    apps, practice, lighter = weekly_pace(pace, rejections_in_a_row)
    company = rejection.company if rejection else "your last"
    seed = f"{company}:{today.isoformat()}"
    items: list[PlanItem] = []
    at = datetime.combine(today, pace.evening)
    items.append(_slot(SlotKind.REST, at, 90, f"{seed}:rest0", activity=restore[0]))
    tomorrow = today + timedelta(days=1)
    if rejection is not None:
        start = datetime.combine(tomorrow, pace.day_starts)
        items.append(_slot(SlotKind.REFLECT, start, 30, f"{seed}:reflect", company=company))
        items.append(_slot(SlotKind.REPLY, start + timedelta(minutes=45), 20, f"{seed}:reply",
                           company=company))
    work_days = [today + timedelta(days=n) for n in range(2, days)]
    for day, count in zip(work_days, _spread(apps, len(work_days)), strict=True):
        if count:
            start = datetime.combine(day, pace.day_starts)
            items.append(_slot(SlotKind.APPLY, start, 45 * count, f"{seed}:apply{day}",
                               count=count))
    for day, count in zip(reversed(work_days), _spread(practice, len(work_days)), strict=True):
        if count:
            start = datetime.combine(day, pace.day_starts.replace(hour=14))
            items.append(_slot(SlotKind.PRACTICE, start, 25 * count, f"{seed}:practice{day}"))
    rest_days = [today + timedelta(days=3)] + ([today + timedelta(days=5)] if lighter else [])
    for n, day in enumerate(rest_days, start=1):
        activity = restore[n % len(restore)]
        items.append(_slot(SlotKind.REST, datetime.combine(day, pace.evening), 60,
                           f"{seed}:rest{n}", activity=activity))
    note_kind = "lighter" if lighter else "normal"
    note = _pick(list(raw[note_kind]["note"]), seed).format(count=rejections_in_a_row)
    return Plan(
        items=tuple(sorted(items, key=lambda i: i.start)),
        note=note,
        lighter=lighter,
        applications_this_week=apps,
        practice_this_week=practice,
        rejection=rejection,
    )
