"""Demo content for the reflect and respond areas: debriefs, stories and feedback."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from nextround.data import load_toml
from nextround.domain.applications import InterviewOutcome, Status
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork


def _fixed_clock(at: datetime) -> Clock:
    return lambda: at


def load_extras(uow: UnitOfWork, rng: random.Random, clock: Clock = system_clock) -> None:
    """Debrief past rounds, add two STAR stories and feedback on two rejections."""
    from nextround.services.debrief import parse_lines, save_debrief
    from nextround.services.feedback import add_feedback
    from nextround.services.questions import default_embed
    from nextround.services.stories import add_story

    data: dict[str, Any] = load_toml("demo.toml")
    now = clock()
    embed = default_embed()
    done = 0
    for iv in uow.interviews.list():
        if iv.scheduled_at is None or iv.scheduled_at > now:
            continue
        if iv.outcome == InterviewOutcome.PENDING and done % 2:
            done += 1
            continue  # leave a few rounds to debrief
        pool = list(data["questions"].get(iv.kind.value, []))
        rng.shuffle(pool)
        lines = parse_lines("\n".join(pool[: rng.randint(2, len(pool))]))
        save_debrief(uow, iv.id, lines, embed, {}, clock=_fixed_clock(iv.scheduled_at))
        done += 1
    keys = {asked.text.split("|")[0].strip().casefold(): asked.group_key
            for asked, _ in uow.reflect.all_asked() if asked.group_key}
    for story in data["stories"]:
        values = {k: v for k, v in story.items() if isinstance(v, str)}
        linked = [keys[t.casefold()] for t in story.get("links", []) if t.casefold() in keys]
        add_story(uow, values, story.get("competencies", []), linked, clock=clock)
    rejected = [a for a in uow.applications.list(status=[Status.REJECTED])
                if uow.interviews.list(a.id)]
    for app, text in zip(rejected, data["feedback"]["texts"], strict=False):
        add_feedback(uow, app.id, text, source="email", clock=clock)
