"""The cue lists of the email classifier, compiled once on first use from package data."""

from __future__ import annotations

import html
import re
import re._parser as sre_parse
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from re._constants import BRANCH, LITERAL, SUBPATTERN

from nextround.data import load_toml

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})
_WS = re.compile(r"[ \t\f\v]+")


_MOJIBAKE = {"â€™": "'", "â€˜": "'", "â€œ": '"', "â€\x9d": '"', "â€“": "-", "â€”": "-", "Â ": " "}
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\u034f]")


def normalise(text: str) -> str:
    """Lowercase text with one kind of apostrophe and single spaces, lines kept.

    Also repairs what often happens to mail on its way: HTML entities left in text,
    UTF-8 read as Windows-1252 ("weâ€™ve"), zero-width characters from HTML templates.
    """
    if "â€" in text or "Â" in text:
        for bad, good in _MOJIBAKE.items():
            text = text.replace(bad, good)
    if "&" in text:
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    return _WS.sub(" ", text.translate(_APOSTROPHES).lower())


def _branch_words(items: Iterable[tuple[object, int]]) -> str:
    """The literal text a branch starts with (up to its first non-literal item)."""
    text = ""
    for op, av in items:
        if op is LITERAL:
            text += chr(av)
        else:
            break
    return text


def required_words(pattern: str) -> tuple[str, ...]:
    """Texts of which at least one must occur wherever `pattern` matches, or () when
    none can be read off cheaply. Checking them with `in` skips most regex searches."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # an exotic pattern: no shortcut, just search
        return ()
    best: tuple[str, ...] = ()
    best_len = 0
    run = ""
    items = list(parsed) + [(None, None)]
    for op, av in items:
        if op is LITERAL:
            run += chr(av)
            continue
        if len(run.strip()) > best_len:
            best, best_len = (run,), len(run.strip())
        run = ""
        branch = None
        if op is BRANCH:  # a non-capturing group is inlined as a bare branch
            branch = av
        elif op is SUBPATTERN and av is not None:
            inner = list(av[-1])
            if len(inner) == 1 and inner[0][0] is BRANCH:
                branch = inner[0][1]
        if branch is not None:
            words = tuple(_branch_words(b) for b in branch[1])
            shortest = min((len(w.strip()) for w in words), default=0)
            if shortest > best_len and all(words):
                best, best_len = words, shortest
    return best if best_len >= 3 else ()


@dataclass(frozen=True, slots=True)
class Cue:
    """A group of patterns that point to one label (or one kind of non-job mail)."""

    label: str
    kind: str
    weight: float
    patterns: tuple[re.Pattern[str], ...]
    # For each pattern, words of which one must be present (see `required_words`).
    needs: tuple[tuple[str, ...], ...] = ()


# Compiled patterns, each with the words one of which it needs (see `required_words`).
Patterns = tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class RuleSet:
    cues: tuple[Cue, ...]
    job_context: re.Pattern[str]
    applying: re.Pattern[str]
    own: re.Pattern[str]
    stage_interview: Patterns
    door_open: Patterns
    reason: Patterns
    not_door: Patterns


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _with_needs(patterns: list[str]) -> Patterns:
    return tuple((re.compile(p), required_words(p)) for p in patterns)


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def rules() -> RuleSet:
    """Load and compile the cue lists (once per process)."""
    data = load_toml("inbox/rules.toml")
    cues = tuple(
        Cue(
            label=str(c["label"]),
            kind=str(c.get("kind", c["label"])),
            weight=float(c["weight"]),
            patterns=_compile(list(c["patterns"])),
            needs=tuple(required_words(p) for p in c["patterns"]),
        )
        for c in data["cue"]
    )
    rej = load_toml("inbox/rejection.toml")
    return RuleSet(
        cues=cues,
        job_context=_join(list(data["context"]["job"])),
        applying=_join(list(data["context"]["applying"])),
        own=_join(list(data["context"]["own"])),
        stage_interview=_with_needs(list(rej["stage_interview"])),
        door_open=_with_needs(list(rej["door_open"])),
        reason=_with_needs(list(rej["reason"])),
        not_door=_with_needs(list(rej["not_door"])),
    )
