"""Replies to a journal entry: a grounded reframe, a word of encouragement, or crisis support."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from nextround.data import load_toml
from nextround.domain.crisis import CrisisResponse, Helpline, crisis_response, helplines_for
from nextround.domain.selftalk import Analysis, Label


@dataclass(frozen=True)
class Record:
    """Plain facts from the user's own record that a reply may point to."""

    applications: int = 0
    interviews: int = 0
    final_rounds: int = 0
    effort_hours: float = 0.0
    feedback_asked: int = 0
    stories: int = 0
    lessons: tuple[str, ...] = ()

    def facts(self) -> dict[str, str]:
        """Placeholder values for the facts that are present (zero counts are left out)."""
        found: dict[str, str] = {}
        for key, value in (
            ("applications", self.applications),
            ("interviews", self.interviews),
            ("final_rounds", self.final_rounds),
            ("feedback_asked", self.feedback_asked),
            ("stories", self.stories),
        ):
            if value > 0:
                found[key] = str(value)
        if self.effort_hours >= 1:
            found["hours"] = f"{self.effort_hours:.0f}"
        if self.lessons:
            found["lesson"] = self.lessons[-1].strip().rstrip(".")
        return found


@dataclass(frozen=True)
class Reply:
    """What the app says back. ``id`` identifies the wording so it is not repeated next time."""

    label: Label
    id: str | None = None
    reframe: str | None = None
    encouragement: str | None = None
    crisis: CrisisResponse | None = None
    distortions: tuple[str, ...] = field(default=())
    support: tuple[Helpline, ...] = field(default=())

    def resources(self) -> list[dict[str, str]] | None:
        """Helplines for a crisis, and for a question about suicide or self-harm; else None."""
        lines = self.crisis.helplines if self.crisis is not None else self.support
        return [line.as_dict() for line in lines] if lines else None

    @property
    def text(self) -> str:
        if self.crisis is not None:
            return self.crisis.message
        return self.reframe or self.encouragement or ""


@dataclass(frozen=True)
class _Option:
    id: str
    text: str


@cache
def _data() -> dict[str, Any]:
    return load_toml("recover/reframes.toml")


def _reframes_for(distortions: tuple[str, ...]) -> list[_Option]:
    rows = _data()["reframe"]
    general = [_Option(r["id"], r["text"]) for r in rows if "any" in r["traps"]]
    for trap in distortions:
        matching = [_Option(r["id"], r["text"]) for r in rows if trap in r["traps"]]
        if matching:
            # Words written for this trap first; general ones only to keep enough variety.
            return matching if len(matching) >= 3 else matching + general
    return general


def _groundings(record: Record) -> list[_Option]:
    facts = record.facts()
    return [
        _Option(row["id"], row["text"].format(**facts))
        for row in _data()["grounding"]
        if all(need in facts for need in row["needs"])
    ]


def _pick(options: list[_Option], previous: str | None, rng: random.Random) -> _Option:
    """A random option, never the one used last time when there is any other."""
    fresh = [o for o in options if o.id != previous and (previous or "").split("+")[0] != o.id]
    return rng.choice(fresh or options)


class Responder:
    """Chooses replies for one person; remembers the last wording so it never repeats at once."""

    def __init__(
        self,
        record: Record | None = None,
        country: str | None = None,
        previous: str | None = None,
        seed: int | None = None,
    ) -> None:
        self.record = record or Record()
        self.country = country
        self.previous = previous
        self._rng = random.Random(seed)
        self._turn = 0

    def reply(self, analysis: Analysis) -> Reply:
        self._turn += 1
        if analysis.label is Label.CRISIS:
            # No reframe at all: only care and the way to real help.
            return Reply(label=Label.CRISIS, crisis=crisis_response(self.country, self._turn))
        if analysis.label is Label.HARSH:
            return self._reframe(analysis)
        rows = [r for r in _data()["encouragement"] if r["label"] == analysis.label.value]
        choice = _pick([_Option(r["id"], r["text"]) for r in rows], self.previous, self._rng)
        self.previous = choice.id
        support = helplines_for(self.country) if analysis.safety else ()
        return Reply(
            label=analysis.label, id=choice.id, encouragement=choice.text, support=support
        )

    def _reframe(self, analysis: Analysis) -> Reply:
        main = _pick(_reframes_for(analysis.distortions), self.previous, self._rng)
        grounds = _groundings(self.record)
        text, ident = main.text, main.id
        if grounds:
            ground = self._rng.choice(grounds)
            text, ident = f"{main.text} {ground.text}", f"{main.id}+{ground.id}"
        self.previous = ident
        return Reply(
            label=Label.HARSH, id=ident, reframe=text, distortions=analysis.distortions,
            support=helplines_for(self.country) if analysis.safety else (),
        )
