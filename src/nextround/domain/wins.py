"""Milestones recognised from the user's record, each with the credit it deserves."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nextround.data import load_toml

APPLICATION_STEPS = (10, 25, 50, 100, 200)
STREAK_STEPS = (3, 7, 14, 30, 60)


@dataclass(frozen=True)
class AppFact:
    id: int
    company: str
    role: str
    applied_on: date | None
    offer_on: date | None = None


@dataclass(frozen=True)
class RoundFact:
    id: int
    application_id: int
    company: str
    on: date
    kind: str = "video"
    is_final: bool = False
    finished: bool = True


@dataclass(frozen=True)
class Dated:
    """Something done on a day: feedback asked, a story written, a growth area closed..."""

    on: date
    company: str = ""
    title: str = ""
    ref: str = ""


@dataclass(frozen=True)
class WinRecord:
    """The plain facts wins are recognised from; every list may be empty."""

    applications: tuple[AppFact, ...] = ()
    rounds: tuple[RoundFact, ...] = ()
    feedback_requested: tuple[Dated, ...] = ()
    feedback_received: tuple[Dated, ...] = ()
    stories: tuple[Dated, ...] = ()
    practice_days: tuple[date, ...] = ()
    growth_closed: tuple[Dated, ...] = ()
    user_wins: tuple[Dated, ...] = ()


@dataclass(frozen=True)
class Win:
    kind: str
    on: date
    title: str
    credit: str
    ref: str
    facts: dict[str, Any] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "on": self.on.isoformat(), "title": self.title,
                "credit": self.credit, "ref": self.ref}


def _text(kind: str, ref: str, **facts: Any) -> tuple[str, str]:
    entry = load_toml("recover/wins.toml")[kind]
    variants = list(entry["credit"])
    # The same win keeps the same words: stable across days, varied across wins.
    chosen = variants[zlib.crc32(ref.encode()) % len(variants)]
    return str(entry["title"]).format(**facts), str(chosen).format(**facts)


def _win(kind: str, on: date, ref: str, **facts: Any) -> Win:
    title, credit = _text(kind, ref, **facts)
    return Win(kind=kind, on=on, title=title, credit=credit, ref=ref, facts=facts)


def streaks(days: Iterable[date]) -> list[tuple[date, int]]:
    """Each run of consecutive days as (last day, length), oldest first."""
    ordered = sorted(set(days))
    runs: list[tuple[date, int]] = []
    for day in ordered:
        if runs and runs[-1][0] + timedelta(days=1) == day:
            runs[-1] = (day, runs[-1][1] + 1)
        else:
            runs.append((day, 1))
    return runs


def _application_wins(apps: tuple[AppFact, ...]) -> list[Win]:
    found: list[Win] = []
    sent = sorted((a for a in apps if a.applied_on), key=lambda a: (a.applied_on, a.id))
    if sent:
        first = sent[0]
        assert first.applied_on is not None
        found.append(_win("first_application", first.applied_on, f"app:{first.id}:first",
                          company=first.company, role=first.role))
    for step in APPLICATION_STEPS:
        if len(sent) >= step:
            app = sent[step - 1]
            assert app.applied_on is not None
            found.append(_win("applications_milestone", app.applied_on, f"apps:{step}",
                              count=step))
    for app in apps:
        if app.offer_on:
            found.append(_win("offer", app.offer_on, f"app:{app.id}:offer",
                              company=app.company, role=app.role))
    return found


def _round_wins(rounds: tuple[RoundFact, ...]) -> list[Win]:
    """Every round reached earns credit; the very first and final rounds get their own words."""
    found: list[Win] = []
    first_done = False
    for rnd in sorted(rounds, key=lambda r: (r.on, r.id)):
        if rnd.kind in ("assignment", "assessment"):
            if rnd.finished:
                found.append(_win("assignment", rnd.on, f"round:{rnd.id}:assignment",
                                  company=rnd.company))
            continue
        if not first_done:
            found.append(_win("first_interview", rnd.on, f"round:{rnd.id}:first",
                              company=rnd.company))
            first_done = True
        elif not rnd.is_final:
            found.append(_win("interview", rnd.on, f"round:{rnd.id}", company=rnd.company))
        if rnd.is_final:
            found.append(_win("final_round", rnd.on, f"round:{rnd.id}:final",
                              company=rnd.company))
    return found


def recognise(record: WinRecord) -> list[Win]:
    """Every win in the record, newest first."""
    found = _application_wins(record.applications) + _round_wins(record.rounds)
    for kind, items in (
        ("feedback_requested", record.feedback_requested),
        ("feedback_received", record.feedback_received),
        ("story", record.stories),
        ("growth_closed", record.growth_closed),
        ("user", record.user_wins),
    ):
        for item in items:
            ref = item.ref or f"{kind}:{item.on.isoformat()}:{item.company or item.title}"
            found.append(_win(kind, item.on, ref, company=item.company, title=item.title))
    for last_day, length in streaks(record.practice_days):
        for step in STREAK_STEPS:
            if length >= step:
                reached = last_day - timedelta(days=length - step)
                found.append(_win("practice_streak", reached,
                                  f"streak:{reached.isoformat()}:{step}", days=step))
    return sorted(found, key=lambda w: (w.on, w.ref), reverse=True)
