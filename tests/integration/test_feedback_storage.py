"""Respond storage on SQLite and PostgreSQL: feedback, growth ranking, sent replies, watch."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from nextround.domain.reply_context import Draft
from nextround.services import feedback, replies, watch
from nextround.services.applications import ApplicationInput, add_application

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def test_respond_rows_on_both_databases(any_db: Any) -> None:
    with any_db.uow(any_db.local_user_id()) as uow:
        one = add_application(uow, ApplicationInput(company="Acme", role="Analyst",
                                                    applied_on="2026-04-01"))
        two = add_application(uow, ApplicationInput(company="Globex", role="Analyst",
                                                    applied_on="2026-04-02"))
        feedback.add_feedback(uow, one, "Answers were too long; we wanted more SQL.",
                              clock=lambda: NOW)
        feedback.add_feedback(uow, two, "Try to be more concise. Ça ira mieux la prochaine fois.",
                              received_on=date(2026, 5, 1), clock=lambda: NOW)
        draft = Draft(subject="Thank you", body="Hi,\n", to=("a@acme.example",), language="en",
                      parts=("thanks",), warnings=(), kind="reply")
        replies.record_sent(uow, one, draft, message_id="<x1@example.org>", channel="smtp",
                            clock=lambda: NOW)
        watch.watch_company(uow, two, months=3, clock=lambda: NOW)
        uow.commit()
    with any_db.uow(any_db.local_user_id()) as uow:
        ranked = feedback.growth_areas(uow)
        assert [(r["key"], r["count"]) for r in ranked][:1] == [("concise-answers", 2)]
        assert {r["key"] for r in ranked} == {"concise-answers", "sql"}
        (sent,) = uow.respond.sent(one)
        assert sent.parts == ["thanks"] and sent.sent_at == NOW
        (reminder,) = uow.respond.reminders()
        assert reminder.due_on == date(2026, 5, 18)
        (entry,) = watch.watch_list(uow, lambda: NOW)
        assert entry["company"] == "Globex" and entry["look_again_on"] == "2026-08-04"
