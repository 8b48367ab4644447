"""The respond commands through the real entry point, on a temp home."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def rejected(cli: Any, home: Path) -> Any:
    """An application rejected after a technical round, with a recruiter and an interviewer.

    Built in-process (the CLI's own commands for this are tested elsewhere) so that each
    test runs only the commands it is about.
    """
    from nextround.services.applications import ApplicationInput, add_application, change_status
    from nextround.services.people import add_contact, add_interview, update_profile
    from nextround.storage.database import Database

    db = Database(f"sqlite:///{home / 'nextround.db'}")
    owner = db.ensure_ready()
    with db.uow(owner) as uow:
        update_profile(uow, {"name": "Sam Doe", "email": "sam@example.org",
                             "skills": "Python, SQL"})
        app_id = add_application(uow, ApplicationInput(company="Acme", role="Data Engineer",
                                                       applied_on="2026-03-01"))
        add_contact(uow, "Ana Lopez", company="Acme", email="ana@acme.example",
                    application_id=app_id, relation="recruiter")
        ben = add_contact(uow, "Ben Ode", company="Acme")
        add_interview(uow, app_id, "technical", "2026-03-10 10:00",
                      notes="Discussed: streaming pipelines", interviewer_ids=[ben])
        change_status(uow, app_id, "rejected")
        uow.commit()
    db.dispose()
    return cli


def test_reply_draft_json(rejected: Any) -> None:
    result = rejected("reply", "draft", "1", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == {"subject", "body", "to", "language", "parts", "warnings"}
    assert data["to"] == ["ana@acme.example"]
    assert data["parts"] == ["thanks", "feedback", "future"]
    assert "streaming pipelines" in data["body"] and "Sam Doe" in data["body"]


def test_reply_choices(rejected: Any) -> None:
    result = rejected("reply", "draft", "1", "--json", "--parts", "thanks,proposal",
                      "--proposal", "part-time", "--tone", "brief", "--lang", "fr",
                      "--variant", "3")
    data = result.json()
    assert data["language"] == "fr" and data["parts"] == ["thanks", "proposal"]
    assert "temps partiel" in data["body"]
    other = rejected("reply", "draft", "1", "--json", "--variant", "1").json()
    assert other["body"] != rejected("reply", "draft", "1", "--json").json()["body"]


def test_reply_eml_and_mailto(rejected: Any, tmp_path: Path) -> None:
    target = tmp_path / "reply.eml"
    result = rejected("reply", "draft", "1", "--eml", str(target), "--mailto")
    assert result.code == 0, result.err
    assert "mailto:ana@acme.example?subject=" in result.out
    msg = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert msg["From"] == "Sam Doe <sam@example.org>"
    assert msg["To"] == "ana@acme.example"
    assert msg["Message-ID"] and msg["Date"]
    assert "Hi Ana" in msg.get_content() or "Ana," in msg.get_content()


def test_unknown_choices_and_records(rejected: Any) -> None:
    assert rejected("reply", "draft", "99").code == 3
    assert rejected("reply", "draft", "1", "--parts", "jokes").code == 2
    sent = rejected("reply", "draft", "1", "--send", env={"NEXTROUND_SMTP_HOST": ""})
    assert sent.code == 5
    assert "NEXTROUND_SMTP_HOST" in sent.err


def test_followup_and_thanks(rejected: Any) -> None:
    follow = rejected("reply", "followup", "1", "--json").json()
    assert "technical interview on March 10" in follow["body"]
    thanks = rejected("reply", "thanks", "1", "--json", "--tone", "formal").json()
    assert thanks["subject"].startswith("Thank you for the interview")


def test_linkedin_note(rejected: Any) -> None:
    data = rejected("linkedin", "note", "2", "--max", "200", "--json").json()
    assert set(data) == {"note", "length", "limit"}
    assert data["limit"] == 200 and data["length"] == len(data["note"]) <= 200
    assert data["note"].startswith(("Hi Ben", "Hello Ben"))
    human = rejected("linkedin", "note", "2")
    assert "/300 characters" in human.err
    assert rejected("linkedin", "set", "2", "--url", "https://www.linkedin.com/in/ben-ode",
                    "--status", "sent").code == 0
    assert rejected("linkedin", "set", "2", "--url", "javascript:alert(1)").code == 2


def test_feedback_growth_and_actions(rejected: Any, tmp_path: Path) -> None:
    added = rejected("feedback", "add", "1", "Your answers were too long.", "--json").json()
    assert [a["key"] for a in added["areas"]] == ["concise-answers"]
    note = tmp_path / "feedback.txt"
    note.write_text("We wanted more leadership examples. Answers could be more concise.")
    assert rejected("feedback", "add", "1", "--file", str(note)).code == 0
    assert rejected("feedback", "add", "1").code == 2
    ranked = rejected("growth", "--json").json()
    assert [(r["rank"], r["key"], r["count"]) for r in ranked] == [
        (1, "concise-answers", 2), (2, "leadership", 1)]
    assert rejected("growth", "action", "add", "1", "Two-minute answers").code == 0
    assert rejected("growth", "action", "status", "1", "done").code == 0
    assert rejected("growth", "--json").json()[0]["actions"][0]["status"] == "done"
    listed = rejected("feedback", "list", "--json").json()
    assert len(listed) == 2 and listed[0]["source"] == "pasted"


def test_watch_list(rejected: Any) -> None:
    assert rejected("watch", "add", "1", "--months", "2").code == 0
    (entry,) = rejected("watch", "--json").json()
    assert entry["company"] == "Acme" and entry["due"] is False
    assert rejected("watch", "done", str(entry["id"])).code == 0
    assert rejected("watch", "--json").json() == []


@pytest.fixture
def smtp_port() -> Iterator[tuple[int, list[Any]]]:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            received.append(envelope.rcpt_tos)
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    controller = controller_mod.Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received
    controller.stop()


def test_send_records_and_reminds(rejected: Any, smtp_port: tuple[int, list[Any]]) -> None:
    port, received = smtp_port
    env = {"NEXTROUND_SMTP_HOST": "127.0.0.1", "NEXTROUND_SMTP_PORT": str(port),
           "NEXTROUND_SMTP_SECURITY": "none"}
    result = rejected("reply", "draft", "1", "--send", "--json", env=env)
    assert result.code == 0, result.err
    assert received == [["ana@acme.example"]]
    assert result.json()["sent"]["to"] == ["ana@acme.example"]
    assert result.json()["sent"]["follow_up_on"]
    shown = rejected("app", "show", "1", "--json").json()
    assert "Sent reply to the rejection" in str(shown)


def test_mark_sent_from_own_mail(rejected: Any, tmp_path: Path) -> None:
    result = rejected("reply", "thanks", "1", "--eml", str(tmp_path / "t.eml"), "--mark-sent",
                      "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["sent"]["follow_up_on"] and data["message_id"].startswith("<")
    assert rejected("reply", "due", "--json").json() == []
