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


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


def _replies(uow: Any, clock: Clock) -> list[Todo]:
    """Recent rejections that have not had their reply yet."""
    repo = uow.recover
    now = clock()
    replied = {r.application_id for r in uow.respond.sent()}
    replies: list[Todo] = []
    for app, company in repo.applications():
        if _value(app.status) != Status.REJECTED.value or app.id in replied:
            continue
        changed = app.status_changed_at
        if changed and now - changed <= timedelta(days=REPLY_WINDOW_DAYS):
            label = f"{company} ({app.role})" if app.role else company
            replies.append(Todo(f"Thank {label} and ask for feedback", ref=f"app:{app.id}",
                                link=f"/applications/{app.id}",
                                command=f"nextround reply draft {app.id}"))
    return replies


def _silence(uow: Any, clock: Clock) -> list[Todo]:
    """Silence as the inbox judges it, with the user's own thresholds."""
    from nextround.services.ghosting import silent_applications

    todos: list[Todo] = []
    for item in silent_applications(uow, clock):
        label = f"{item['company']} ({item['role']})" if item["role"] else item["company"]
        app_id = item["application_id"]
        if item["suggestion"] == "ghosted":
            text = (f"{label} has not answered your follow-up in {item['days_silent']} days: "
                    "close it, or send one last nudge")
            command = f"nextround ghosted mark {app_id}"
        else:
            text = f"No news from {label} for {item['days_silent']} days: send a follow-up"
            command = f"nextround reply followup {app_id}"
        todos.append(Todo(text, ref=f"app:{app_id}", link=f"/applications/{app_id}",
                          command=command))
    return todos


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
    from nextround.services.watch import due_for_digest

    return [
        Todo(f"Look at {item['company']}'s openings again"
             + (f" ({item['reason']})" if item["reason"] else ""), ref=f"watch:{item['id']}",
             link="/watch", command="nextround watch")
        for item in due_for_digest(uow, clock)
    ]


def _practice(uow: Any, clock: Clock) -> list[Todo]:
    due = uow.reflect.due_count(clock())
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
    this_month = month_of(now.date())
    hours = sum(float(e.hours) for e in uow.recover.efforts() if month_of(e.on) == this_month)
    data = DigestInput(
        today=now.date(),
        replies=tuple(_replies(uow, clock)),
        follow_ups=tuple(_follow_ups(uow, clock)),
        ghosted=tuple(_silence(uow, clock)),
        revisit=tuple(_revisit(uow, clock)),
        practice=tuple(_practice(uow, clock)),
        plan=tuple(_plan(uow, clock)),
        record=reframe_record(uow, clock, facts),
        wins=tuple(recognise(facts)),
        effort_hours_this_month=hours,
    )
    return compose(data)
