"""Classify job-search email with weighted cue phrases, keeping the sentences as evidence."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from nextround.domain.classify_rules import Cue, Patterns, RuleSet, normalise, rules
from nextround.domain.emails import (
    Classification,
    InboundEmail,
    Label,
    RejectionDetails,
    Stage,
)
from nextround.domain.extract import extract_company, extract_role

MAX_CHARS = 20_000
MAX_SENTENCES = 250
MAX_SENTENCE_CHARS = 600
SUBJECT_FACTOR = 0.5  # subjects are short and often generic: they count half
JOB_LABELS = (
    Label.REJECTION,
    Label.OFFER,
    Label.ASSESSMENT,
    Label.INTERVIEW,
    Label.ACKNOWLEDGEMENT,
)

_SPLIT = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*|\s+[•·▪]\s+|\s+-\s+(?=[A-Z])")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_PARAGRAPH = re.compile(r"\n\s*\n")
_CONDITIONAL = re.compile(
    r"\b(?:if|should (?:you|we|your|there)|in the event|unless|whether|in case|si|au cas où|"
    r"dans le cas)\b"
)
_BULLET = re.compile(r"^(?:[-*•·▪]|\d{1,2}[.)])\s")


def _present(words: tuple[str, ...], text: str) -> bool:
    # A plain loop: this runs hundreds of times per message, and a generator inside any()
    # costs more than the substring tests themselves.
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False


@dataclass(slots=True)
class Hit:
    """One cue pattern that matched, with the sentence it matched in."""

    cue: Cue
    weight: float
    sentence: str


@dataclass(slots=True)
class Reading:
    """Sentences of a message and the cues found in them."""

    sentences: list[str]
    lowered: list[str]
    hits: list[Hit] = field(default_factory=list)
    whole: str = ""  # the lowered sentences joined by newlines
    offsets: list[int] = field(default_factory=list)  # where each sentence starts in `whole`

    def __post_init__(self) -> None:
        self.whole = "\n".join(self.lowered)
        pos = 0
        for low in self.lowered:
            self.offsets.append(pos)
            pos += len(low) + 1

    def sentence_at(self, index: int) -> int:
        return max(0, bisect_right(self.offsets, index) - 1)

    def body_matches(self, patterns: Patterns) -> list[int]:
        """Indices of body sentences matched by any pattern, in text order."""
        if len(self.lowered) < 2:
            return []
        start = self.offsets[1]
        whole = self.whole
        found = {
            self.sentence_at(m.start())
            for p, needs in patterns
            if not needs or _present(needs, whole)
            for m in p.finditer(whole, start)
        }
        return sorted(i for i in found if i > 0)

    def score(self, label: str) -> float:
        return sum(h.weight for h in self.hits if h.cue.label == label)

    def kinds(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for h in self.hits:
            if h.cue.label == Label.OTHER:
                found[h.cue.kind] = found.get(h.cue.kind, 0.0) + h.weight
        return found


def sentences_of(text: str) -> list[str]:
    """Split text into sentences; wrapped lines inside a paragraph are joined first."""
    paragraphs = _PARAGRAPH.split(text[:MAX_CHARS])
    out: list[str] = []
    for para in paragraphs:
        # Hard-wrapped prose is re-joined; list items and lines ending in a colon stay apart.
        joined: list[str] = []
        for ln in (ln.strip() for ln in para.splitlines()):
            if not ln:
                continue
            if joined and not joined[-1].endswith(":") and not _BULLET.match(ln):
                joined[-1] = joined[-1] + " " + ln
            else:
                joined.append(ln)
        for chunk in joined:
            for piece in _SPLIT.split(chunk):
                piece = _SPACES.sub(" ", piece).strip()
                if len(piece) > 1:
                    out.append(piece[:MAX_SENTENCE_CHARS])
                if len(out) >= MAX_SENTENCES:
                    return out
    return out


def _read(subject: str, body: str, ruleset: RuleSet) -> tuple[Reading, int]:
    """Find every cue in the subject (index 0) and the body sentences."""
    sentences = [subject.strip()] + sentences_of(body)
    lowered = [normalise(s) for s in sentences]
    reading = Reading(sentences, lowered)
    whole = reading.whole
    body_start = reading.offsets[1] if len(lowered) > 1 else len(whole)
    for cue in ruleset.cues:
        for pattern, needs in zip(cue.patterns, cue.needs, strict=True):
            if needs and not _present(needs, whole):
                continue  # a word the pattern cannot match without is absent
            found = pattern.search(whole)
            if found is None:
                continue
            if found.start() < body_start:  # in the subject: a body match counts more
                found = pattern.search(whole, body_start) or found
            at = reading.sentence_at(found.start())
            weight = cue.weight * (SUBJECT_FACTOR if at == 0 else 1.0)
            # "If we decide not to move forward..." is a promise, not a decision.
            if cue.label != Label.ACKNOWLEDGEMENT and _CONDITIONAL.search(
                lowered[at], 0, found.start() - reading.offsets[at]
            ):
                weight = min(weight, 1.0)
            reading.hits.append(Hit(cue, weight, sentences[at]))
    job = sum(1 for _ in ruleset.job_context.finditer(whole))
    applying = 1 if ruleset.applying.search(whole) else 0
    # `context` counts job words; applying words alone count once (a rejection that never
    # says "job" still says "your application").
    return reading, (job * 2 + applying)


def _confidence(top: float, second: float) -> float:
    margin = max(0.0, top - second)
    return round(min(0.99, 1.0 - 0.5 * math.exp(-margin / 2.5)), 3)


def _evidence(reading: Reading, label: str, limit: int = 4) -> list[str]:
    seen: list[str] = []
    for hit in sorted(reading.hits, key=lambda h: -h.weight):
        if hit.cue.label != label:
            continue
        text = f"{label if label != Label.OTHER else hit.cue.kind}: {hit.sentence}"
        if text not in seen:
            seen.append(text)
        if len(seen) >= limit:
            break
    return seen


def _first(patterns: Patterns, reading: Reading) -> str | None:
    found = reading.body_matches(patterns)
    return reading.sentences[found[0]] if found else None


def rejection_details(reading: Reading, ruleset: RuleSet) -> RejectionDetails:
    """Reason, open door and stage read from the sentences of a rejection."""
    reason = _first(ruleset.reason, reading)
    vague = set(reading.body_matches(ruleset.not_door))
    doors = [i for i in reading.body_matches(ruleset.door_open) if i not in vague]
    door = reading.sentences[doors[0]] if doors else None
    stage = Stage.INTERVIEW if _first(ruleset.stage_interview, reading) else Stage.APPLICATION
    return RejectionDetails(
        reason_given=reason is not None,
        reason=reason,
        door_open=door is not None,
        door_phrase=door,
        stage=stage,
    )


def _strong(reading: Reading, label: str) -> bool:
    return any(h.cue.label == label and h.weight >= 3 for h in reading.hits)


def decide(
    reading: Reading, context: int, extra_other: float = 0.0, own: bool = True
) -> tuple[Label, float]:
    """Pick the label from the cue scores; returns the label and a confidence."""
    scores = {label: reading.score(label) for label in JOB_LABELS}
    kinds = reading.kinds()
    other = sum(kinds.values()) + extra_other
    ranked = sorted(JOB_LABELS, key=lambda lb: (-scores[lb], JOB_LABELS.index(lb)))
    best = ranked[0]
    # A clear refusal outweighs the courtesy phrases that surround it: rejections often
    # restate that the application was received and reviewed.
    strong_refusal = _strong(reading, Label.REJECTION)
    if strong_refusal and (
        best is Label.ACKNOWLEDGEMENT or scores[best] < scores[Label.REJECTION] + 3
    ):
        best = Label.REJECTION
    top = scores[best]
    second = max([scores[lb] for lb in JOB_LABELS if lb is not best] + [other])
    # Admissions, grants, payments and rentals use the words of rejection; unless the
    # message also speaks of a job, they are not about the user's applications.
    academic = kinds.get("academic or grant", 0.0) + kinds.get("payment notice", 0.0)
    # Regret in a message about a job application, with nothing else going on (no
    # invitation, no acknowledgement, no notice), is most often a rejection worded in a
    # way the cues do not know: say so, with a modest confidence.
    # Thanks for applying is as common around a rejection as in an acknowledgement.
    regret = any(h.cue.kind == "regret" and h.weight >= 1 for h in reading.hits)
    ack_proper = sum(
        h.weight for h in reading.hits
        if h.cue.label == Label.ACKNOWLEDGEMENT and h.cue.kind != "thanks"
    )
    if (
        regret
        and own
        and not strong_refusal
        and scores[Label.REJECTION] < 3
        and context >= 3
        and other == 0
        and ack_proper == 0
        and all(scores[lb] < 1 for lb in (Label.OFFER, Label.ASSESSMENT, Label.INTERVIEW))
    ):
        return Label.REJECTION, 0.6
    # Without any job wording only a clear cue counts.
    if top < 2 or (context == 0 and top < 3):
        return Label.OTHER, _confidence(3.0 + other, top)
    if academic >= 3 and context <= 3:
        return Label.OTHER, _confidence(academic + 2, top)
    # Platform notices and newsletters win ties, but not against a clear decision about
    # the user's own application (rejections often point to "new roles that match").
    margin = 3.0 if strong_refusal else 0.0
    if other >= top + margin:
        return Label.OTHER, _confidence(other + 1, top)
    return best, _confidence(top, second)


def classify_text(
    subject: str,
    body: str,
    sender_name: str = "",
    sender_addr: str = "",
    bulk: bool = False,
) -> Classification:
    """Classify one message given its subject, new body text and sender."""
    ruleset = rules()
    reading, context = _read(subject, body, ruleset)
    own = ruleset.own.search(reading.whole) is not None
    label, confidence = decide(reading, context, 1.0 if bulk else 0.0, own)
    if label is Label.OTHER:
        evidence = _evidence(reading, Label.OTHER) or [
            "no sign that this is about your own application"
        ]
        return Classification(Label.OTHER, confidence, tuple(evidence))
    evidence = _evidence(reading, label)
    details = rejection_details(reading, ruleset) if label is Label.REJECTION else None
    if details is not None:
        if details.reason:
            evidence.append(f"reason: {details.reason}")
        if details.door_phrase:
            evidence.append(f"door open: {details.door_phrase}")
    company = extract_company(reading.sentences, sender_name, sender_addr)
    return Classification(
        label=label,
        confidence=confidence,
        evidence=tuple(evidence),
        company=company,
        role=extract_role(reading.sentences, company),
        rejection=details,
    )


def classify_email(email: InboundEmail) -> Classification:
    """Classify a parsed message; quoted earlier mail counts only when the new text is thin."""
    body = email.text
    if email.quoted and len(body) < 800 and sum(ch.isalpha() for ch in body[:400]) < 120:
        body = body + "\n\n" + email.quoted[:5000]
    bulk = "list-unsubscribe" in email.headers or email.headers.get("precedence", "") in (
        "bulk",
        "list",
    )
    sender = email.sender
    return classify_text(
        email.subject,
        body,
        sender.name if sender else "",
        sender.addr if sender else "",
        bulk=bulk,
    )


def describe_rejection(subject: str, body: str) -> RejectionDetails:
    """Rejection attributes of a text known to be a rejection (e.g. one the user
    relabelled), whatever label the classifier would give it."""
    ruleset = rules()
    reading, _ = _read(subject, body, ruleset)
    return rejection_details(reading, ruleset)
