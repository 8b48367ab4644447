"""Calendar export: a plan as iCalendar (.ics) that Google, Outlook and Apple Calendar import."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from icalendar import Calendar, Event

from nextround import __version__
from nextround.domain.plan import Plan


def plan_calendar(plan: Plan, now: datetime | None = None) -> Calendar:
    """One event per plan item, in floating local time (the calendar's own time zone)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", f"-//nextround//bounce-back plan {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "nextround plan")
    for item in plan.items:
        event = Event()
        # Stable ids: importing the same plan twice updates events instead of duplicating them.
        digest = hashlib.sha1(f"{item.ref}|{item.start.isoformat()}".encode()).hexdigest()[:20]
        event.add("uid", f"{digest}@nextround.local")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start.replace(tzinfo=None))
        event.add("dtend", item.end.replace(tzinfo=None))
        event.add("summary", item.title)
        event.add("description", item.detail)
        event.add("categories", [item.kind.value])
        event.add("transp", "OPAQUE" if item.kind.value != "rest" else "TRANSPARENT")
        cal.add_component(event)
    return cal


def plan_ics(plan: Plan, now: datetime | None = None) -> bytes:
    data: bytes = plan_calendar(plan, now).to_ical()
    return data
