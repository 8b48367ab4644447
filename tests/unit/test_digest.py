"""The daily digest lists what to do, adds one kind note from the record, and is quiet otherwise."""

from __future__ import annotations

from datetime import date

from nextround.domain.digest import DigestInput, Todo, compose
from nextround.domain.reframes import Record
from nextround.domain.wins import RoundFact, WinRecord, recognise

TODAY = date(2026, 3, 10)


def test_quiet_when_nothing_to_do() -> None:
    digest = compose(DigestInput(today=TODAY))
    assert digest.quiet
    assert digest.sections == ()
    assert digest.quiet_message
    assert digest.note is None


def test_sections_only_for_what_there_is() -> None:
    digest = compose(DigestInput(
        today=TODAY,
        replies=(Todo("Thank Acme and ask for feedback", ref="app:1"),),
        practice=(Todo("2 questions due"),),
    ))
    assert not digest.quiet
    assert [s.key for s in digest.sections] == ["replies", "practice"]
    assert digest.as_dict()["sections"]["replies"]["items"][0]["ref"] == "app:1"


def test_kind_note_is_specific_to_the_record() -> None:
    wins = tuple(recognise(WinRecord(rounds=(RoundFact(1, 1, "Birch", date(2026, 3, 8)),))))
    digest = compose(DigestInput(today=TODAY, record=Record(interviews=3), wins=wins))
    assert digest.note is not None
    assert "Birch" in digest.note or "3 interview" in digest.note


def test_a_long_list_is_cut_short_with_a_count() -> None:
    many = tuple(Todo(f"Company {n} went quiet") for n in range(9))
    digest = compose(DigestInput(today=TODAY, ghosted=many))
    section = digest.sections[0]
    assert len(section.items) == 5 and section.more == 4
