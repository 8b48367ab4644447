"""Replies to a rejection, follow-ups and thank-you notes, as a job seeker would read them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from nextround.domain.replies import draft_followup, draft_reply, draft_thanks
from nextround.domain.reply_context import (
    Contact,
    DraftContext,
    DraftOptions,
    Profile,
    Round,
    ThreadRef,
)

ANA = Contact(name="Ana Lopez", email="ana@acme.example", role="recruiter")
FULL = DraftContext(
    company="Acme",
    role="Data Engineer",
    contacts=(ANA,),
    rounds=(Round(kind="technical", on=date(2026, 3, 3), interviewers=("Ben Ode", "Ana Lopez")),),
    discussed=("the data platform migration",),
    stage="interview",
    door_open=False,
    profile=Profile(name="Sam Doe", email="sam@example.org", skills=("Python", "SQL")),
)


def test_interview_reply_uses_the_record() -> None:
    draft = draft_reply(FULL)
    assert draft.to == ("ana@acme.example",)
    assert draft.parts == ("thanks", "feedback", "future")
    for fact in (
        "Ana",
        "Acme",
        "Data Engineer",
        "Ben Ode",
        "the data platform migration",
        "Sam Doe",
    ):
        assert fact in draft.body
    assert draft.warnings == ()
    assert "?" in draft.body  # the feedback part asks real questions


def test_application_rejection_gets_a_shorter_different_reply() -> None:
    ctx = DraftContext(
        company="Acme",
        role="Data Engineer",
        contacts=(ANA,),
        stage="application",
        profile=Profile(name="Sam Doe"),
    )
    short = draft_reply(ctx)
    long = draft_reply(FULL)
    assert len(short.body) < len(long.body)
    assert "interview" not in short.body.lower()
    assert "application" in short.body.lower()


def test_no_claim_without_support() -> None:
    ctx = DraftContext(
        company="Acme",
        role="Analyst",
        stage="interview",
        rounds=(Round(kind="video"),),
        profile=Profile(name="Sam"),
    )
    body = draft_reply(ctx).body
    assert "meeting" not in body and "meet" not in body  # no interviewer on record
    assert "discuss" not in body.lower() and "conversation about" not in body
    assert "stay in touch" not in body  # the door was not said to be open


def test_missing_facts_adapt_and_are_listed() -> None:
    draft = draft_reply(DraftContext(stage="interview"))
    assert draft.body.startswith("Hello")
    assert not re.search(r"[\[\]{}]", draft.body + draft.subject)
    joined = " ".join(draft.warnings)
    for word in ("company", "role", "contact name", "email address", "name"):
        assert word in joined
    assert draft.to == ()


def test_variants_differ_and_repeat() -> None:
    bodies = {draft_reply(FULL, DraftOptions(variant=n)).body for n in range(4)}
    assert len(bodies) >= 3
    assert draft_reply(FULL, DraftOptions(variant=7)) == draft_reply(FULL, DraftOptions(variant=7))


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
def test_tones_differ(tone: str) -> None:
    draft = draft_reply(FULL, DraftOptions(tone=tone))  # type: ignore[arg-type]
    others = {
        draft_reply(FULL, DraftOptions(tone=t)).body
        for t in ("warm", "formal", "brief")  # type: ignore[arg-type]
        if t != tone
    }
    assert draft.body not in others


def test_brief_is_shortest() -> None:
    lengths = {
        t: len(draft_reply(FULL, DraftOptions(tone=t)).body) for t in ("warm", "formal", "brief")
    }  # type: ignore[arg-type]
    assert lengths["brief"] < lengths["warm"] and lengths["brief"] < lengths["formal"]


def test_door_open_adds_linkedin_and_welcomes_contact() -> None:
    ctx = DraftContext(**{**FULL.__dict__, "door_open": True})
    draft = draft_reply(ctx)
    assert "linkedin" in draft.parts
    assert "LinkedIn" in draft.body
    assert "stay in touch" in draft.body or "keeping in touch" in draft.body


def test_proposal_names_the_kind_and_skills() -> None:
    draft = draft_reply(FULL, DraftOptions(proposal="internship"))
    assert "proposal" in draft.parts
    assert "an internship" in draft.body
    assert "Python and SQL" in draft.body


def test_chosen_parts_only() -> None:
    draft = draft_reply(FULL, DraftOptions(parts=("feedback", "thanks")))
    assert draft.parts == ("thanks", "feedback")
    assert "future roles" not in draft.body and "future openings" not in draft.body


def test_unknown_choice_is_refused() -> None:
    with pytest.raises(ValueError, match="tone"):
        draft_reply(FULL, DraftOptions(tone="rude"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="part"):
        draft_reply(FULL, DraftOptions(parts=("jokes",)))


def test_reply_threads_under_imported_rejection() -> None:
    thread = ThreadRef(
        message_id="<r1@acme.example>",
        subject="Your application",
        from_addr="Acme Careers <jobs@acme.example>",
    )
    ctx = DraftContext(**{**FULL.__dict__, "thread": thread, "contacts": ()})
    draft = draft_reply(ctx)
    assert draft.subject == "Re: Your application"
    assert draft.to == ("jobs@acme.example",)
    assert draft.body.startswith(("Dear Acme team", "Hello Acme team", "Hello,"))


def test_no_reply_sender_is_not_a_recipient() -> None:
    thread = ThreadRef(
        message_id="<r1@acme.example>", subject="Update", from_addr="no-reply@acme.example"
    )
    ctx = DraftContext(**{**FULL.__dict__, "thread": thread})
    assert draft_reply(ctx).to == ("ana@acme.example",)


def test_ghosting_follow_up_then_closing_the_loop() -> None:
    ctx = DraftContext(
        company="Acme",
        role="Analyst",
        applied_on=date(2026, 2, 1),
        contacts=(ANA,),
        profile=Profile(name="Sam"),
    )
    first = draft_followup(ctx, step=1)
    second = draft_followup(ctx, step=2)
    assert "February 1" in first.body
    assert "follow" in (first.subject + first.body).lower()
    assert "assume" in second.body
    assert first.subject != second.subject
    assert first.kind == "followup" and second.kind == "close"


def test_follow_up_after_interview_mentions_it() -> None:
    draft = draft_followup(FULL, step=1)
    assert "technical interview on March 3" in draft.body


def test_thank_you_note_after_interview() -> None:
    draft = draft_thanks(FULL)
    assert "March 3" in draft.body
    assert "the data platform migration" in draft.body
    assert draft.subject.startswith("Thank you")
    assert draft.to == ("ana@acme.example",)


def test_thank_you_warns_without_notes() -> None:
    ctx = DraftContext(company="Acme", role="Analyst", rounds=(Round(),), profile=Profile(name="S"))
    draft = draft_thanks(ctx)
    assert any("discussed" in w for w in draft.warnings)
    assert any("date" in w for w in draft.warnings)


def test_topics_come_from_the_users_notes() -> None:
    from nextround.domain.reply_facts import topics_from_notes

    assert topics_from_notes("Discussed: the migration; testing strategy") == [
        "the migration", "testing strategy"]
    assert topics_from_notes("Friendly chat about the team and the on-call rotation.") == [
        "the team and the on-call rotation"]
    assert topics_from_notes("Nous avons parlé de la refonte du site.") == ["la refonte du site"]
    assert topics_from_notes("Take-home: six hours of work; finished most of it.") == []
    assert topics_from_notes("We talked about " + "x" * 200) == []
