"""Growth areas named in interview feedback, each with the quote it came from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from nextround.domain.reply_texts import table

CATEGORIES: tuple[str, ...] = ("skill", "experience", "interview")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_TOKEN = re.compile(r"[\w][\w+#.\-']*", re.UNICODE)
_MAX_TOPIC_WORDS = 4
_MAX_QUOTE = 400


@dataclass(frozen=True)
class GrowthArea:
    """Something the feedback says to work on, in a form comparable across feedback."""

    key: str
    category: str
    label: str
    quote: str


@dataclass(frozen=True)
class _AreaRule:
    key: str
    category: str
    label: str
    phrases: tuple[re.Pattern[str], ...]
    generic: bool


@dataclass(frozen=True)
class _Rules:
    areas: tuple[_AreaRule, ...]
    cues: tuple[re.Pattern[str], ...]
    skip: tuple[re.Pattern[str], ...]
    splitters: tuple[str, ...]
    before: tuple[re.Pattern[str], ...]
    after: tuple[str, ...]
    stop: frozenset[str]
    vague: frozenset[str]


def _word_start(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(phrase.lower()))


@cache
def _rules() -> _Rules:
    data: dict[str, Any] = table("feedback")
    areas = tuple(
        _AreaRule(
            key=a["key"],
            category=a["category"],
            label=a["label"],
            phrases=tuple(_word_start(p) for p in a["phrases"]),
            generic=bool(a.get("generic", False)),
        )
        for a in data["area"]
    )
    cues = tuple(_word_start(c) for lang in data["cues"].values() for c in lang)
    skip = tuple(_word_start(p) for lang in data["skip"].values() for p in lang)
    splitters = tuple(s for lang in data["split"].values() for s in lang)
    before = tuple(
        re.compile(r"(?<![\w])" + re.escape(p) + r"\s+(.+)") for p in data["topics"]["before"]
    )
    return _Rules(
        areas=areas,
        cues=cues,
        skip=skip,
        splitters=splitters,
        before=before,
        after=tuple(data["topics"]["after"]),
        stop=frozenset(data["topics"]["stop"]),
        vague=frozenset(data["topics"]["vague"]),
    )


def _sentences(text: str) -> list[str]:
    return [s.strip(" \t-•*>") for s in _SENTENCE_END.split(text) if s and s.strip(" \t-•*>")]


def _clauses(sentence: str, rules: _Rules) -> list[str]:
    parts = [f" {sentence.lower()} "]
    for splitter in rules.splitters:
        parts = [piece for part in parts for piece in part.split(splitter)]
    return [p.strip() for p in parts if p.strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


def _topic_after(clause: str, rules: _Rules) -> list[str]:
    """Topics named after 'experience with' and the like."""
    found: list[str] = []
    for pattern in rules.before:
        for match in pattern.finditer(clause):
            words: list[str] = []
            for token in _TOKEN.findall(match.group(1)):
                word = token.strip(".'-")
                if not word or word in rules.stop or any(c.fullmatch(word) for c in rules.cues):
                    break
                words.append(word)
                if len(words) == _MAX_TOPIC_WORDS:
                    break
            if words:
                found.append(" ".join(words))
    return found


def _topic_before(clause: str, rules: _Rules) -> list[str]:
    """Topics named before 'skills' and the like: 'stronger SQL skills'."""
    found: list[str] = []
    tokens = [t.strip(".'-") for t in _TOKEN.findall(clause)]
    for index, token in enumerate(tokens):
        if token not in rules.after:
            continue
        words: list[str] = []
        for word in reversed(tokens[max(0, index - _MAX_TOPIC_WORDS) : index]):
            if word in rules.stop or any(c.match(word) for c in rules.cues):
                break
            words.insert(0, word)
        if words:
            found.append(" ".join(words))
    return found


def _original_case(topic: str, sentence: str) -> str:
    start = sentence.lower().find(topic)
    return sentence[start : start + len(topic)] if start >= 0 else topic


def _areas_in_clause(clause: str, sentence: str, rules: _Rules) -> list[tuple[str, str, str]]:
    if not any(cue.search(clause) for cue in rules.cues):
        return []
    hits: list[_AreaRule] = [a for a in rules.areas if any(p.search(clause) for p in a.phrases)]
    found = [(a.key, a.category, a.label) for a in hits if not a.generic]
    for topic in _topic_after(clause, rules) + _topic_before(clause, rules):
        if topic in rules.vague or any(p.search(topic) for a in rules.areas for p in a.phrases):
            continue
        label = _original_case(topic, sentence)
        found.append((f"skill:{_slug(topic)}", "skill", label[:1].upper() + label[1:]))
    if not found:
        found = [(a.key, a.category, a.label) for a in hits if a.generic]
    return found


def extract_growth_areas(text: str) -> list[GrowthArea]:
    """The growth areas a piece of feedback names, once each, in order of appearance."""
    rules = _rules()
    seen: set[str] = set()
    areas: list[GrowthArea] = []
    for sentence in _sentences(text):
        lowered = sentence.lower()
        if any(p.search(lowered) for p in rules.skip):
            continue
        for clause in _clauses(sentence, rules):
            for key, category, label in _areas_in_clause(clause, sentence, rules):
                if key in seen:
                    continue
                seen.add(key)
                quote = sentence if len(sentence) <= _MAX_QUOTE else sentence[:_MAX_QUOTE] + "…"
                areas.append(GrowthArea(key=key, category=category, label=label, quote=quote))
    return areas


@dataclass(frozen=True)
class FeedbackItem:
    """One piece of feedback as the ranking needs it."""

    feedback_id: int
    received_on: date | None
    areas: Sequence[GrowthArea]


@dataclass(frozen=True)
class RankedArea:
    """A growth area across all feedback: how often it came up and where."""

    key: str
    category: str
    label: str
    count: int
    last_seen: date | None
    quotes: tuple[str, ...] = field(default=())
    feedback_ids: tuple[int, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "category": self.category,
            "label": self.label,
            "count": self.count,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "quotes": list(self.quotes),
        }


def rank_growth_areas(items: Iterable[FeedbackItem]) -> list[RankedArea]:
    """Areas counted once per piece of feedback, most frequent first, then most recent."""
    grouped: dict[str, list[tuple[FeedbackItem, GrowthArea]]] = {}
    for item in items:
        for area in {a.key: a for a in item.areas}.values():
            grouped.setdefault(area.key, []).append((item, area))
    ranked: list[RankedArea] = []
    for key, hits in grouped.items():
        dates = [item.received_on for item, _ in hits if item.received_on]
        first = hits[0][1]
        ranked.append(
            RankedArea(
                key=key,
                category=first.category,
                label=first.label,
                count=len({item.feedback_id for item, _ in hits}),
                last_seen=max(dates) if dates else None,
                quotes=tuple(dict.fromkeys(area.quote for _, area in hits)),
                feedback_ids=tuple(dict.fromkeys(item.feedback_id for item, _ in hits)),
            )
        )
    ranked.sort(key=lambda r: (-r.count, -(r.last_seen.toordinal() if r.last_seen else 0), r.label))
    return ranked
