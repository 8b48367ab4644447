"""Reflect services on a real migrated SQLite database (and PostgreSQL when available)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from nextround.nlp.embedder import CachedEmbedder, LexicalEmbedder
from nextround.services import debrief, fit, practice, questions, share, stories
from nextround.services.applications import ApplicationInput, add_application
from nextround.services.people import add_interview

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
# The real fallback (no model needed for storage behaviour), kept in memory across tests.
EMBED = CachedEmbedder(LexicalEmbedder(), None).embed


def clock() -> datetime:
    return NOW


def round_for(uow: Any, company: str, when: str) -> int:
    app_id = add_application(uow, ApplicationInput(company=company, role="Analyst"))
    return add_interview(uow, app_id, "video", when)


@pytest.fixture
def any_uow(any_db: Any) -> Iterator[Any]:
    with any_db.uow(any_db.local_user_id()) as unit:
        yield unit


@pytest.fixture
def logged(any_uow: Any) -> Any:
    uow = any_uow
    r1 = round_for(uow, "Acme", "2026-11-10 10:00")
    r2 = round_for(uow, "Beta", "2026-11-20 10:00")
    debrief.save_debrief(uow, r1, debrief.parse_lines(
        "Tell me about yourself\nWhat is your greatest weakness? | 4 | 2\n"), EMBED,
        {"went_well": "Good rapport"}, clock=clock)
    debrief.save_debrief(uow, r2, debrief.parse_lines(
        "tell me about yourself.\nWhat is your greatest weakness?|5|1\nWhy us?\n"), EMBED,
        clock=clock)
    uow.commit()
    uow.rounds = (r1, r2)  # type: ignore[attr-defined]
    return uow


def test_partial_debrief_can_be_completed_later(uow: Any) -> None:
    r = round_for(uow, "Gamma", "2026-11-01 09:00")
    debrief.save_debrief(uow, r, [], EMBED, {"went_well": "Calm start"}, clock=clock)
    view = debrief.debrief_view(uow, r)
    assert "questions" in view["incomplete"] and "do_differently" in view["incomplete"]
    debrief.save_debrief(uow, r, debrief.parse_lines("Why this role?"), EMBED,
                         {"do_differently": "Ask about the team"}, clock=clock)
    view = debrief.debrief_view(uow, r)
    assert view["went_well"] == "Calm start"
    assert [q["text"] for q in view["questions"]] == ["Why this role?"]
    assert view["incomplete"] == []


def test_repeated_questions_rise_to_the_top(logged: Any) -> None:
    top = questions.ranked(logged, NOW.date())
    assert top[0].text == "What is your greatest weakness?"
    assert top[0].times_asked == 2 and top[0].interviews == 2
    assert top[0].difficulty == 4.5


def test_split_takes_a_question_out_and_confirm_teaches_the_bank(logged: Any) -> None:
    weak = [a for a, _ in logged.reflect.all_asked() if "weakness" in a.text]
    questions.split(logged, weak[0].id, EMBED)
    keys = {a.group_key for a, _ in logged.reflect.all_asked() if "weakness" in a.text}
    assert len(keys) == 2
    questions.confirm(logged, weak[0].id, "greatest-weakness", EMBED)
    assert "What is your greatest weakness?" in logged.reflect.learned_wordings()[
        "greatest-weakness"]
    keys = {a.group_key for a, _ in logged.reflect.all_asked() if "weakness" in a.text}
    assert keys == {"greatest-weakness"}


def _unsure_twins(logged: Any) -> list[Any]:
    """The same wording logged in two rounds, both left unsure by the grouping."""
    weak = [a for a, _ in logged.reflect.all_asked() if "weakness" in a.text]
    for a in weak:
        a.match, a.canonical_id = "suggest", "greatest-weakness"
    logged.flush()
    return weak


def test_one_answer_settles_every_unsure_copy_of_a_wording(logged: Any) -> None:
    weak = _unsure_twins(logged)
    listed = questions.uncertain(logged)
    assert [(u["question"], u["times"]) for u in listed] == [
        ("What is your greatest weakness?", 2)]
    questions.confirm(logged, listed[0]["id"], None, EMBED)
    assert {a.match for a in weak} == {"confirmed"}
    assert questions.uncertain(logged) == []


def test_split_copies_of_a_wording_stay_one_question(logged: Any) -> None:
    weak = _unsure_twins(logged)
    questions.split(logged, weak[1].id, EMBED)
    assert {a.match for a in weak} == {"split"}
    assert len({a.group_key for a in weak}) == 1
    row = next(r for r in questions.ranked(logged, NOW.date()) if "weakness" in r.text)
    assert row.times_asked == 2 and row.canonical_id is None


def test_top_questions_without_a_story_and_overused_stories(logged: Any) -> None:
    story_id = stories.add_story(logged, {"title": "Queue", "action": "I fixed it"},
                                 questions=["greatest-weakness"], clock=clock)
    cover = stories.coverage(logged, NOW.date())
    assert "greatest-weakness" not in {g["key"] for g in cover["without_story"]}
    assert cover["without_story"]
    stories.edit_story(logged, story_id, {}, link=["about-yourself", "why-this-company",
                                                   "five-years"], clock=clock)
    assert [o["id"] for o in stories.coverage(logged, NOW.date())["overused"]] == [story_id]


def test_practice_records_ratings_and_counts_due(logged: Any) -> None:
    plan = practice.session(logged, minutes=30, clock=clock)
    assert plan[0]["key"] == "greatest-weakness" and plan[0]["new"]
    due = practice.record(logged, "greatest-weakness", "good", clock=clock, fuzz=False)
    assert due > NOW
    info = practice.status(logged, clock=clock)
    assert info["grades"]["good"] == 1 and info["reviews_per_day"][-1]["reviews"] == 1


def test_fit_scorecard_and_share_export(logged: Any, tmp_path: Path) -> None:
    r1, _ = logged.rounds
    app_id = logged.interviews.get(r1).application_id
    fit.set_weights(logged, {"commute": 0})
    fit.assess(logged, app_id, {"growth": 2, "team": 5}, {}, {"pressure": "24 h to decide"})
    card = fit.scorecard(logged, app_id)
    assert card["raised_flags"] == ["pressure"] and card["score"] is not None
    share.add_note(logged, "Sam (mentor)", "Lead with the result", r1, clock=clock)
    reflection = share.build(logged, r1, None, share.parse_include(["questions,notes,fit"]))
    md = share.to_markdown(reflection)
    assert "What is your greatest weakness?" in md and "Sam (mentor)" in md
    assert "Good rapport" not in md  # not chosen
    html = share.to_html(share.build(logged, None, date(2026, 11, 1)))
    assert "Beta" in html and "<svg" in html
    pdf = share.export(reflection, "pdf", tmp_path / "r.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_owners_do_not_see_each_other(any_db: Any, logged: Any) -> None:
    from nextround.storage.tables.core import User

    other = User(username="someone-else")
    logged.session.add(other)
    logged.commit()
    with any_db.uow(other.id) as theirs:
        assert questions.ranked(theirs, NOW.date()) == []
        assert theirs.reflect.stories() == []
