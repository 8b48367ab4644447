"""Use cases for STAR stories: add, edit, check, link to questions, see gaps and overuse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from nextround.domain.stories import StarReport, check_story, overused
from nextround.domain.stories import Story as StoryDraft
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock

if TYPE_CHECKING:
    from nextround.storage.tables.reflect import Story
    from nextround.storage.uow import UnitOfWork

FIELDS = ("title", "situation", "task", "action", "result", "learned", "numbers")
OVERUSE_LIMIT = 3


def draft_of(row: Story) -> StoryDraft:
    return StoryDraft(title=row.title, situation=row.situation, task=row.task, action=row.action,
                      result=row.result, learned=row.learned,
                      competencies=list(row.competencies), numbers=row.numbers)


def check_fields(values: Mapping[str, str]) -> StarReport:
    """The STAR check of unsaved text (the editor checks as the user types)."""
    v = {f: str(values.get(f, "") or "") for f in FIELDS}
    return check_story(StoryDraft(title=v["title"], situation=v["situation"], task=v["task"],
                                  action=v["action"], result=v["result"], learned=v["learned"],
                                  numbers=v["numbers"]))


def _question_keys(uow: UnitOfWork, keys: Sequence[str]) -> list[str]:
    from nextround.domain.question_bank import load_bank

    bank = load_bank()
    own = {a.group_key for a, _ in uow.reflect.all_asked()}
    out = []
    for key in keys:
        key = key.strip()
        if not key:
            continue
        if bank.get(key) is None and key not in own:
            raise UserInputError(f"'{key}' is not a bank question or one of your questions.",
                                 "See ids with `nextround questions --json` (key) or "
                                 "`nextround questions bank`.")
        out.append(key)
    return list(dict.fromkeys(out))


def add_story(uow: UnitOfWork, values: Mapping[str, str], competencies: Sequence[str] = (),
              questions: Sequence[str] = (), clock: Clock = system_clock) -> int:
    from nextround.storage.tables.reflect import Story

    title = (values.get("title") or "").strip()
    if not title:
        raise UserInputError("A story needs a title.", "Give one with --title.")
    now = clock()
    row = uow.reflect.add(Story(
        owner_id=uow.owner_id, created_at=now, updated_at=now,
        competencies=[c.strip() for c in competencies if c.strip()],
        questions=_question_keys(uow, questions),
        **{f: (values.get(f) or "").strip() for f in FIELDS},
    ))
    return int(row.id)


def edit_story(uow: UnitOfWork, story_id: int, values: Mapping[str, str | None],
               competencies: Sequence[str] | None = None,
               link: Sequence[str] = (), unlink: Sequence[str] = (),
               clock: Clock = system_clock) -> None:
    row = uow.reflect.story(story_id)
    for f in FIELDS:
        value = values.get(f)
        if value is not None:
            if f == "title" and not value.strip():
                raise UserInputError("A story needs a title.")
            setattr(row, f, value.strip())
    if competencies is not None:
        row.competencies = [c.strip() for c in competencies if c.strip()]
    if link or unlink:
        keys = [k for k in row.questions if k not in set(unlink)] + _question_keys(uow, link)
        row.questions = list(dict.fromkeys(keys))
    row.updated_at = clock()
    uow.flush()


def story_dict(row: Story, with_check: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.id, **{f: getattr(row, f) for f in FIELDS},
        "competencies": list(row.competencies), "questions": list(row.questions),
        "updated_at": row.updated_at.isoformat(),
    }
    if with_check:
        data["check"] = check_story(draft_of(row)).as_dict()
    return data


def coverage(uow: UnitOfWork, today: date, top: int = 10) -> dict[str, Any]:
    """Top questions that have no story yet, and stories linked to too many questions."""
    from nextround.services.questions import ranked

    rows = ranked(uow, today)[:top]
    stories = uow.reflect.stories()
    counts = {s.id: len(s.questions) for s in stories}
    return {
        "without_story": [{"key": r.key, "question": r.text, "times_asked": r.times_asked}
                          for r in rows if not r.story_ids],
        "overused": [{"id": s.id, "title": s.title, "questions": counts[s.id]}
                     for s in stories if s.id in overused(counts, OVERUSE_LIMIT)],
    }
