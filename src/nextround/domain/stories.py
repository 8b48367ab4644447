"""STAR stories and the STAR check: parts present, first person, measurable result, length."""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

PARTS = ("situation", "task", "action", "result")
WORDS_PER_MINUTE = 140  # a calm interview pace; 2 minutes is about 280 words
SHORT_WORDS = 150
LONG_WORDS = 320
THIN_PART_WORDS = 8

_WORD = re.compile(r"[A-Za-z0-9'’%$€£]+")
_I = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|myself)\b", re.IGNORECASE)
_WE = re.compile(r"\b(we|we're|we've|we'd|our|us|the team)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|hundreds|thousand|thousands|million|millions|half|double|doubled|"
    r"tripled|twice|percent|per cent)\b",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\b(increas\w*|reduc\w*|sav\w*|cut|grew|grow\w*|improv\w*|won|win|deliver\w*|launch\w*|"
    r"shipped|finish\w*|complet\w*|resolv\w*|fix\w*|achiev\w*|exceed\w*|rais\w*|lower\w*|"
    r"decreas\w*|prevent\w*|avoid\w*|approv\w*|adopt\w*|promot\w*|hired|retain\w*|"
    r"success\w*|on time|ahead of|result\w*|outcome|led to|meant that|so that)\b",
    re.IGNORECASE,
)


class Level(enum.StrEnum):
    OK = "ok"
    SUGGEST = "suggest"  # worth improving
    MISSING = "missing"  # a part of STAR is absent


@dataclass
class Story:
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    learned: str = ""
    competencies: list[str] = field(default_factory=list)
    numbers: str = ""

    def part(self, name: str) -> str:
        value: str = getattr(self, name)
        return value.strip()

    @property
    def spoken_text(self) -> str:
        return " ".join(self.part(p) for p in (*PARTS, "learned") if self.part(p))


@dataclass(frozen=True)
class Finding:
    part: str  # a STAR part, or "length", "balance"
    level: Level
    message: str


@dataclass(frozen=True)
class StarReport:
    findings: tuple[Finding, ...]
    words: int
    spoken_seconds: int
    first_person: bool
    measurable: bool

    @property
    def complete(self) -> bool:
        return not any(f.level is Level.MISSING for f in self.findings)

    @property
    def score(self) -> int:
        """0-100: a quick sense of readiness, not a grade."""
        penalty = sum(25 if f.level is Level.MISSING else 8 for f in self.findings
                      if f.level is not Level.OK and f.part != "learned")
        return max(0, 100 - penalty)

    def as_dict(self) -> dict[str, Any]:
        return {
            "complete": self.complete,
            "score": self.score,
            "words": self.words,
            "spoken_seconds": self.spoken_seconds,
            "first_person": self.first_person,
            "measurable": self.measurable,
            "findings": [
                {"part": f.part, "level": f.level.value, "message": f.message}
                for f in self.findings
            ],
        }


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _pick(variants: Sequence[str], seed: str, **values: object) -> str:
    # Stable per story: the same advice while the user types, different across stories.
    index = int(hashlib.sha1(seed.encode()).hexdigest(), 16) % len(variants)
    return variants[index].format(**values)


def _messages() -> dict[str, Any]:
    from nextround.data import load_toml

    return load_toml("reflect/star.toml")


def check_story(story: Story) -> StarReport:
    msgs = _messages()
    seed = story.title or "story"
    findings: list[Finding] = []
    for part in PARTS:
        text = story.part(part)
        words = word_count(text)
        if not text:
            findings.append(Finding(part, Level.MISSING, _pick(msgs["missing"][part], seed)))
        elif words < THIN_PART_WORDS:
            label = msgs["parts"][part].lower()
            findings.append(
                Finding(part, Level.SUGGEST, _pick(msgs["thin"]["message"], seed,
                                                    part=label, words=words))
            )
    action = story.part("action")
    i_count = len(_I.findall(action))
    we_count = len(_WE.findall(action))
    first_person = bool(action) and i_count > 0 and i_count >= we_count
    if action:
        if i_count == 0 and we_count > 0:
            findings.append(Finding("action", Level.SUGGEST,
                                    _pick(msgs["first_person"]["we_only"], seed)))
        elif we_count > i_count:
            findings.append(Finding("action", Level.SUGGEST,
                                    _pick(msgs["first_person"]["mostly_we"], seed,
                                          we=we_count, i=i_count)))
        elif i_count:
            findings.append(Finding("action", Level.OK, msgs["first_person"]["ok"][0]))
    result = story.part("result")
    has_number = bool(_NUMBER.search(result)) or bool(_NUMBER.search(story.numbers))
    has_outcome = bool(_OUTCOME.search(result))
    measurable = bool(result) and has_number
    if result:
        if has_number:
            findings.append(Finding("result", Level.OK, msgs["outcome"]["ok"][0]))
        elif has_outcome:
            findings.append(Finding("result", Level.SUGGEST,
                                    _pick(msgs["outcome"]["no_number"], seed)))
        else:
            findings.append(Finding("result", Level.SUGGEST, _pick(msgs["outcome"]["none"], seed)))
    total = word_count(story.spoken_text)
    seconds = round(total * 60 / WORDS_PER_MINUTE)
    if total and total < SHORT_WORDS:
        findings.append(Finding("length", Level.SUGGEST,
                                _pick(msgs["length"]["short"], seed, words=total, seconds=seconds)))
    elif total > LONG_WORDS:
        findings.append(Finding("length", Level.SUGGEST,
                                _pick(msgs["length"]["long"], seed, words=total, seconds=seconds)))
    elif total:
        findings.append(Finding("length", Level.OK,
                                msgs["length"]["ok"][0].format(words=total, seconds=seconds)))
    setup = word_count(story.part("situation")) + word_count(story.part("task"))
    if total >= SHORT_WORDS and setup / total > 0.4:
        findings.append(Finding("balance", Level.SUGGEST,
                                _pick(msgs["balance"]["heavy_setup"], seed,
                                      share=round(100 * setup / total))))
    if not story.part("learned"):
        findings.append(Finding("learned", Level.SUGGEST, _pick(msgs["missing"]["learned"], seed)))
    return StarReport(tuple(findings), total, seconds, first_person, measurable)


def overused(link_counts: dict[int, int], limit: int = 3) -> list[int]:
    """Stories linked to more questions than is wise: interviewers notice repeats."""
    return sorted(story_id for story_id, n in link_counts.items() if n > limit)
