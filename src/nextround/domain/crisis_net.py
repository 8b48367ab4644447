"""The broad crisis net: risk concepts on word stems, read sentence by sentence, recall first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nextround.data import load_toml

# Sentences end at these marks; a long entry is read piece by piece so that one buried
# sentence is enough, and "I" in one sentence does not make another one personal.
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")


@dataclass(frozen=True)
class _Net:
    self_refs: tuple[re.Pattern[str], ...]
    topic: tuple[re.Pattern[str], ...]
    negatable: tuple[re.Pattern[str], ...]
    personal: tuple[re.Pattern[str], ...]
    means: tuple[re.Pattern[str], ...]
    harmless: tuple[re.Pattern[str], ...]
    implied: re.Pattern[str]
    first_person: re.Pattern[str]
    negation: re.Pattern[str]


def _all(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(item, re.IGNORECASE) for item in items)


@cache
def _net() -> _Net:
    raw = load_toml("recover/crisis_net.toml")
    return _Net(
        self_refs=_all(raw["self"]),
        topic=_all(raw["topic"]),
        negatable=_all(raw["negatable"]),
        personal=_all(raw["personal"]),
        means=_all(raw["means"]),
        harmless=_all(raw["harmless"]),
        implied=re.compile(raw["implied"], re.IGNORECASE),
        first_person=re.compile(raw["first_person"], re.IGNORECASE),
        negation=re.compile(raw["negation"], re.IGNORECASE),
    )


def _blank_harmless(plain: str, net: _Net) -> str:
    for pattern in net.harmless:
        for match in list(pattern.finditer(plain)):
            start, end = match.span()
            plain = plain[:start] + " " * (end - start) + plain[end:]
    return plain


def net_spans(plain: str, study: bool = False) -> list[tuple[int, int]]:
    """Spans of risk concepts in ``plain`` (same length as the original text).

    ``plain`` should already have straight quotes and the detector's figurative phrases
    blanked. Harmless readings are blanked here too; what is left of a concept counts when the
    sentence speaks for the writer, unless a negation of the wish comes right before it.
    ``study`` marks a context of study, prevention or stories, where naming the subject alone
    is not a crisis.
    """
    net = _net()
    text = _blank_harmless(plain, net)
    spans: list[tuple[int, int]] = []
    for sentence in _SENTENCE.finditer(text):
        base = sentence.start()
        part = sentence.group()
        for pattern in net.self_refs + net.means:
            spans.extend((base + m.start(), base + m.end()) for m in pattern.finditer(part))
        if not (net.first_person.search(part) or net.implied.search(part)):
            continue
        for pattern in net.personal + (() if study else net.topic):
            spans.extend((base + m.start(), base + m.end()) for m in pattern.finditer(part))
        for pattern in net.negatable:
            for m in pattern.finditer(part):
                if not net.negation.search(part[max(0, m.start() - 40) : m.start()]):
                    spans.append((base + m.start(), base + m.end()))
    return spans
