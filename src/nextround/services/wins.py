"""Wins: the record gathered from every area, the milestones in it, and wins the user adds."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nextround.domain.applications import Status
from nextround.domain.reframes import Record
from nextround.domain.wins import AppFact, Dated, RoundFact, Win, WinRecord, recognise
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.tables.recover import UserWin

_UNFINISHED = {"pending", "cancelled", "no_show"}


def _day(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def _value(enum_or_str: Any) -> str:
    return str(getattr(enum_or_str, "value", enum_or_str))


def win_record(uow: Any, clock: Clock = system_clock) -> WinRecord:
    """Plain facts from applications, rounds, replies, feedback, stories and practice."""
    repo = uow.recover
    now = clock()
    today = now.date()
    companies: dict[int, str] = {}
    offers: dict[int, date] = {}
    for event in repo.status_events(to_status=Status.OFFER):
        if event.application_id not in offers:
            offers[event.application_id] = event.at.date()
    apps = []
    for app, company in repo.applications():
        companies[app.id] = company
        apps.append(AppFact(app.id, company, app.role, app.applied_on, offers.get(app.id)))
    rounds = []
    for rnd in repo.interviews():
        on = _day(rnd.scheduled_at) or _day(rnd.created_at)
        if on is None or on > today:
            continue  # not reached yet
        kind = _value(rnd.kind)
        task = kind in ("assignment", "assessment")
        finished = not task or _value(rnd.outcome) not in _UNFINISHED
        rounds.append(RoundFact(rnd.id, rnd.application_id, companies.get(rnd.application_id, ""),
                                on, kind, bool(rnd.is_final), finished))
    asked = tuple(
        Dated(on=_day(r.sent_at) or today, company=companies.get(r.application_id, ""),
              ref=f"sent:{r.id}")
        for r in uow.respond.sent()
        if "feedback" in (r.parts or []) or "feedback" in str(r.kind)
    )
    received = tuple(
        Dated(on=_day(f.received_on) or _day(f.created_at) or today,
              company=companies.get(f.application_id, ""), ref=f"feedback:{f.id}")
        for f in uow.respond.feedback_list()
    )
    stories = tuple(Dated(on=_day(s.created_at) or today, title=s.title, ref=f"story:{s.id}")
                    for s in uow.reflect.stories())
    growth = tuple(Dated(on=_day(g.updated_at) or today, title=g.title, ref=f"growth:{g.id}")
                   for g in uow.respond.actions() if str(g.status) == "done")
    practice = tuple({d for r in uow.reflect.reviews() if (d := _day(r.reviewed_at)) is not None})
    user = tuple(Dated(on=w.on, title=w.title, ref=f"user:{w.id}") for w in repo.user_wins())
    return WinRecord(applications=tuple(apps), rounds=tuple(rounds), feedback_requested=asked,
                     feedback_received=received, stories=stories, practice_days=practice,
                     growth_closed=growth, user_wins=user)


def reframe_record(uow: Any, clock: Clock = system_clock,
                   record: WinRecord | None = None) -> Record:
    """The handful of facts a reframe may point to (from ``record`` when already read)."""
    record = record or win_record(uow, clock)
    repo = uow.recover
    hours = sum(float(e.hours) for e in repo.efforts())
    lessons = tuple(
        d.do_differently.strip() for d, _ in uow.reflect.debriefs() if d.do_differently.strip()
    )
    # Applications that reached an interview, not rounds: "4 interviews out of 30 applications".
    interviews = len({r.application_id for r in record.rounds
                      if r.kind not in ("assignment", "assessment")})
    return Record(
        applications=len([a for a in record.applications if a.applied_on]),
        interviews=interviews,
        final_rounds=len([r for r in record.rounds if r.is_final]),
        effort_hours=hours,
        feedback_asked=len(record.feedback_requested),
        stories=len(record.stories),
        lessons=lessons[-3:],
    )


def list_wins(uow: Any, clock: Clock = system_clock) -> list[Win]:
    return recognise(win_record(uow, clock))


def add_win(uow: Any, title: str, on: date | None = None, note: str = "",
            clock: Clock = system_clock) -> UserWin:
    title = " ".join(title.split())
    if not title:
        raise UserInputError("A win needs a few words.",
                             'Try: nextround wins add "Went to a meetup"')
    if len(title) > 300:
        raise UserInputError("That win is too long (300 characters at most).",
                             "Put the details in --note.")
    row: UserWin = uow.recover.add_win(on or clock().date(), title, note)
    return row


def delete_win(uow: Any, win_id: int) -> None:
    uow.recover.delete_win(win_id)
