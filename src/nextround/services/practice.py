"""Use cases for practice: which questions to practise now, recording ratings, progress."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

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
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock

if TYPE_CHECKING:
    from nextround.storage.uow import UnitOfWork

TOP_QUESTIONS = 30  # practise what matters: the top of the ranked list, not the whole bank


def next_interview_date(uow: UnitOfWork, now: datetime) -> date | None:
    iv = uow.reflect.next_interview(now)
    return iv.scheduled_at.date() if iv is not None and iv.scheduled_at else None


def items(uow: UnitOfWork, now: datetime, top: int = TOP_QUESTIONS) -> list[PracticeItem]:
    from nextround.services.questions import ranked

    cards = {c.question_key: c for c in uow.reflect.cards()}
    out = []
    for r in ranked(uow, now.date())[:top]:
        row = cards.pop(r.key, None)
        out.append(PracticeItem(
            key=r.key, question=r.text, times_asked=r.times_asked,
            difficulty=r.difficulty or 3.0, answer_quality=r.answer_quality or 3.0,
            card=card_from_json(row.card) if row else None,
        ))
    # Cards for questions that fell out of the top stay in rotation until answered well.
    for row in cards.values():
        out.append(PracticeItem(key=row.question_key, question=row.question, times_asked=1,
                                difficulty=3.0, answer_quality=3.0, card=card_from_json(row.card)))
    return out


def session(uow: UnitOfWork, minutes: int | None, clock: Clock = system_clock
            ) -> list[dict[str, Any]]:
    now = clock()
    plan = plan_session(items(uow, now), now, minutes)
    stories = uow.reflect.stories()
    out = []
    for item in plan:
        linked = [s for s in stories if item.key in s.questions]
        out.append({
            "key": item.key, "question": item.question, "times_asked": item.times_asked,
            "new": item.card is None,
            "stories": [{"id": s.id, "title": s.title, "situation": s.situation, "task": s.task,
                         "action": s.action, "result": s.result} for s in linked],
        })
    return out


def record(uow: UnitOfWork, key: str, grade: str, clock: Clock = system_clock,
           answer: str = "", seconds: int | None = None, fuzz: bool = True) -> datetime:
    """Rate one answer; returns when the question comes back."""
    from nextround.storage.tables.reflect import PracticeCard, PracticeReview

    try:
        g = Grade(grade.lower())
    except ValueError:
        raise UserInputError(f"'{grade}' is not a rating.",
                             "Use again, hard, good or easy.") from None
    now = clock()
    known = {i.key: i for i in items(uow, now)}
    if key not in known:
        raise UserInputError(f"'{key}' is not one of the questions to practise.",
                             "See them with `nextround practice --json`.")
    row = uow.reflect.card(key)
    card = card_from_json(row.card) if row else new_card(now)
    card = review(card, g, now, next_interview_date(uow, now), fuzz=fuzz)
    if row is None:
        row = uow.reflect.add(PracticeCard(owner_id=uow.owner_id, question_key=key,
                                           question=known[key].question,
                                           card=card_to_json(card), due=card.due, created_at=now))
    else:
        row.card, row.due = card_to_json(card), card.due
    uow.reflect.add(PracticeReview(owner_id=uow.owner_id, card_id=row.id, grade=g.value,
                                   answer=answer.strip(), seconds=seconds, reviewed_at=now))
    return card.due


def status(uow: UnitOfWork, clock: Clock = system_clock, days: int = 14) -> dict[str, Any]:
    now = clock()
    counts = due_counts(items(uow, now), now)
    since = now - timedelta(days=days)
    reviews = uow.reflect.reviews(since)
    per_day = Counter(r.reviewed_at.date().isoformat() for r in reviews)
    grades = Counter(r.grade for r in reviews)
    nxt = next_interview_date(uow, now)
    day_keys = [(now.date() - timedelta(days=n)).isoformat() for n in range(days - 1, -1, -1)]
    return {
        "due_now": counts.due_now, "new": counts.new, "due_today": counts.due_today,
        "due_this_week": counts.due_this_week, "total": counts.total,
        "next_interview": nxt.isoformat() if nxt else None,
        "reviews_last_days": days,
        "reviews_per_day": [{"date": d, "reviews": per_day.get(d, 0)} for d in day_keys],
        "grades": {g.value: grades.get(g.value, 0) for g in Grade},
    }
