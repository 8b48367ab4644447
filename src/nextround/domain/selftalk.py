"""Self-talk analysis: harsh, neutral, kind or crisis, with the thinking traps and trigger spans."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache

from nextround.data import load_toml
from nextround.domain.crisis import (
    crisis_spans,
    expand_terms,
    mentions_safety_topic,
    merge_spans,
    normalise,
)
from nextround.domain.harsh_model import harsh_model


class Label(StrEnum):
    HARSH = "harsh"
    NEUTRAL = "neutral"
    KIND = "kind"
    CRISIS = "crisis"


Span = tuple[int, int]


@dataclass(frozen=True)
class Analysis:
    """What the reader of one statement noticed; spans are character offsets into ``text``."""

    text: str
    label: Label
    distortions: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    kind_spans: tuple[Span, ...] = field(default=(), compare=False)
    # Speaks of suicide or self-harm without being a crisis statement ("what is the suicide
    # rate?"): no crisis message, but the helplines are still offered.
    safety: bool = field(default=False, compare=False)

    def triggers(self) -> list[str]:
        """The words that triggered the label, as the user wrote them."""
        return [self.text[start:end] for start, end in self.spans]


Traps = tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


@dataclass(frozen=True)
class _Rules:
    traps: Traps
    weak: Traps
    negative: re.Pattern[str]
    self_cues: re.Pattern[str]
    clause_break: re.Pattern[str]
    fillers: re.Pattern[str]
    kind: tuple[re.Pattern[str], ...]
    contrast: re.Pattern[str]
    names: dict[str, str]


def _compile(pattern: str) -> re.Pattern[str]:
    pattern = expand_terms(pattern, _terms())
    # Informal writing says "gonna"; one spelling in the data file covers both.
    return re.compile(pattern.replace("going\\s+to", "(?:going\\s+to|gonna)"), re.IGNORECASE)


@cache
def _terms() -> dict[str, str]:
    raw = load_toml("recover/distortions.toml").get("terms", {})
    return {str(k): "(?:" + str(v) + ")" for k, v in raw.items()}


def _traps(table: dict[str, list[str]]) -> Traps:
    return tuple((name, tuple(_compile(p) for p in items)) for name, items in table.items())


@cache
def _rules() -> _Rules:
    raw = load_toml("recover/distortions.toml")
    return _Rules(
        traps=_traps(raw["patterns"]),
        weak=_traps(raw["weak"]["patterns"]),
        negative=_compile(raw["weak"]["negative_cues"]),
        self_cues=_compile(raw["weak"]["self_cues"]),
        clause_break=_compile(raw["weak"]["clause_break"]),
        fillers=_compile(raw["weak"]["fillers"]),
        kind=tuple(_compile(p) for p in raw["kind"]["patterns"]),
        contrast=_compile(raw["kind"]["contrast"]),
        names={str(k): str(v) for k, v in raw["names"].items()},
    )


def _clause(plain: str, span: Span, breaks: re.Pattern[str]) -> str:
    """The clause around ``span``: from the previous break to the next one."""
    start = 0
    for found in breaks.finditer(plain, 0, span[0]):
        start = found.end()
    following = breaks.search(plain, span[1])
    end = following.start() if following else len(plain)
    return plain[start:end]


def distortion_names() -> dict[str, str]:
    """Identifier -> plain name shown to people ("mind_reading" -> "mind reading")."""
    return dict(_rules().names)


def _covered(span: Span, by: list[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in by)


def analyse(
    text: str,
    harsh_score: Callable[[str], float] | None = None,
    threshold: float = 0.6,
    *,
    learned: bool = True,
) -> Analysis:
    """Read one statement. Crisis language is checked first and always wins.

    The pattern rules name the thinking traps and the trigger words; the light learned reader
    (``learned``, on by default) gives a second opinion on harsh or not from the wording.
    ``harsh_score`` is an optional further opinion (probability of harsh self-talk, e.g. from
    the sentence model): it can only turn a neutral reading into harsh, with no trap or words
    to name. A kind reading stands: "I'm not a failure" is near "I'm a failure" in meaning.
    """
    danger = crisis_spans(text)
    if danger:
        return Analysis(text=text, label=Label.CRISIS, spans=tuple(danger))
    found, marks = _read(text)
    model = harsh_model() if learned and text.strip() else None
    if model is not None:
        found = _second_look(found, model.is_harsh(text, marks, found.label is Label.HARSH))
    if (harsh_score is not None and found.label is Label.NEUTRAL and text.strip()
            and harsh_score(text) >= threshold):
        found = Analysis(text=text, label=Label.HARSH, kind_spans=found.kind_spans)
    # Crisis language was ruled out above; only the topic is left to check.
    if mentions_safety_topic(text):
        found = replace(found, safety=True)
    return found


def _second_look(found: Analysis, harsh: bool) -> Analysis:
    """The learned reader's verdict on harsh or not; the rules still tell kind from neutral."""
    if harsh == (found.label is Label.HARSH):
        return found
    if harsh and found.label is Label.KIND:
        # Word counts cannot read "I'm not a failure"; the rules' kind reading stands.
        return found
    if harsh:
        return Analysis(text=found.text, label=Label.HARSH, kind_spans=found.kind_spans)
    label = Label.KIND if found.kind_spans else Label.NEUTRAL
    return Analysis(text=found.text, label=label, kind_spans=found.kind_spans)


def rule_marks(text: str) -> tuple[str, ...]:
    """What the rules noticed, as features for the learned reader (also used to train it)."""
    return _read(text)[1]


def _read(text: str) -> tuple[Analysis, tuple[str, ...]]:
    found, traps, kindly = _by_rules(text)
    marks = ["label:" + found.label.value, *("trap:" + name for name in traps)]
    marks.append(f"traps:{min(len(traps), 3)}")
    marks.append(f"kind:{min(len(found.kind_spans), 3)}")
    if kindly:
        marks.append("ends-kindly")
    if traps and found.kind_spans:
        marks.append("mixed")
    return found, tuple(marks)


def _by_rules(text: str) -> tuple[Analysis, tuple[str, ...], bool]:
    """The rules' reading, the traps they saw (even when a kind ending outweighs them), and
    whether a kind ending did."""
    rules = _rules()
    # Same length as the text, so spans still point at the user's own words.
    plain = rules.fillers.sub(lambda m: " " * len(m.group()), normalise(text))
    kind = merge_spans([m.span() for p in rules.kind for m in p.finditer(plain)])
    hits: list[tuple[str, Span]] = []
    for name, patterns in rules.traps:
        for pattern in patterns:
            for match in pattern.finditer(plain):
                if match.end() > match.start() and not _covered(match.span(), kind):
                    hits.append((name, match.span()))
    for name, patterns in rules.weak:
        for pattern in patterns:
            for match in pattern.finditer(plain):
                clause = _clause(plain, match.span(), rules.clause_break)
                if (rules.negative.search(clause) and rules.self_cues.search(clause)
                        and not _covered(match.span(), kind)):
                    hits.append((name, match.span()))
    if not hits:
        label = Label.KIND if kind else Label.NEUTRAL
        return Analysis(text=text, label=label, kind_spans=tuple(kind)), (), False
    names = tuple(dict.fromkeys(name for name, _ in sorted(hits, key=lambda h: h[1])))
    if kind and _ends_kindly(plain, hits, kind, rules.contrast):
        return Analysis(text=text, label=Label.KIND, kind_spans=tuple(kind)), names, True
    found = Analysis(
        text=text,
        label=Label.HARSH,
        distortions=names,
        spans=tuple(merge_spans([span for _, span in hits])),
        kind_spans=tuple(kind),
    )
    return found, names, False


def _ends_kindly(
    plain: str, hits: list[tuple[str, Span]], kind: list[Span], contrast: re.Pattern[str]
) -> bool:
    """True when a kind clause answers the harsh one: "I blew it, but I learned a lot"."""
    last_harsh = max(end for _, (_, end) in hits)
    later_kind = [span for span in kind if span[0] >= last_harsh]
    if not later_kind:
        return False
    before_harsh = plain[: min(start for _, (start, _) in hits)]
    # "..., and I'm still a good engineer": the contrast can sit inside the kind clause too.
    answer = plain[last_harsh : later_kind[0][1]]
    return any(contrast.search(part) for part in (before_harsh, answer))


def analyse_many(lines: list[str]) -> list[Analysis]:
    return [analyse(line) for line in lines]
