"""Spaced practice with FSRS: day-level steps, capped before the next interview, own priority."""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from fsrs import Card, Rating, Scheduler

DEFAULT_MAX_INTERVAL_DAYS = 30  # a job search moves fast; nothing waits longer than a month
MINUTES_PER_QUESTION = 3  # two minutes to answer aloud, one to look at the story and rate


class Grade(enum.StrEnum):
    AGAIN = "again"
    HARD = "hard"
    GOOD = "good"
    EASY = "easy"

    @property
    def rating(self) -> Rating:
        return {
            Grade.AGAIN: Rating.Again,
            Grade.HARD: Rating.Hard,
            Grade.GOOD: Rating.Good,
            Grade.EASY: Rating.Easy,
        }[self]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def scheduler_for(
    now: datetime, next_interview: date | None, *, fuzz: bool = True
) -> Scheduler:
    """FSRS tuned for a job search: whole days, and never scheduled past the next interview."""
    max_days = DEFAULT_MAX_INTERVAL_DAYS
    retention = 0.9
    if next_interview is not None:
        days_left = (next_interview - _aware(now).date()).days
        # Review at least the day before the interview, so cap one day short of it.
        max_days = max(1, min(max_days, days_left - 1))
        if days_left <= 7:
            retention = 0.95  # close to the day: keep answers fresh
    return Scheduler(
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=max_days,
        enable_fuzzing=fuzz,
    )


def new_card(now: datetime) -> Card:
    return Card(due=_aware(now))


def review(
    card: Card, grade: Grade, now: datetime, next_interview: date | None, *, fuzz: bool = True
) -> Card:
    scheduler = scheduler_for(now, next_interview, fuzz=fuzz)
    updated, _log = scheduler.review_card(card, grade.rating, _aware(now))
    return updated


def retrievability(card: Card, now: datetime) -> float:
    """Chance the answer is still remembered now (1.0 for a card never reviewed: nothing to
    forget yet, its priority comes from being new)."""
    if card.last_review is None:
        return 1.0
    return float(Scheduler().get_card_retrievability(card, _aware(now)))


@dataclass(frozen=True)
class PracticeItem:
    key: str  # the question's key: a canonical id, or a user question
    question: str
    times_asked: int
    difficulty: float  # 1-5, as the user felt it
    answer_quality: float  # 1-5, how well it went
    card: Card | None  # None when never practised

    def is_due(self, now: datetime) -> bool:
        return self.card is None or _aware(self.card.due) <= _aware(now)


def priority(item: PracticeItem, now: datetime) -> float:
    """How often it comes up x how hard it is x how likely the answer is forgotten."""
    forget = 1.0 - retrievability(item.card, now) if item.card else 0.6
    hardness = (item.difficulty + (6.0 - item.answer_quality)) / 10.0  # 0.2 .. 1.0
    return math.log2(1 + item.times_asked) * hardness * (0.3 + forget)


def plan_session(
    items: Sequence[PracticeItem], now: datetime, minutes: int | None = None
) -> list[PracticeItem]:
    """Due questions first by priority, then new ones, as many as fit the minutes given."""
    due = [i for i in items if i.card is not None and i.is_due(now)]
    fresh = [i for i in items if i.card is None]
    due.sort(key=lambda i: priority(i, now), reverse=True)
    fresh.sort(key=lambda i: priority(i, now), reverse=True)
    ordered = due + fresh
    if minutes is None:
        return ordered
    return ordered[: max(1, minutes // MINUTES_PER_QUESTION)]


@dataclass(frozen=True)
class DueCounts:
    due_now: int
    new: int
    due_today: int
    due_this_week: int
    total: int


def due_counts(items: Sequence[PracticeItem], now: datetime) -> DueCounts:
    now = _aware(now)
    end_of_day = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
    week = now + timedelta(days=7)
    cards = [i.card for i in items if i.card is not None]
    return DueCounts(
        due_now=sum(1 for c in cards if _aware(c.due) <= now),
        new=sum(1 for i in items if i.card is None),
        due_today=sum(1 for c in cards if _aware(c.due) < end_of_day),
        due_this_week=sum(1 for c in cards if _aware(c.due) <= week),
        total=len(items),
    )


def card_to_json(card: Card) -> str:
    return str(card.to_json())


def card_from_json(text: str) -> Card:
    return Card.from_json(text)
