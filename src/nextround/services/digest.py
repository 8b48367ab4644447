"""The daily digest: gathers what every area knows and composes today's short list."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nextround.domain.applications import Status
from nextround.domain.digest import Digest, DigestInput, Todo, compose
from nextround.domain.stats import month_of
from nextround.domain.wins import recognise
from nextround.services.clock import Clock, system_clock

REPLY_WINDOW_DAYS = 21  # a rejection older than this is past the point of a thank-you
SILENCE_DAYS = 30  # applied with no news for this long: worth closing or nudging


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


def _replies_and_silence(uow: Any, clock: Clock) -> tuple[list[Todo], list[Todo]]:
    repo = uow.recover
    now = clock()
    replied = {r.application_id for r in repo.sent_replies()}
    replies: list[Todo] = []
    ghosted: list[Todo] = []
    for app, company in repo.applications():
        status = _value(app.status)
        link = f"/applications/{app.id}"
        label = f"{company} ({app.role})" if app.role else company
        changed = app.status_changed_at
        if status == Status.REJECTED.value and app.id not in replied:
            if changed and now - changed <= timedelta(days=REPLY_WINDOW_DAYS):
                replies.append(Todo(f"Thank {label} and ask for feedback", ref=f"app:{app.id}",
                                    link=link, command=f"nextround reply draft {app.id}"))
        elif status == Status.GHOSTED.value:
            ghosted.append(Todo(f"{label} went quiet: close it, or send one last nudge",
                                ref=f"app:{app.id}", link=link,
                                command=f"nextround reply followup {app.id}"))
        elif status == Status.APPLIED.value and changed and (
            now - changed > timedelta(days=SILENCE_DAYS)
        ):
            days = (now - changed).days
            ghosted.append(Todo(f"No news from {label} for {days} days: nudge or close",
                                ref=f"app:{app.id}", link=link,
                                command=f"nextround reply followup {app.id}"))
    return replies, ghosted


def _follow_ups(uow: Any, clock: Clock) -> list[Todo]:
    """Reminders that came due (an answer since settles them) and thank-you notes to send."""
    from nextround.services.replies import due_reminders, thanks_due

    todos = [
        Todo(f"Follow up with {item['company']} ({item['role']})", ref=f"reminder:{item['id']}",
             link=f"/applications/{item['application_id']}",
             command=f"nextround reply followup {item['application_id']}")
        for item in due_reminders(uow, clock)
    ]
    todos += [
        Todo(f"Send {item['company']} a thank-you note for your interview",
             ref=f"thanks:{item['id']}", link=f"/applications/{item['application_id']}",
             command=f"nextround reply thanks {item['id']}")
        for item in thanks_due(uow, clock)
    ]
    return todos


def _revisit(uow: Any, clock: Clock) -> list[Todo]:
    today = clock().date()
    names = {c.id: c.name for c in uow.companies.list()}
    return [
        Todo(f"Look at {names.get(w.company_id, 'a company')}'s openings again"
             + (f" ({w.reason})" if w.reason else ""), ref=f"watch:{w.id}",
             link="/watch", command="nextround watch")
        for w in uow.recover.watch_entries()
        if str(w.state) == "watching" and w.look_again_on <= today
    ]


def _practice(uow: Any, clock: Clock) -> list[Todo]:
    due = uow.recover.practice_due(clock())
    if not due:
        return []
    return [Todo(f"{due} practice question(s) due", ref="practice", link="/practice",
                 command="nextround practice")]


def _plan(uow: Any, clock: Clock) -> list[Todo]:
    from nextround.services.plan import today_items

    return [
        Todo(f"{row.starts_at:%H:%M} {row.title}", ref=f"plan:{row.id}", link="/plan",
             command="nextround plan")
        for row in today_items(uow, clock)
    ]


def today(uow: Any, clock: Clock = system_clock) -> Digest:
    from nextround.services.wins import reframe_record, win_record

    now = clock()
    facts = win_record(uow, clock)
    replies, ghosted = _replies_and_silence(uow, clock)
    this_month = month_of(now.date())
    hours = sum(float(e.hours) for e in uow.recover.efforts() if month_of(e.on) == this_month)
    data = DigestInput(
        today=now.date(),
        replies=tuple(replies),
        follow_ups=tuple(_follow_ups(uow, clock)),
        ghosted=tuple(ghosted),
        revisit=tuple(_revisit(uow, clock)),
        practice=tuple(_practice(uow, clock)),
        plan=tuple(_plan(uow, clock)),
        record=reframe_record(uow, clock, facts),
        wins=tuple(recognise(facts)),
        effort_hours_this_month=hours,
    )
    return compose(data)
