"""LinkedIn connection notes: personal, and never over the limit."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.domain.linkedin import connection_note, fit
from nextround.domain.reply_context import Contact, DraftContext, Round

BEN = Contact(name="Ben Ode", role="interviewer")
CTX = DraftContext(
    company="Acme",
    role="Data Engineer",
    contacts=(BEN, Contact(name="Ana Lopez", role="recruiter")),
    rounds=(Round(kind="technical", on=date(2026, 3, 3), interviewers=("Ben Ode",)),),
    discussed=("streaming pipelines",),
    stage="interview",
)


def test_interviewer_note_is_personal() -> None:
    note = connection_note(CTX, BEN)
    assert note.note.startswith("Hi Ben") or note.note.startswith("Hello Ben")
    assert "Data Engineer" in note.note and "Acme" in note.note
    assert "streaming pipelines" in note.note
    assert note.length == len(note.note) <= 300
    assert note.as_dict() == {"note": note.note, "length": note.length, "limit": 300}


def test_recruiter_note_differs_from_interviewer_note() -> None:
    assert connection_note(CTX, CTX.contacts[1]).note != connection_note(CTX, BEN).note
    assert "process" in connection_note(CTX, CTX.contacts[1]).note


def test_shorter_limit_drops_detail_not_sense() -> None:
    long_topic = DraftContext(**{**CTX.__dict__, "discussed": ("x" * 150,)})
    note = connection_note(long_topic, BEN, limit=200)
    assert note.length <= 200
    assert "x" * 150 not in note.note
    assert note.note.endswith(".")  # a whole phrasing, not a cut one


def test_absurd_names_are_cut_to_fit() -> None:
    contact = Contact(name="N" * 400, role="interviewer")
    note = connection_note(DraftContext(), contact, limit=200)
    assert note.length <= 200


def test_limit_outside_range_is_refused() -> None:
    with pytest.raises(ValueError):
        connection_note(CTX, BEN, limit=500)


def test_fit_cuts_at_a_word() -> None:
    assert fit("one two three four", 12) == "one two…"
    assert len(fit("a" * 50, 10)) == 10


_text = st.text(min_size=0, max_size=400)


@settings(max_examples=200, deadline=None)
@given(
    name=_text,
    company=_text,
    role=_text,
    topic=_text,
    limit=st.integers(min_value=40, max_value=300),
    kind=st.sampled_from(["interviewer", "recruiter", "hiring_manager", "other"]),
    language=st.sampled_from(["en", "fr"]),
    variant=st.integers(min_value=0, max_value=50),
)
def test_note_never_exceeds_limit(
    name: str,
    company: str,
    role: str,
    topic: str,
    limit: int,
    kind: str,
    language: str,
    variant: int,
) -> None:
    contact = Contact(name=name, role=kind)
    ctx = DraftContext(
        company=company,
        role=role,
        discussed=(topic,),
        contacts=(contact,),
        rounds=(Round(interviewers=(name,)),),
    )
    note = connection_note(ctx, contact, limit=limit, language=language, variant=variant)
    assert note.length == len(note.note) <= limit
    assert note.note.strip()
