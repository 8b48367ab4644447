"""Practice scheduling: whole days, never past the next interview, own priority order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from nextround.domain.practice import (
    Grade,
    PracticeItem,
    card_from_json,
    card_to_json,
    due_counts,
    new_card,
    plan_session,
    review,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def item(key: str, times: int = 1, difficulty: float = 3, quality: float = 3,
         card=None) -> PracticeItem:  # type: ignore[no-untyped-def]
    return PracticeItem(key, key, times, difficulty, quality, card)


def test_first_good_answer_comes_back_in_days_not_minutes() -> None:
    card = review(new_card(NOW), Grade.GOOD, NOW, None, fuzz=False)
    assert card.due - NOW >= timedelta(days=1)


def test_interval_never_reaches_past_the_next_interview() -> None:
    interview = date(2026, 12, 1)
    card = new_card(NOW)
    now = NOW
    for _ in range(6):
        card = review(card, Grade.EASY, now, interview, fuzz=False)
        assert card.due.date() < interview or now.date() >= interview - timedelta(days=1)
        now = card.due


def test_again_brings_the_question_back_sooner_than_easy() -> None:
    again = review(new_card(NOW), Grade.AGAIN, NOW, None, fuzz=False)
    easy = review(new_card(NOW), Grade.EASY, NOW, None, fuzz=False)
    assert again.due < easy.due


def test_cards_survive_a_round_trip_to_text() -> None:
    card = review(new_card(NOW), Grade.GOOD, NOW, None, fuzz=False)
    assert card_from_json(card_to_json(card)).due == card.due


def test_session_orders_due_by_priority_then_new_and_fits_the_minutes() -> None:
    overdue = review(new_card(NOW - timedelta(days=20)), Grade.GOOD, NOW - timedelta(days=20),
                     None, fuzz=False)
    items = [
        item("rare-easy", times=1, difficulty=1, quality=5, card=overdue),
        item("common-hard", times=5, difficulty=5, quality=1, card=overdue),
        item("new-one", times=3),
        item("later", times=9, card=review(new_card(NOW), Grade.EASY, NOW, None, fuzz=False)),
    ]
    plan = plan_session(items, NOW)
    assert [i.key for i in plan] == ["common-hard", "rare-easy", "new-one"]
    assert len(plan_session(items, NOW, minutes=6)) == 2


def test_due_counts() -> None:
    due = review(new_card(NOW - timedelta(days=5)), Grade.GOOD, NOW - timedelta(days=5), None,
                 fuzz=False)
    counts = due_counts([item("a", card=due), item("b")], NOW)
    assert (counts.due_now, counts.new, counts.total) == (1, 1, 2)
