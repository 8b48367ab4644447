"""Crisis detection: language about suicide or self-harm, and the helplines shown instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nextround.data import load_toml
from nextround.domain.crisis_net import net_spans
from nextround.domain.harsh_model import crisis_model

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
    desire: tuple[re.Pattern[str], ...]
    mentions: tuple[re.Pattern[str], ...]
    personal: re.Pattern[str]
    method: re.Pattern[str]
    harm_method: re.Pattern[str]
    informational: re.Pattern[str]
    figurative: tuple[re.Pattern[str], ...]


# "I don't want to die alone" is a fear, not a wish: a negation right before the wish cancels it.
_NEGATED = re.compile(
    r"\b(don'?t|dont|do\s+not|never|not|no\s+longer|doesn'?t|didn'?t|won'?t)\s+(\w+\s+)?$",
    re.IGNORECASE,
)


def _compile(items: list[str], terms: dict[str, str]) -> tuple[re.Pattern[str], ...]:
    return tuple(_one(item, terms) for item in items)


def expand_terms(pattern: str, terms: dict[str, str]) -> str:
    """``pattern`` with each shared word list written once in a data file put in as {name}."""
    for name, value in terms.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _one(item: str, terms: dict[str, str]) -> re.Pattern[str]:
    return re.compile(expand_terms(item, terms), re.IGNORECASE)


@cache
def _patterns() -> _Patterns:
    raw = load_toml("recover/crisis.toml")
    terms = {str(k): str(v) for k, v in raw.get("terms", {}).items()}
    return _Patterns(
        always=_compile(raw["always"] + raw["signals"], terms),
        desire=_compile(raw["desire"], terms),
        mentions=_compile(raw["mentions"], terms),
        personal=_one(raw["personal"], terms),
        method=_one(raw["method"], terms),
        harm_method=_one(raw["harm_method"], terms),
        informational=_one(raw["informational"], terms),
        figurative=_compile(raw["figurative"], terms),
    )


def normalise(text: str) -> str:
    """Same length as ``text`` (so offsets still point into the original), plainer quotes."""
    return text.translate(_APOSTROPHES)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def without_figures(text: str) -> str:
    """``text`` with plainer quotes and its figurative phrases blanked out (same length)."""
    plain = normalise(text)
    for pattern in _patterns().figurative:
        for match in list(pattern.finditer(plain)):
            plain = _blank(plain, match.start(), match.end())
    return plain


def crisis_spans(text: str, learned: bool = True) -> list[tuple[int, int]]:
    """Character spans of crisis language in ``text``; empty when there is none.

    Figurative phrases are blanked out first (same length, so offsets hold), which lets
    "this is killing me" pass while "this is killing me and I want to die" does not. When no
    pattern fires, a small learned net has the last word, recall first.
    """
    patterns = _patterns()
    plain = without_figures(text)
    spans: list[tuple[int, int]] = []
    for pattern in patterns.always:
        spans.extend(m.span() for m in pattern.finditer(plain))
    negated = False
    for pattern in patterns.desire:
        for m in pattern.finditer(plain):
            if _NEGATED.search(plain[max(0, m.start() - 24) : m.start()]):
                negated = True
            else:
                spans.append(m.span())
    mention_spans = [m.span() for p in patterns.mentions for m in p.finditer(plain)]
    if mention_spans and not spans and _informational(plain, patterns):
        # A question of fact, a story or a study: the patterns have decided, not the net.
        return []
    spans.extend(mention_spans)
    # The broad net: any remaining touch of a risk concept, unless a harmless reading covers it.
    study = bool(patterns.informational.search(plain)) and not patterns.harm_method.search(plain)
    spans.extend(net_spans(plain, study))
    # The learned net cannot read negation: a wish the patterns saw negated stays a fear. Nor
    # can it read a blanked figure of speech ("I'd murder a curry" leaves "I'd ... right
    # now"): once an idiom has explained the risky words, the concepts above have decided.
    figure = plain != normalise(text)
    if learned and not spans and not negated and not figure and plain.strip():
        net = crisis_model()
        if net is not None and net.is_crisis(plain):
            # No words to point at: the whole statement is the reason.
            spans.append((0, len(text)))
    return merge_spans(spans)


def _informational(plain: str, patterns: _Patterns) -> bool:
    """About the subject, not the writer's own wish: a question of fact, a story, a study.

    Asking for means never counts. A plain context of prevention, study or stories does;
    otherwise asking how does not, and without "I", "me" or "you" the sentence is about
    someone else (history, fiction, the news).
    """
    if patterns.harm_method.search(plain):
        return False
    if patterns.informational.search(plain):
        return True
    if patterns.method.search(plain):
        return False
    return not patterns.personal.search(plain)


def safety_topic(text: str) -> bool:
    """True when ``text`` speaks of suicide or self-harm without being a crisis statement.

    Such questions of fact still deserve the helplines, though not the crisis message.
    """
    return not is_crisis(text) and mentions_safety_topic(text)


def mentions_safety_topic(text: str) -> bool:
    """``safety_topic`` for a text already known not to be a crisis statement."""
    plain = without_figures(text)
    return any(p.search(plain) for p in _patterns().mentions)


def is_crisis(text: str, learned: bool = True) -> bool:
    return bool(crisis_spans(text, learned))


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with overlapping or touching [start, end) spans joined into one."""
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
