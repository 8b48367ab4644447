"""The cue lists of the email classifier, compiled once on first use from package data."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

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


@dataclass(frozen=True, slots=True)
class Cue:
    """A group of patterns that point to one label (or one kind of non-job mail)."""

    label: str
    kind: str
    weight: float
    patterns: tuple[re.Pattern[str], ...]
    # All patterns joined: one search tells whether any of them can match at all.
    combined: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class RuleSet:
    cues: tuple[Cue, ...]
    job_context: re.Pattern[str]
    applying: re.Pattern[str]
    stage_interview: tuple[re.Pattern[str], ...]
    door_open: tuple[re.Pattern[str], ...]
    reason: tuple[re.Pattern[str], ...]
    not_door: tuple[re.Pattern[str], ...]


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


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
            combined=_join(list(c["patterns"])),
        )
        for c in data["cue"]
    )
    rej = load_toml("inbox/rejection.toml")
    return RuleSet(
        cues=cues,
        job_context=_join(list(data["context"]["job"])),
        applying=_join(list(data["context"]["applying"])),
        stage_interview=_compile(list(rej["stage_interview"])),
        door_open=_compile(list(rej["door_open"])),
        reason=_compile(list(rej["reason"])),
        not_door=_compile(list(rej["not_door"])),
    )
