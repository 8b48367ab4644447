"""Reply services on a real SQLite database: drafts from the record, sending, reminders, watch."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import policy
from typing import Any

import pytest

from nextround.domain.reply_context import DraftOptions
from nextround.services import feedback as feedback_service
from nextround.services import replies, watch
from nextround.services.applications import ApplicationInput, add_application, change_status
from nextround.services.people import add_contact, add_interview, update_profile

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)  # a Friday


def clock() -> datetime:
    return NOW


@pytest.fixture
def app_id(uow: Any) -> int:
    update_profile(uow, {"name": "Sam Doe", "email": "sam@example.org", "skills": "Python, SQL"})
    new_id = add_application(uow, ApplicationInput(company="Acme", role="Data Engineer",
                                                   applied_on="2026-03-01"))
    ana = add_contact(uow, "Ana Lopez", company="Acme", email="ana@acme.example",
                      application_id=new_id, relation="recruiter")
    ben = add_contact(uow, "Ben Ode", company="Acme", title="Engineering Manager")
    add_interview(uow, new_id, "technical", "2026-03-10 10:00", None, "",
                  "Discussed: the data platform migration; testing strategy", [ben], "rejected",
                  False)
    change_status(uow, new_id, "rejected")
    uow.commit()
    assert ana
    return int(new_id)


def _store_rejection(uow: Any, app_id: int, door_open: bool) -> None:
    from nextround.storage.tables.inbox import StoredMessage

    uow.inbox.add(StoredMessage(
        owner_id=uow.owner_id, application_id=app_id, sha256="a" * 64,
        message_id="<rej-1@acme.example>", subject="Your application for Data Engineer",
        sender="Acme Talent <talent@acme.example>", sender_addr="talent@acme.example",
        sent_at=datetime(2026, 3, 18, tzinfo=UTC), label="rejection",
        references=["<ack-1@acme.example>"],
        rejection={"door_open": door_open, "stage": "interview", "reason_given": False},
        text="We will not be moving forward.", created_at=NOW,
    ))  # fmt: skip
    uow.commit()


def test_draft_uses_people_rounds_and_notes(uow: Any, app_id: int) -> None:
    draft, ctx = replies.draft_for_application(uow, app_id, DraftOptions())
    assert draft.to == ("ana@acme.example",)
    assert "Hi Ana" in draft.body or "Dear Ana" in draft.body or "Hello Ana" in draft.body
    assert "Ben Ode" in draft.body
    assert "the data platform migration and testing strategy" in draft.body
    assert ctx.stage is None and ctx.effective_stage == "interview"


def test_imported_rejection_threads_and_opens_the_door(uow: Any, app_id: int) -> None:
    _store_rejection(uow, app_id, door_open=True)
    draft, ctx = replies.draft_for_application(uow, app_id, DraftOptions())
    assert draft.subject == "Re: Your application for Data Engineer"
    assert draft.to == ("talent@acme.example",)
    assert "linkedin" in draft.parts
    msg = replies.message_for(uow, draft, ctx, clock=clock)
    assert msg["In-Reply-To"] == "<rej-1@acme.example>"
    assert msg["References"] == "<ack-1@acme.example> <rej-1@acme.example>"
    replies.record_sent(uow, app_id, draft, message_id=None, channel="manual", clock=clock)
    assert watch.refresh(uow, clock) == 0  # sending the reply already added it
    (entry,) = watch.watch_list(uow, clock)
    assert entry["company"] == "Acme" and entry["look_again_on"] == "2026-06-20"
    assert not entry["due"]
    later = datetime(2026, 6, 21, tzinfo=UTC)
    assert [e["company"] for e in watch.due_for_digest(uow, lambda: later)] == ["Acme"]


def test_recording_a_sent_reply_schedules_a_reminder(uow: Any, app_id: int) -> None:
    draft, _ = replies.draft_for_application(uow, app_id, DraftOptions())
    recorded = replies.record_sent(uow, app_id, draft, message_id="<m1@example.org>",
                                   channel="smtp", clock=clock)
    uow.commit()
    assert recorded.reminder_due == date(2026, 4, 3)  # ten working days after a Friday
    notes = [n.text for n in uow.applications.notes(app_id)]
    assert any(n.startswith("Sent reply to the rejection to ana@acme.example") for n in notes)
    assert replies.due_reminders(uow, clock) == []
    due = replies.due_reminders(uow, lambda: datetime(2026, 4, 3, 8, tzinfo=UTC))
    assert [(d["application_id"], d["due_on"]) for d in due] == [(app_id, "2026-04-03")]
    # The app remembers the Message-ID so that the answer threads back to the application.
    assert uow.inbox.thread_index().get("m1@example.org") == app_id


def test_an_answer_settles_the_reminder(uow: Any, app_id: int) -> None:
    draft, _ = replies.draft_for_application(uow, app_id, DraftOptions())
    replies.record_sent(uow, app_id, draft, message_id=None, channel="smtp", clock=clock)
    from nextround.storage.tables.inbox import StoredMessage

    uow.inbox.add(StoredMessage(
        owner_id=uow.owner_id, application_id=app_id, sha256="b" * 64, label="other",
        sent_at=datetime(2026, 3, 25, tzinfo=UTC), created_at=NOW,
    ))  # fmt: skip
    assert replies.due_reminders(uow, lambda: datetime(2026, 4, 10, tzinfo=UTC)) == []


def test_second_follow_up_closes_the_loop(uow: Any, app_id: int) -> None:
    first, _ = replies.followup_for_application(uow, app_id, DraftOptions())
    assert first.kind == "followup"
    replies.record_sent(uow, app_id, first, message_id=None, channel="smtp", clock=clock)
    second, _ = replies.followup_for_application(uow, app_id, DraftOptions())
    assert second.kind == "close"
    recorded = replies.record_sent(uow, app_id, second, message_id=None, channel="smtp",
                                   clock=clock)
    assert recorded.reminder_due is None


def test_thanks_note_for_a_round(uow: Any, app_id: int) -> None:
    (iv,) = uow.interviews.list(app_id)
    draft, _, owner_app = replies.thanks_for_interview(uow, iv.id, DraftOptions(tone="formal"))
    assert owner_app == app_id
    assert "technical interview on March 10" in draft.body
    assert draft.kind == "thanks_note"


def test_feedback_growth_and_actions(uow: Any, app_id: int) -> None:
    fid, areas = feedback_service.add_feedback(
        uow, app_id, "Answers were too long. We wanted more leadership examples.", clock=clock)
    feedback_service.add_feedback(uow, app_id, "Some answers rambled.", clock=clock)
    assert [a.key for a in areas] == ["concise-answers", "leadership"]
    ranked = feedback_service.growth_areas(uow)
    assert [(r["key"], r["count"]) for r in ranked] == [("concise-answers", 2), ("leadership", 1)]
    action = feedback_service.add_action(uow, "1", "practice", "Two-minute answers", clock=clock)
    feedback_service.set_action_status(uow, action, "doing", clock=clock)
    assert feedback_service.growth_areas(uow)[0]["actions"] == [
        {"id": action, "kind": "practice", "title": "Two-minute answers", "status": "doing"}]
    listed = feedback_service.list_feedback(uow)
    assert listed[0]["id"] == fid and listed[0]["source"] == "pasted"


def test_feedback_from_an_imported_email(uow: Any, app_id: int) -> None:
    from nextround.storage.tables.inbox import StoredMessage

    row = uow.inbox.add(StoredMessage(
        owner_id=uow.owner_id, application_id=app_id, sha256="c" * 64, label="other",
        sent_at=datetime(2026, 3, 22, tzinfo=UTC), created_at=NOW,
        text="Thanks for asking. The team wanted more experience with Kubernetes.",
    ))  # fmt: skip
    fid, areas = feedback_service.feedback_from_email(uow, row.id, clock=clock)
    assert [a.key for a in areas] == ["cloud"]
    again, _ = feedback_service.feedback_from_email(uow, row.id, clock=clock)
    assert again == fid
    assert feedback_service.list_feedback(uow)[0]["source"] == "email"
    assert feedback_service.list_feedback(uow)[0]["received_on"] == "2026-03-22"


# -- sending for real, to an SMTP server on 127.0.0.1 -------------------------------------

@pytest.fixture
def smtp_sink() -> Iterator[tuple[list[Any], int]]:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            received.append(email.message_from_bytes(envelope.original_content,
                                                     policy=policy.default))
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    controller = controller_mod.Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield received, port
    controller.stop()


def test_send_records_only_after_the_server_accepts(
    uow: Any, app_id: int, smtp_sink: tuple[list[Any], int]
) -> None:
    from nextround.errors import ExternalError
    from nextround.mail.smtp import SmtpAccount

    received, port = smtp_sink
    _store_rejection(uow, app_id, door_open=False)
    draft, ctx = replies.draft_for_application(uow, app_id, DraftOptions())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = int(sock.getsockname()[1])
    with pytest.raises(ExternalError):
        replies.send_draft(uow, app_id, draft, ctx, account=SmtpAccount("127.0.0.1", dead,
                           security="none", timeout=5), password=None, clock=clock)
    assert uow.respond.sent(app_id) == []
    recorded, accepted = replies.send_draft(
        uow, app_id, draft, ctx, account=SmtpAccount("127.0.0.1", port, security="none"),
        password=None, clock=clock)
    uow.commit()
    assert accepted == ["talent@acme.example"]
    (msg,) = received
    assert msg["In-Reply-To"] == "<rej-1@acme.example>"
    assert msg["Subject"] == "Re: Your application for Data Engineer"
    (sent,) = uow.respond.sent(app_id)
    assert sent.message_id == msg["Message-ID"]
    assert recorded.reminder_due == date(2026, 4, 3)


def test_answers_to_sent_replies_become_feedback(uow: Any, app_id: int) -> None:
    from nextround.storage.tables.inbox import StoredMessage

    draft, _ = replies.draft_for_application(uow, app_id, DraftOptions())
    replies.record_sent(uow, app_id, draft, message_id="<mine-1@example.org>", channel="smtp",
                        clock=clock)
    later = datetime(2026, 3, 24, tzinfo=UTC)
    answer = uow.inbox.add(StoredMessage(
        owner_id=uow.owner_id, application_id=app_id, sha256="d" * 64, label="other",
        in_reply_to="mine-1@example.org", sent_at=later, created_at=later,
        subject="Re: Thank you", sender_addr="ana@acme.example",
        text="Happy to help. The panel wanted more leadership examples.",
    ))  # fmt: skip
    thanks = uow.inbox.add(StoredMessage(
        owner_id=uow.owner_id, application_id=app_id, sha256="e" * 64, label="other",
        sent_at=later, created_at=later, subject="Re: Thank you",
        sender_addr="ana@acme.example", text="You are welcome, good luck!",
    ))  # fmt: skip
    before = uow.inbox.add(StoredMessage(
        owner_id=uow.owner_id, application_id=app_id, sha256="f" * 64, label="other",
        sent_at=datetime(2026, 3, 1, tzinfo=UTC), created_at=later,
        sender_addr="ana@acme.example", text="We wanted more SQL.",
    ))  # fmt: skip
    result = feedback_service.collect_feedback(uow, clock)
    assert [a["email_id"] for a in result["attached"]] == [answer.id]
    assert result["attached"][0]["areas"] == ["Leadership examples"]
    assert [o["email_id"] for o in result["replies_without_areas"]] == [thanks.id]
    assert before.id not in {o["email_id"] for o in result["replies_without_areas"]}
    again = feedback_service.collect_feedback(uow, clock)
    assert again["attached"] == []


def test_sending_is_limited_per_hour(uow: Any, app_id: int) -> None:
    from nextround.errors import ConflictError
    from nextround.mail.smtp import SmtpAccount

    draft, ctx = replies.draft_for_application(uow, app_id, DraftOptions())
    for _ in range(replies.MAX_SENDS_PER_HOUR):
        replies.record_sent(uow, app_id, draft, message_id=None, channel="smtp", clock=clock)
    with pytest.raises(ConflictError):
        replies.send_draft(uow, app_id, draft, ctx, password=None, clock=clock,
                           account=SmtpAccount("127.0.0.1", 9, security="none", timeout=1))


def test_follow_up_marked_from_own_mail_counts(uow: Any, app_id: int) -> None:
    from nextround.services.inbox import remember_sent

    remember_sent(uow, app_id, "own-mail-1@example.org", clock, follow_up=True)
    draft, _ = replies.followup_for_application(uow, app_id, DraftOptions())
    assert draft.kind == "close"


def test_user_says_what_a_pasted_rejection_said(uow: Any, app_id: int) -> None:
    draft, ctx = replies.draft_for_application(uow, app_id, DraftOptions(), door_open=True,
                                               stage="application")
    assert ctx.door_open is True and "linkedin" not in draft.parts
    assert "interview" not in draft.body.lower()
    assert "door open" in draft.body


def test_thank_you_notes_are_due_after_a_recent_round(uow: Any, app_id: int) -> None:
    (iv,) = uow.interviews.list(app_id)
    assert replies.thanks_due(uow, lambda: datetime(2026, 3, 11, tzinfo=UTC)) == []  # rejected
    change_status(uow, app_id, "interviewing")

    def day_after() -> datetime:
        return datetime(2026, 3, 11, 9, tzinfo=UTC)

    assert [(d["kind"], d["id"], d["due_on"]) for d in replies.thanks_due(uow, day_after)] == [
        ("thanks", iv.id, "2026-03-11")]
    draft, _, _ = replies.thanks_for_interview(uow, iv.id, DraftOptions())
    replies.record_sent(uow, app_id, draft, message_id=None, channel="manual", clock=day_after,
                        interview_id=iv.id)
    assert replies.thanks_due(uow, day_after) == []

    def week_later() -> datetime:
        return datetime(2026, 3, 17, tzinfo=UTC)

    assert replies.thanks_due(uow, week_later) == []
