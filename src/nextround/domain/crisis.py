"""Crisis detection: language about suicide or self-harm, and the helplines shown instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nextround.data import load_toml

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True)
class Helpline:
    """One place to turn to; ``contact`` is what to call, text or open."""

    name: str
    contact: str
    hours: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "contact": self.contact, "hours": self.hours}


@dataclass(frozen=True)
class CrisisResponse:
    """What the app says instead of a reframe."""

    title: str
    message: str
    after: str
    helplines: tuple[Helpline, ...]


@dataclass(frozen=True)
class _Patterns:
    always: tuple[re.Pattern[str], ...]
    mentions: tuple[re.Pattern[str], ...]
    question: tuple[re.Pattern[str], ...]
    topic: tuple[re.Pattern[str], ...]
    personal: re.Pattern[str]
    method: re.Pattern[str]
    figurative: tuple[re.Pattern[str], ...]


def _compile(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(item, re.IGNORECASE) for item in items)


@cache
def _patterns() -> _Patterns:
    raw = load_toml("recover/crisis.toml")
    return _Patterns(
        always=_compile(raw["always"]),
        mentions=_compile(raw["mentions"]),
        question=_compile(raw["question"]),
        topic=_compile(raw["topic"]),
        personal=re.compile(raw["personal"], re.IGNORECASE),
        method=re.compile(raw["method"], re.IGNORECASE),
        figurative=_compile(raw["figurative"]),
    )


def normalise(text: str) -> str:
    """Same length as ``text`` (so offsets still point into the original), plainer quotes."""
    return text.translate(_APOSTROPHES)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def crisis_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of crisis language in ``text``; empty when there is none.

    Figurative phrases are blanked out first (same length, so offsets hold), which lets
    "this is killing me" pass while "this is killing me and I want to die" does not.
    """
    patterns = _patterns()
    plain = normalise(text)
    for pattern in patterns.figurative:
        for match in list(pattern.finditer(plain)):
            plain = _blank(plain, match.start(), match.end())
    spans: list[tuple[int, int]] = []
    for pattern in patterns.always:
        spans.extend(m.span() for m in pattern.finditer(plain))
    mention_spans = [m.span() for p in patterns.mentions for m in p.finditer(plain)]
    if mention_spans and not spans and _informational(plain, patterns):
        mention_spans = []
    spans.extend(mention_spans)
    return _merge(spans)


def _informational(plain: str, patterns: _Patterns) -> bool:
    """A question of fact about the subject in general, not about the writer, not asking how."""
    if patterns.personal.search(plain) or patterns.method.search(plain):
        return False
    return any(p.search(plain) for p in patterns.question + patterns.topic)


def is_crisis(text: str) -> bool:
    return bool(crisis_spans(text))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _lines(raw: object) -> tuple[Helpline, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        Helpline(name=str(item["name"]), contact=str(item["contact"]), hours=str(item["hours"]))
        for item in raw
    )


def known_countries() -> list[str]:
    """Country codes that have their own helplines in the data file."""
    raw = load_toml("recover/helplines.toml")
    return sorted(key for key in raw if len(key) == 2)


def helplines_for(country: str | None) -> tuple[Helpline, ...]:
    """The user's country first (or the default pair when unknown), then the directories."""
    raw = load_toml("recover/helplines.toml")
    code = (country or "").strip().upper()
    if code == "UK":
        code = "GB"
    local = _lines(raw.get(code)) if code else ()
    return (local or _lines(raw["default"])) + _lines(raw["international"])


def crisis_response(country: str | None, turn: int = 0) -> CrisisResponse:
    """The calm message and the helplines; ``turn`` picks a wording so it is not always the same."""
    raw = load_toml("recover/messages.toml")["crisis"]
    variants = list(raw["variants"])
    return CrisisResponse(
        title=str(raw["title"]),
        message=str(variants[turn % len(variants)]),
        after=str(raw["after"]),
        helplines=helplines_for(country),
    )
