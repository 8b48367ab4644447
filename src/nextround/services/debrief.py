"""Use cases for debriefs: record what a round asked and how it went, partial or complete."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nextround.domain.grouping import EmbedFn
from nextround.domain.question_text import clean
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock

if TYPE_CHECKING:
    from nextround.storage.uow import UnitOfWork

TEXT_FIELDS = ("went_well", "do_differently", "interviewers", "cared_about", "notes")
_RATED = re.compile(r"^(?P<q>.*?)\s*\|\s*(?P<d>[1-5]?)\s*(?:\|\s*(?P<a>[1-5]?)\s*)?"
                    r"(?:\|\s*(?P<n>.*))?$")


@dataclass(frozen=True)
class QuestionLine:
    text: str
    difficulty: int | None = None
    answer_quality: int | None = None
    notes: str = ""


def parse_lines(text: str) -> list[QuestionLine]:
    """One question per line. Optionally `question | difficulty | how well | notes`,
    each rating 1-5; anything after the question may be left out."""
    out = []
    for raw in text.splitlines():
        line = clean(raw)
        if not line:
            continue
        m = _RATED.match(line) if "|" in line else None
        if m and m.group("q"):
            out.append(QuestionLine(
                m.group("q").strip(),
                int(m.group("d")) if m.group("d") else None,
                int(m.group("a")) if m.group("a") else None,
                (m.group("n") or "").strip(),
            ))
        else:
            out.append(QuestionLine(line))
    return out


def _rating(value: int | None, what: str) -> int | None:
    if value is None:
        return None
    if not 1 <= value <= 5:
        raise UserInputError(f"{what} must be between 1 and 5, not {value}.")
    return value


def save_debrief(
    uow: UnitOfWork,
    interview_id: int,
    questions: Sequence[QuestionLine],
    embed: EmbedFn,
    fields: Mapping[str, str | None] | None = None,
    clock: Clock = system_clock,
) -> int:
    """Create or complete the debrief of a round; new questions are added, never replaced."""
    from nextround.services.questions import regroup
    from nextround.storage.tables.reflect import AskedQuestion, Debrief

    interview = uow.interviews.get(interview_id)
    fields = fields or {}
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise UserInputError(f"Unknown debrief field(s): {', '.join(sorted(unknown))}.")
    now = clock()
    debrief = uow.reflect.debrief_for(interview_id)
    if debrief is None:
        debrief = uow.reflect.add(Debrief(owner_id=uow.owner_id, interview_id=interview_id,
                                          created_at=now, updated_at=now))
    for name, value in fields.items():
        if value is not None and value.strip():
            setattr(debrief, name, value.strip())
    debrief.updated_at = now
    existing = uow.reflect.asked_in(debrief.id)
    seen = {a.text.casefold() for a in existing}
    when = interview.scheduled_at.date() if interview.scheduled_at else now.date()
    position = len(existing)
    for q in questions:
        text = clean(q.text)
        if not text or text.casefold() in seen:
            continue
        if len(text) > 1000:
            raise UserInputError("A question is longer than 1000 characters.",
                                 "Put one question per line.")
        seen.add(text.casefold())
        uow.reflect.add(AskedQuestion(
            owner_id=uow.owner_id, debrief_id=debrief.id, text=text,
            difficulty=_rating(q.difficulty, "Difficulty"),
            answer_quality=_rating(q.answer_quality, "How well it went"),
            notes=q.notes, position=position, asked_on=when, created_at=now,
        ))
        position += 1
    regroup(uow, embed)
    return int(debrief.id)


def rate_question(uow: UnitOfWork, asked_id: int, difficulty: int | None,
                  answer_quality: int | None, notes: str | None = None) -> None:
    row = uow.reflect.asked(asked_id)
    if difficulty is not None:
        row.difficulty = _rating(difficulty, "Difficulty")
    if answer_quality is not None:
        row.answer_quality = _rating(answer_quality, "How well it went")
    if notes is not None:
        row.notes = notes.strip()
    uow.flush()


def debrief_view(uow: UnitOfWork, interview_id: int) -> dict[str, Any]:
    interview = uow.interviews.get(interview_id)
    app = uow.applications.get(interview.application_id)
    debrief = uow.reflect.debrief_for(interview_id)
    questions = uow.reflect.asked_in(debrief.id) if debrief else []
    missing = [f for f in ("went_well", "do_differently") if not debrief or not getattr(debrief, f)]
    return {
        "interview_id": interview.id,
        "application_id": app.id,
        "company": app.company.name,
        "role": app.role,
        "kind": interview.kind.value,
        "scheduled_at": interview.scheduled_at.isoformat() if interview.scheduled_at else None,
        "debrief_id": debrief.id if debrief else None,
        **{f: getattr(debrief, f) if debrief else "" for f in TEXT_FIELDS},
        "questions": [
            {"id": a.id, "text": a.text, "difficulty": a.difficulty,
             "answer_quality": a.answer_quality, "notes": a.notes,
             "canonical_id": a.canonical_id, "match": a.match}
            for a in questions
        ],
        "incomplete": missing + ([] if questions else ["questions"]),
    }
