"""The bounce-back plan: rest first, then reflect and reply, then applications at your pace."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from nextround.calendar_ics import plan_ics
from nextround.domain.plan import Pace, Rejection, SlotKind, bounce_back

TODAY = date(2026, 3, 2)


def test_first_day_is_rest_from_the_users_own_list() -> None:
    plan = bounce_back(Rejection("Acme", TODAY), TODAY, Pace(restore=("a swim", "baking")))
    first = plan.on(TODAY)
    assert [i.kind for i in first] == [SlotKind.REST]
    assert "a swim" in first[0].title or "a swim" in first[0].detail


def test_reflect_and_reply_come_the_next_day_then_applications_at_pace() -> None:
    plan = bounce_back(Rejection("Acme", TODAY), TODAY, Pace(applications_per_week=6))
    kinds = {i.kind for i in plan.items}
    assert {SlotKind.REFLECT, SlotKind.REPLY, SlotKind.APPLY, SlotKind.PRACTICE} <= kinds
    assert all(i.start.date() > TODAY for i in plan.items if i.kind is SlotKind.REFLECT)
    assert plan.applications_this_week == 6
    assert any("Acme" in i.title for i in plan.items if i.kind is SlotKind.REPLY)


def test_several_rejections_in_a_row_suggest_a_lighter_week() -> None:
    pace = Pace(applications_per_week=8, practice_per_week=4)
    normal = bounce_back(Rejection("Acme", TODAY), TODAY, pace, rejections_in_a_row=1)
    lighter = bounce_back(Rejection("Acme", TODAY), TODAY, pace, rejections_in_a_row=4)
    assert not normal.lighter and lighter.lighter
    assert lighter.applications_this_week < normal.applications_this_week
    rests = [i for i in lighter.items if i.kind is SlotKind.REST]
    assert len(rests) > len([i for i in normal.items if i.kind is SlotKind.REST])
    assert "4" in lighter.note


def test_ics_parses_back_with_every_event() -> None:
    plan = bounce_back(Rejection("Acme", TODAY), TODAY, Pace())
    cal = Calendar.from_ical(plan_ics(plan))
    events = cal.walk("VEVENT")
    assert len(events) == len(plan.items)
    assert {str(e["SUMMARY"]) for e in events} == {i.title for i in plan.items}
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all(e.decoded("DTSTART") < e.decoded("DTEND") for e in events)
