"""Question text rules: normalising, cutting behavioural boilerplate, and polarity."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_BULLET = re.compile(r"^\s*(?:[-*\u2022>]+|\d{1,3}[.)]|q\d*[:.)])\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself)\b")
_POINTS_BACK = re.compile(r"\b(that|it|this|them|these|those|the\s+situation)$")
_MIN_QUESTION_WORDS = 5


def clean(text: str) -> str:
    """The question as a person would read it: no bullets, single spaces."""
    text = _BULLET.sub("", text.translate(_QUOTES).replace("\ufeff", ""))
    return _SPACE.sub(" ", text).strip()


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces, no trailing punctuation."""
    return clean(text).lower().rstrip(" ?.!:;")


@dataclass(frozen=True)
class Polarity:
    """One dimension whose poles must never share a group."""

    name: str
    when: re.Pattern[str]
    poles: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    exclusive: bool = False  # a text naming two poles at once is on neither

    def pole(self, text: str) -> int:
        """Index of the pole the normalised text is on, or -1."""
        if not self.when.search(text):
            return -1
        found = [
            i for i, (_, patterns) in enumerate(self.poles) if any(p.search(text) for p in patterns)
        ]
        if not found:
            return -1
        if self.exclusive and len(found) > 1:
            return -1
        return found[0]


@dataclass(frozen=True)
class TextRules:
    leading: tuple[re.Pattern[str], ...]
    trailing: tuple[re.Pattern[str], ...]
    min_words_left: int
    polarities: tuple[Polarity, ...]
    asks: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = ()
    _cores: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> TextRules:
        bp = data["boilerplate"]
        polarities = []
        for dim in data.get("polarity", []):
            poles = tuple(
                (str(p["name"]), tuple(re.compile(x) for x in p["patterns"])) for p in dim["poles"]
            )
            polarities.append(
                Polarity(
                    name=str(dim["name"]),
                    when=re.compile(dim["when"]),
                    poles=poles,
                    exclusive=bool(dim.get("exclusive", False)),
                )
            )
        asks = tuple(
            (str(a["name"]), tuple(re.compile(x) for x in a["patterns"]))
            for a in data.get("ask", [])
        )
        return cls(
            asks=asks,
            leading=tuple(re.compile(p) for p in bp["leading"]),
            trailing=tuple(re.compile(p) for p in bp["trailing"]),
            min_words_left=int(bp.get("min_words_left", 2)),
            polarities=tuple(polarities),
        )

    def core(self, text: str) -> str:
        """The question without framing such as "tell me about a time when"."""
        cache = self._cores
        found = cache.get(text)
        if found is None:
            if len(cache) > 200_000:
                cache.clear()  # bounded: a long-running server must not grow without end
            found = cache[text] = self._core(text)
        return found

    def _core(self, text: str) -> str:
        current = _without_scene_setting(normalise(text))
        for _ in range(4):  # framings stack ("so, could you tell me about a time when ...")
            before = current
            for pattern in (*self.leading, *self.trailing):
                cut = pattern.sub("", current, count=1).strip(" ,.?")
                if cut != current and len(cut.split()) >= self.min_words_left:
                    current = cut
            if current == before:
                break
        return current

    def poles(self, text: str) -> tuple[int, ...]:
        # On the core text: framing like "give an example of" must not read as "give feedback".
        norm = self.core(text)
        return tuple(p.pole(norm) for p in self.polarities)


    def ask(self, text: str) -> int:
        """Index of the kind of answer the question wants (a number, a list of tools, a yes
        or no about a credential...) when its opening says so plainly, or -1."""
        norm = self.core(text)
        for i, (_, patterns) in enumerate(self.asks):
            if any(p.search(norm) for p in patterns):
                return i
        return -1


def _without_scene_setting(text: str) -> str:
    """Drop opening statements that speak of the company or of people in general ("Nobody's
    perfect.", "Our support team takes a lot of calls.") when a full question follows: they
    pull a question towards whatever they talk about. A statement addressed to the candidate
    sets up a scenario and stays, and so does everything when the question on its own would
    be too short or point back at the statement ("How would you handle that?")."""
    parts = _SENTENCE_END.split(text)
    k = 0
    while k < len(parts) - 1 and not parts[k].endswith("?") and not _SECOND_PERSON.search(parts[k]):
        k += 1
    if k == 0:
        return text
    rest = " ".join(parts[k:]).rstrip(" ?.!:;")
    if len(rest.split()) < _MIN_QUESTION_WORDS or _POINTS_BACK.search(rest):
        return text
    return rest


def conflicts(a: Sequence[int], b: Sequence[int]) -> bool:
    """True when two pole vectors sit on opposite poles of some dimension."""
    return any(x >= 0 and y >= 0 and x != y for x, y in zip(a, b, strict=True))


def consensus_poles(vectors: Sequence[Sequence[int]], min_share: float = 0.3) -> tuple[int, ...]:
    """The poles of a set of wordings of one question: a pole counts only when no wording
    disagrees and enough wordings state it, so a mixed entry stays neutral."""
    if not vectors:
        return ()
    dims = len(vectors[0])
    out = []
    for d in range(dims):
        seen = [v[d] for v in vectors if v[d] >= 0]
        if seen and len(set(seen)) == 1 and len(seen) >= min_share * len(vectors):
            out.append(seen[0])
        else:
            out.append(-1)
    return tuple(out)
