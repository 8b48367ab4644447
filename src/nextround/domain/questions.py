"""Rank the questions a user was asked: how often, how hard, how well answered, how recently."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import mean
from typing import Any

RECENCY_HALF_LIFE_DAYS = 60


@dataclass(frozen=True)
class Asked:
    """One question as logged in a debrief."""

    id: int
    text: str
    group_key: str  # the canonical id, or a key shared by user questions grouped together
    canonical_id: str | None
    interview_id: int | None
    asked_on: date | None
    difficulty: int | None  # 1-5
    answer_quality: int | None  # 1-5
    uncertain: bool = False


@dataclass
class RankedQuestion:
    key: str
    text: str
    canonical_id: str | None
    times_asked: int
    interviews: int
    difficulty: float | None
    answer_quality: float | None
    last_asked: date | None
    score: float
    wordings: list[str] = field(default_factory=list)
    asked_ids: list[int] = field(default_factory=list)
    uncertain_ids: list[int] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "question": self.text,
            "canonical_id": self.canonical_id,
            "times_asked": self.times_asked,
            "interviews": self.interviews,
            "difficulty": None if self.difficulty is None else round(self.difficulty, 2),
            "answer_quality": (
                None if self.answer_quality is None else round(self.answer_quality, 2)
            ),
            "last_asked": self.last_asked.isoformat() if self.last_asked else None,
            "score": round(self.score, 3),
            "wordings": self.wordings,
            "uncertain": len(self.uncertain_ids),
            "stories": self.story_ids,
        }


def _scaled(values: Sequence[int]) -> float | None:
    return mean(values) if values else None


def priority(times: int, difficulty: float | None, quality: float | None,
             last: date | None, today: date) -> float:
    """Frequency matters most; hard and badly answered questions and recent ones rise."""
    hard = 0.5 if difficulty is None else (difficulty - 1) / 4
    weak = 0.5 if quality is None else 1 - (quality - 1) / 4
    days = (today - last).days if last else RECENCY_HALF_LIFE_DAYS
    recency = 0.5 + 0.5 * math.exp(-math.log(2) * max(days, 0) / RECENCY_HALF_LIFE_DAYS)
    return math.log2(1 + times) * (0.4 + 0.6 * hard) * (0.4 + 0.6 * weak) * recency


def rank(
    asked: Iterable[Asked], canonical_text: dict[str, str], today: date
) -> list[RankedQuestion]:
    groups: dict[str, list[Asked]] = {}
    for a in asked:
        groups.setdefault(a.group_key, []).append(a)
    out = []
    for key, items in groups.items():
        items.sort(key=lambda a: (a.asked_on or date.min, a.id))
        canonical_id = next((a.canonical_id for a in items if a.canonical_id), None)
        difficulty = _scaled([a.difficulty for a in items if a.difficulty])
        quality = _scaled([a.answer_quality for a in items if a.answer_quality])
        dates = [a.asked_on for a in items if a.asked_on]
        last = max(dates) if dates else None
        interviews = len({a.interview_id for a in items if a.interview_id is not None}) or 1
        text = canonical_text.get(canonical_id or "", items[-1].text)
        out.append(RankedQuestion(
            key=key, text=text, canonical_id=canonical_id, times_asked=len(items),
            interviews=interviews, difficulty=difficulty, answer_quality=quality,
            last_asked=last, score=priority(len(items), difficulty, quality, last, today),
            wordings=list(dict.fromkeys(a.text for a in items)),
            asked_ids=[a.id for a in items],
            uncertain_ids=[a.id for a in items if a.uncertain],
        ))
    out.sort(key=lambda r: (-r.score, -r.times_asked, r.text))
    return out
