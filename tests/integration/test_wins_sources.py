"""Wins and reframes read what the other areas store, through those areas' own repositories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from nextround.services import applications as apps
from nextround.services import people, wins

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


def _at(moment: datetime) -> Any:
    return lambda: moment


def test_every_area_counts_towards_wins_and_reframes(uow: Any) -> None:
    from nextround.domain.replies import DraftOptions
    from nextround.services.debrief import parse_lines, save_debrief
    from nextround.services.feedback import add_action, add_feedback, set_action_status
    from nextround.services.practice import record
    from nextround.services.questions import default_embed
    from nextround.services.replies import draft_for_application, record_sent
    from nextround.services.stories import add_story

    start = NOW - timedelta(days=20)
    app_id = apps.add_application(uow, apps.ApplicationInput(
        company="Acme", role="Analyst", applied_on=start.date()), clock=_at(start))
    round_id = people.add_interview(uow, app_id, "video",
                                    (start + timedelta(days=5)).strftime("%Y-%m-%d %H:%M"), 45)
    people.log_effort(uow, app_id, "preparation", 3.5, (start + timedelta(days=4)).date())
    save_debrief(uow, round_id, parse_lines("What is your greatest weakness? | 4 | 2"),
                 default_embed(), {"do_differently": "Bring numbers to every example"},
                 clock=_at(start + timedelta(days=5)))
    apps.change_status(uow, app_id, apps.Status.REJECTED, clock=_at(start + timedelta(days=9)))
    draft, _ = draft_for_application(uow, app_id, DraftOptions())
    assert "feedback" in draft.parts
    record_sent(uow, app_id, draft, message_id=None, channel="copied",
                clock=_at(start + timedelta(days=10)))
    _, areas = add_feedback(uow, app_id, "Your SQL answers were weak; practise joins.",
                            received_on=(start + timedelta(days=12)).date(),
                            clock=_at(start + timedelta(days=12)))
    action = add_action(uow, areas[0].key if areas else "sql", "course", "Joins course",
                        clock=_at(start + timedelta(days=12)))
    set_action_status(uow, action, "done", clock=_at(start + timedelta(days=16)))
    add_story(uow, {"title": "Release checklist", "action": "I wrote a checklist."},
              clock=_at(start + timedelta(days=13)))
    for day in range(3):
        record(uow, "greatest-weakness", "good", clock=_at(NOW - timedelta(days=2 - day)),
               fuzz=False)
    uow.flush()

    kinds = {w.kind for w in wins.list_wins(uow, _at(NOW))}
    assert {"feedback_requested", "feedback_received", "story", "growth_closed",
            "practice_streak"} <= kinds
    facts = wins.reframe_record(uow, _at(NOW))
    assert facts.interviews == 1 and facts.effort_hours >= 3.5
    assert facts.feedback_asked == 1 and facts.stories == 1
    assert "Bring numbers to every example" in facts.lessons
