"""Milestones from the record, each with credit in plain words."""

from __future__ import annotations

from datetime import date

from nextround.domain.wins import AppFact, Dated, RoundFact, WinRecord, recognise, streaks


def _apps(n: int) -> tuple[AppFact, ...]:
    return tuple(
        AppFact(i, f"Company {i}", "Developer", date(2026, 1, 1 + i % 28)) for i in range(n)
    )


def test_every_interview_reached_gets_credit_and_the_first_is_special() -> None:
    record = WinRecord(rounds=(
        RoundFact(1, 1, "Acme", date(2026, 2, 1)),
        RoundFact(2, 2, "Birch", date(2026, 2, 3)),
        RoundFact(3, 2, "Birch", date(2026, 2, 9), is_final=True),
    ))
    wins = recognise(record)
    kinds = [w.kind for w in wins]
    assert kinds == ["final_round", "interview", "first_interview"]
    assert "Birch" in wins[0].credit
    assert all(w.credit for w in wins)


def test_application_milestones_and_first_application() -> None:
    wins = recognise(WinRecord(applications=_apps(26)))
    titles = {w.title for w in wins}
    assert "First application sent" in titles
    assert "10 applications sent" in titles and "25 applications sent" in titles
    assert "50 applications sent" not in titles


def test_practice_streaks_are_counted_from_consecutive_days() -> None:
    days = tuple(date(2026, 3, d) for d in (1, 2, 3, 4, 5, 6, 7, 9, 10))
    assert streaks(days)[0] == (date(2026, 3, 7), 7)
    titles = [w.title for w in recognise(WinRecord(practice_days=days))]
    assert titles.count("7-day practice streak") == 1
    assert titles.count("3-day practice streak") == 1


def test_assignments_feedback_stories_growth_and_user_wins() -> None:
    record = WinRecord(
        rounds=(RoundFact(5, 1, "Acme", date(2026, 2, 1), kind="assignment"),),
        feedback_requested=(Dated(date(2026, 2, 2), company="Acme"),),
        feedback_received=(Dated(date(2026, 2, 6), company="Acme"),),
        stories=(Dated(date(2026, 2, 4), title="Migrating the billing system"),),
        growth_closed=(Dated(date(2026, 2, 8), title="System design"),),
        user_wins=(Dated(date(2026, 2, 9), title="Spoke at a meetup"),),
    )
    kinds = {w.kind for w in recognise(record)}
    assert kinds == {"assignment", "feedback_requested", "feedback_received", "story",
                     "growth_closed", "user"}


def test_the_same_win_keeps_its_words() -> None:
    record = WinRecord(rounds=(RoundFact(1, 1, "Acme", date(2026, 2, 1)),))
    assert recognise(record)[0].credit == recognise(record)[0].credit
