"""Importing mail into a real database: dedupe, matching, the review queue and corrections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nextround.domain.applications import Status
from nextround.mail.sources import iter_raw
from nextround.services import review
from nextround.services.applications import ApplicationInput, add_application
from nextround.services.inbox import import_messages, remember_sent
from tests.integration.inbox_mail import (
    ACME_ACK,
    ACME_REJECTION,
    ANON_REJECTION,
    ANON_REJECTION_2,
    BOMB,
    GLOBEX_INTERVIEW,
    NEWSLETTER,
    email,
    write_mbox,
)


@pytest.fixture
def db(any_db: Any) -> Any:
    """Every test here runs on a temp SQLite file and on a real PostgreSQL database."""
    return any_db


def run_import(db: Any, paths: list[Path], **kw: Any) -> Any:
    with db.uow(db.local_user_id()) as uow:
        return import_messages(uow, iter_raw(paths), **kw)


def add_globex(db: Any) -> int:
    with db.uow(db.local_user_id()) as uow:
        app_id = add_application(
            uow, ApplicationInput(company="Globex", role="Data Analyst", applied_on="2026-02-20")
        )
        uow.commit()
    return app_id


def test_import_summary_dedupe_and_review(db: Any, tmp_path: Path) -> None:
    globex = add_globex(db)
    box = write_mbox(
        tmp_path / "mail.mbox",
        [ACME_ACK, NEWSLETTER, GLOBEX_INTERVIEW, ACME_REJECTION, ACME_ACK, BOMB],
    )
    # The same message again, saved as .eml by another client (other bytes, same Message-ID).
    eml = tmp_path / "again.eml"
    eml.write_bytes(ACME_REJECTION.replace(b"Subject:", b"X-Client: other\nSubject:"))

    summary = run_import(db, [box, eml]).as_json()
    (reason,) = summary.pop("quarantine_reasons")
    assert "nested" in reason  # the caps stopped the bomb and said why
    assert summary == {
        "read": 7, "job_related": 3, "stored": 3, "new_proposals": 2,
        "merged_into_proposals": 1, "attached_to_applications": 1, "duplicates_skipped": 2,
        "not_job_related": 1, "sent_by_you": 0, "quarantined": 1, "dry_run": False,
    }  # fmt: skip

    with db.uow(db.local_user_id()) as uow:
        queue = review.pending(uow)
        assert uow.inbox.message_count() == 3  # the newsletter is not stored
        assert uow.inbox.seen_count() == 5  # ...but its hash is kept
    by_kind = {p["kind"]: p for p in queue}
    new_app = by_kind["new_application"]
    assert new_app["company"] == "Acme"
    assert new_app["proposed_status"] == "rejected"  # the later rejection wins over the ack
    assert len(new_app["messages"]) == 2
    assert any("Unfortunately" in e for e in new_app["evidence"])
    assert any("door open" in e or "door left open" in e for e in new_app["evidence"])
    rnd = by_kind["new_round"]
    assert rnd["application_id"] == globex
    assert rnd["proposed_status"] == "interviewing" and rnd["new_round"] == "phone_screen"

    with db.uow(db.local_user_id()) as uow:
        done, skipped = review.accept_all(uow)
        uow.commit()
    assert len(done) == 2 and skipped == []
    with db.uow(db.local_user_id()) as uow:
        apps = {a.company.name: a for a in uow.applications.all()}
        assert apps["Acme"].status == Status.REJECTED
        assert apps["Acme"].applied_on.isoformat() == "2026-03-02"
        assert len(uow.inbox.messages(apps["Acme"].id)) == 2
        assert apps["Globex"].status == Status.INTERVIEWING
        assert [iv.kind.value for iv in uow.interviews.list(globex)] == ["phone_screen"]
        assert review.pending(uow) == []

    again = run_import(db, [box, eml])
    assert again.duplicates == 7 and again.new_proposals == 0 and again.stored == 0


def test_dry_run_changes_nothing(db: Any, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "mail.mbox", [ACME_ACK, ACME_REJECTION, NEWSLETTER])
    summary = run_import(db, [box], dry_run=True)
    assert summary.job_related == 2 and summary.new_proposals == 1 and summary.dry_run
    with db.uow(db.local_user_id()) as uow:
        assert uow.inbox.seen_count() == 0
        assert review.pending(uow) == []
    assert run_import(db, [box]).new_proposals == 1  # the real run still finds everything


def test_correction_is_remembered_for_the_sender(db: Any, tmp_path: Path) -> None:
    globex = add_globex(db)
    run_import(db, [write_mbox(tmp_path / "a.mbox", [ANON_REJECTION])])
    with db.uow(db.local_user_id()) as uow:
        (p,) = review.pending(uow)
        assert p["kind"] == "new_application" and p["company"] == ""
        review.correct(uow, p["id"], application_id=globex)
        uow.commit()
    with db.uow(db.local_user_id()) as uow:
        assert uow.applications.get(globex).status == Status.REJECTED
    # The next email from that sender goes straight to Globex.
    with db.uow(db.local_user_id()) as uow:
        uow.applications.get(globex).status = Status.INTERVIEWING
        uow.commit()
    run_import(db, [write_mbox(tmp_path / "b.mbox", [ANON_REJECTION_2])])
    with db.uow(db.local_user_id()) as uow:
        (p,) = review.pending(uow)
        assert p["application_id"] == globex and p["proposed_status"] == "rejected"
        assert any("before" in e for e in p["evidence"])


def test_reply_in_a_thread_the_app_started_is_attached(db: Any, tmp_path: Path) -> None:
    globex = add_globex(db)
    with db.uow(db.local_user_id()) as uow:
        remember_sent(uow, globex, "<feedback-ask-1@nextround.local>")
        uow.commit()
    reply = email(
        "Jane Park <jane.park@gmail.com>",
        "Re: Thank you",
        "Hi Sam, sure. Your SQL was strong; practise explaining trade-offs out loud.\n\nJane",
        "<reply-9@mail.gmail.com>",
        in_reply_to="<feedback-ask-1@nextround.local>",
    )
    summary = run_import(db, [write_mbox(tmp_path / "r.mbox", [reply])])
    assert summary.stored == 1 and summary.attached == 1
    with db.uow(db.local_user_id()) as uow:
        (msg,) = uow.inbox.messages(globex)
        assert "SQL was strong" in msg.text
        assert any("thread" in e for e in msg.match_evidence)


def test_dismiss_one_and_all(db: Any, tmp_path: Path) -> None:
    run_import(db, [write_mbox(tmp_path / "a.mbox", [ACME_ACK, GLOBEX_INTERVIEW])])
    with db.uow(db.local_user_id()) as uow:
        first, second = review.pending(uow)
        review.dismiss(uow, first["id"])
        assert [p["id"] for p in review.pending(uow)] == [second["id"]]
        assert review.dismiss_all(uow) == 1
        uow.commit()
    with db.uow(db.local_user_id()) as uow:
        assert review.pending(uow) == [] and uow.applications.all() == []


@pytest.mark.parametrize("dry_run", [False, True])
def test_repeats_across_and_within_chunks(db: Any, tmp_path: Path, dry_run: bool) -> None:
    resaved = ACME_ACK.replace(b"Subject:", b"X-Saved-By: other client\nSubject:")
    box = write_mbox(
        tmp_path / "r.mbox",
        [ACME_ACK, ACME_ACK, NEWSLETTER, GLOBEX_INTERVIEW, resaved, NEWSLETTER, ACME_REJECTION],
    )
    summary = run_import(db, [box], chunk_size=2, dry_run=dry_run)
    assert summary.read == 7 and summary.duplicates == 3
    assert summary.stored == 3 and summary.not_job == 1


def test_new_application_learns_the_employer_domain(db: Any, tmp_path: Path) -> None:
    invite = email(
        "Rita Gomez <rita@mail.umbrella-corp.com>",
        "Interview invitation",
        "Hi Sam, we would like to invite you to an interview for the Analyst position.",
        "<u-1@umbrella-corp.com>",
    )
    later = email(
        "Tom <tom@umbrella-corp.com>",
        "Next steps",
        "Hi Sam, unfortunately we have decided not to move forward with your application.",
        "<u-2@umbrella-corp.com>",
    )
    run_import(db, [write_mbox(tmp_path / "a.mbox", [invite])])
    with db.uow(db.local_user_id()) as uow:
        (p,) = review.pending(uow)
        outcome = review.accept(uow, p["id"])
        uow.commit()
        assert uow.applications.get(outcome.application_id).company.domain == "umbrella-corp.com"
    run_import(db, [write_mbox(tmp_path / "b.mbox", [later])])
    with db.uow(db.local_user_id()) as uow:
        (p,) = review.pending(uow)
        assert p["application_id"] == outcome.application_id
        assert p["proposed_status"] == "rejected"


def test_two_roles_at_one_new_company_stay_two_proposals(db: Any, tmp_path: Path) -> None:
    def ack(role: str, n: int) -> bytes:
        return email(
            "Initech Careers <no-reply@hire.lever.co>",
            f"Thank you for applying: {role}",
            f"Hi Sam,\n\nThank you for applying for the {role} position at Initech. We have "
            "received your application and will review it shortly.\n\nInitech",
            f"<initech-{n}@lever.co>",
        )

    box = write_mbox(
        tmp_path / "i.mbox",
        [ack("Data Analyst", 1), ack("Software Engineer", 2), ack("Data Analyst", 3)],
    )
    summary = run_import(db, [box])
    assert (summary.new_proposals, summary.merged) == (2, 1)
    with db.uow(db.local_user_id()) as uow:
        roles = sorted(p["role"] for p in review.pending(uow))
    assert roles == ["Data Analyst", "Software Engineer"]


def test_mail_the_user_sent_is_not_news_but_keeps_the_thread(db: Any, tmp_path: Path) -> None:
    globex = add_globex(db)
    mine = email(
        "Sam Lee <sam@example.org>",
        "Re: Interview invitation - Data Analyst",
        "Hi Jane, thank you for the invitation to interview for the Data Analyst position. "
        "Tuesday at 10 works for me.\n\nSam",
        "<sam-1@example.org>",
        in_reply_to="<int-1@globex.com>",
    ).replace(b"Subject:", b"X-Gmail-Labels: Sent,Opened\nSubject:")
    answer = email(
        "Jane Park <jane.park@gmail.com>",
        "Re: Re: Interview invitation",
        "Great, see you then. The call link will follow.\n\nJane",
        "<jane-2@mail.gmail.com>",
        in_reply_to="<sam-1@example.org>",
    )
    summary = run_import(db, [write_mbox(tmp_path / "t.mbox", [GLOBEX_INTERVIEW, mine, answer])])
    assert summary.sent_by_you == 1
    assert summary.new_proposals == 1  # the invitation only; the user's own reply proposes nothing
    with db.uow(db.local_user_id()) as uow:
        subjects = sorted(m.subject for m in uow.inbox.messages(globex))
    assert subjects == ["Interview invitation - Data Analyst", "Re: Re: Interview invitation"]
