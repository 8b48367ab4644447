"""The canonical interview question bank, shipped as package data and taught by the user."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

BANK_FILES = (
    "opening.toml",
    "behavioural.toml",
    "situational.toml",
    "technical_software.toml",
    "technical_data.toml",
    "technical_business.toml",
    "technical_care.toml",
    "near_misses.toml",
)


@dataclass(frozen=True)
class BankQuestion:
    """One canonical question with every wording known to mean the same thing."""

    id: str
    text: str
    category: str
    competencies: tuple[str, ...]
    wordings: tuple[str, ...]
    field: str | None = None
    learned: tuple[str, ...] = ()

    @property
    def all_wordings(self) -> tuple[str, ...]:
        return (self.text, *self.wordings, *self.learned)


@dataclass(frozen=True)
class QuestionBank:
    questions: tuple[BankQuestion, ...]
    _by_id: Mapping[str, BankQuestion] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})

    def __len__(self) -> int:
        return len(self.questions)

    def get(self, question_id: str) -> BankQuestion | None:
        return self._by_id.get(question_id)

    def with_learned(self, learned: Mapping[str, Iterable[str]]) -> QuestionBank:
        """A bank where each user-confirmed wording counts as one more paraphrase."""
        out = []
        for q in self.questions:
            extra = tuple(dict.fromkeys(w for w in learned.get(q.id, ()) if w.strip()))
            out.append(replace(q, learned=extra) if extra else q)
        return QuestionBank(tuple(out))

    def without(self, ids: Iterable[str]) -> QuestionBank:
        drop = set(ids)
        return QuestionBank(tuple(q for q in self.questions if q.id not in drop))

    def categories(self) -> list[str]:
        return sorted({q.category for q in self.questions})


def _read_toml(name: str) -> dict[str, Any]:
    from nextround.data import load_toml

    return load_toml(f"questions/{name}")


def _parse(entries: Sequence[Mapping[str, Any]]) -> list[BankQuestion]:
    out = []
    for e in entries:
        out.append(
            BankQuestion(
                id=str(e["id"]),
                text=str(e["text"]),
                category=str(e["category"]),
                competencies=tuple(str(c) for c in e.get("competencies", ())),
                wordings=tuple(str(w) for w in e.get("wordings", ())),
                field=str(e["field"]) if "field" in e else None,
            )
        )
    return out


@functools.cache
def load_bank() -> QuestionBank:
    """The bank the app ships with; read on first use and kept."""
    questions: list[BankQuestion] = []
    for name in BANK_FILES:
        questions.extend(_parse(_read_toml(name).get("question", [])))
    return QuestionBank(tuple(questions))


@functools.cache
def load_rules() -> dict[str, Any]:
    """Boilerplate and polarity rules used when grouping."""
    return _read_toml("rules.toml")
