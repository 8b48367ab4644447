"""The facts a draft may state, taken from the record and nothing else."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from email.utils import parseaddr
from typing import Any

from nextround.domain.reply_context import Contact, DraftContext, DraftOptions, Round
from nextround.domain.reply_texts import clean_fact, join_names

_ADDRESS = re.compile(r"^[^@\s<>,;:\"()\[\]\\]+@[^@\s<>,;:\"()\[\]\\]+\.[^@\s<>,;:\"()\[\]\\]+$")
_RECIPIENT_ORDER = ("recruiter", "hiring_manager", "interviewer", "other")
_NO_REPLY = re.compile(r"no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon", re.I)
_MAX_TOPICS = 2
_MAX_TOPIC_CHARS = 80
# "Discussed: X; Y" marks topics explicitly; otherwise phrases such as "talked about X",
# "asked a lot about X" or "chat about X" in the user's notes name what was discussed.
_MARKED = re.compile(
    r"^\s*(?:discussed|topics?|talked about|we discussed|discuté|sujets?|thèmes?)\s*[:\-–]\s*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_SAID = re.compile(
    r"\b(?:talked|talking|spoke|chatted|chat|conversation|discussion|discussed|asked(?: a lot)?|"
    r"cared|questions?|focus(?:ed)?|dug|deep[- ]dive)\s+(?:a lot\s+|mostly\s+|mainly\s+)?"
    r"(?:about|through|on|into|of)\s+([^.;:!?\n]{3,})"
    r"|\b(?:parlé|discuté|échangé|questions?)\s+(?:de|du|des|sur)\s+([^.;:!?\n]{3,})",
    re.IGNORECASE,
)
_MAX_SKILLS = 3


def valid_address(value: str | None) -> str | None:
    """The bare address when `value` is one plain, well-formed address, else None."""
    if not value or any(ch in value for ch in "\r\n\x00"):
        return None
    _, addr = parseaddr(value)
    addr = addr.strip()
    return addr if _ADDRESS.match(addr) else None


def _reachable(address: str | None) -> str | None:
    addr = valid_address(address)
    if addr and _NO_REPLY.search(addr.split("@")[0]):
        return None
    return addr


def choose_recipient(
    ctx: DraftContext, round_: Round | None, prefer_interviewer: bool = False
) -> Contact | None:
    """Who the message goes to: the sender of the imported message, else the best contact.

    A contact with an address beats one without; a thank-you note prefers the people who
    interviewed, other messages the recruiter.
    """
    sender = _reachable(ctx.thread.from_addr) if ctx.thread else None
    if sender:
        for contact in ctx.contacts:
            if valid_address(contact.email) == sender:
                return contact
        # The sender is not a known contact: write to them, greet nobody by a guessed name.
        return Contact(email=sender)
    names = {n.strip().lower() for n in round_.interviewers} if round_ is not None else set()

    def rank(contact: Contact) -> tuple[bool, bool, int]:
        interviewed = bool(contact.name) and (contact.name or "").strip().lower() in names
        role = contact.role if contact.role in _RECIPIENT_ORDER else "other"
        return (
            _reachable(contact.email) is None,
            prefer_interviewer and not interviewed,
            _RECIPIENT_ORDER.index(role),
        )

    ranked = sorted(ctx.contacts, key=rank)
    return ranked[0] if ranked else None


def recipient_address(ctx: DraftContext, recipient: Contact | None) -> tuple[str, ...]:
    """The To: address when the record holds a valid one."""
    if recipient is not None:
        addr = _reachable(recipient.email)
        if addr:
            return (addr,)
    sender = _reachable(ctx.thread.from_addr) if ctx.thread else None
    return (sender,) if sender else ()


def topics_from_notes(notes: str | None) -> list[str]:
    """What the user's notes say was discussed; nothing when they do not say it plainly."""
    if not notes:
        return []
    marked = [
        t.strip() for m in _MARKED.finditer(notes) for t in re.split(r"[;,]", m.group(1))
    ]
    if marked:
        return [t for t in marked if t and len(t) <= _MAX_TOPIC_CHARS]
    found: list[str] = []
    for match in _SAID.finditer(notes):
        topic = (match.group(1) or match.group(2) or "").strip(" ,")
        if topic and len(topic) <= _MAX_TOPIC_CHARS and topic.lower() not in {"it", "that", "this"}:
            found.append(topic)
    return found


def format_date(day: date, texts: Mapping[str, Any]) -> str:
    """A date in the draft's language, without the year."""
    months = texts["meta"]["months"]
    return str(texts["meta"]["date"]).format(day=day.day, month=months[day.month - 1])


def build_facts(
    ctx: DraftContext,
    texts: Mapping[str, Any],
    recipient: Contact | None,
    round_: Round | None,
    options: DraftOptions,
) -> dict[str, str]:
    """Only the facts the record supports; a missing fact is simply absent."""
    conj = str(texts["meta"]["and"])
    facts: dict[str, str | None] = {
        "company": clean_fact(ctx.company),
        "role": clean_fact(ctx.role),
    }
    if recipient is not None:
        facts["first_name"] = clean_fact(recipient.first_name)
        facts["full_name"] = clean_fact(recipient.name)
    if round_ is not None:
        if round_.on is not None:
            facts["interview_date"] = format_date(round_.on, texts)
        kind = (round_.kind or "").strip().lower()
        labels = texts["kinds"]
        facts["round_kind"] = labels.get(kind) if kind else None
        greeted = (recipient.name or "").strip().lower() if recipient else ""
        others = [
            n for n in (clean_fact(i) for i in round_.interviewers) if n and n.lower() != greeted
        ]
        facts["interviewers"] = join_names(others, conj) or None
    topics = [t for t in (clean_fact(d) for d in ctx.discussed) if t][:_MAX_TOPICS]
    facts["topic"] = join_names(topics, conj) or None
    skills = [s for s in (clean_fact(k) for k in ctx.profile.skills) if s][:_MAX_SKILLS]
    facts["skills"] = join_names(skills, conj) or None
    if "proposal" in (options.parts or ()) or options.proposal:
        kind_text = str(texts["proposals"][options.proposal or "any"])
        facts["proposal_kind"] = kind_text
        # Some languages open the sentence with it.
        facts["Proposal_kind"] = kind_text[:1].upper() + kind_text[1:]
    if ctx.applied_on is not None:
        facts["applied_on"] = format_date(ctx.applied_on, texts)
    return {k: v for k, v in facts.items() if v}
