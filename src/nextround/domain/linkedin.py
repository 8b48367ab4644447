"""LinkedIn connection notes that never exceed the character limit."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.reply_context import LANGUAGES, Contact, DraftContext, DraftOptions, Round
from nextround.domain.reply_facts import build_facts
from nextround.domain.reply_texts import fields_of, fill, lookup, table, usable

DEFAULT_LIMIT = 300
SHORT_LIMIT = 200
MIN_LIMIT = 40
_ELLIPSIS = "…"


@dataclass(frozen=True)
class LinkedInNote:
    """A note, its length in characters and the limit it was written for."""

    note: str
    length: int
    limit: int

    def as_dict(self) -> dict[str, object]:
        return {"note": self.note, "length": self.length, "limit": self.limit}


def contact_kind(ctx: DraftContext, contact: Contact) -> str:
    """How the user knows the contact: someone who interviewed them counts as an interviewer."""
    name = (contact.name or "").strip().lower()
    if name and any(name == i.strip().lower() for r in ctx.rounds for i in r.interviewers):
        return "interviewer"
    if contact.role in ("recruiter", "hiring_manager", "interviewer"):
        return contact.role
    return "other"


def _round_for(ctx: DraftContext, contact: Contact) -> Round | None:
    name = (contact.name or "").strip().lower()
    for round_ in reversed(ctx.rounds):
        if name and any(name == i.strip().lower() for i in round_.interviewers):
            return round_
    return ctx.rounds[-1] if ctx.rounds else None


def fit(text: str, limit: int) -> str:
    """`text` cut at a word boundary so that it is at most `limit` characters long."""
    if len(text) <= limit:
        return text
    room = max(limit - len(_ELLIPSIS), 0)
    cut = text[:room]
    space = cut.rfind(" ")
    if space > room // 2:
        cut = cut[:space]
    return (cut.rstrip(" ,;:-") + _ELLIPSIS)[:limit]


def connection_note(
    ctx: DraftContext,
    contact: Contact,
    limit: int = DEFAULT_LIMIT,
    language: str = "en",
    variant: int = 0,
) -> LinkedInNote:
    """A personal note for `contact`, the richest phrasing that fits within `limit`."""
    if not MIN_LIMIT <= limit <= DEFAULT_LIMIT:
        raise ValueError(f"The limit must be between {MIN_LIMIT} and {DEFAULT_LIMIT} characters.")
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; choose one of {', '.join(LANGUAGES)}.")
    texts = table(language)
    facts = build_facts(ctx, texts, contact, _round_for(ctx, contact), DraftOptions())
    elide = tuple(lookup(texts, "meta.elide") or ())
    kind = contact_kind(ctx, contact)
    ordered = sorted(
        usable(lookup(texts, f"linkedin_note.{kind}") or [], facts),
        key=lambda t: -len(fields_of(t)),
    )
    fallback = list(lookup(texts, "linkedin_note.fallback") or [])
    # Rotate among phrasings of equal richness so that another variant reads differently.
    candidates: list[str] = []
    for size in sorted({len(fields_of(t)) for t in ordered}, reverse=True):
        group = [t for t in ordered if len(fields_of(t)) == size]
        start = variant % len(group)
        candidates.extend(group[start:] + group[:start])
    start = variant % len(fallback) if fallback else 0
    candidates.extend(fallback[start:] + fallback[:start])
    for template in candidates:
        note = fill(template, facts, elide)
        if len(note) <= limit:
            return LinkedInNote(note=note, length=len(note), limit=limit)
    note = fit(fill(candidates[-1], facts, elide) if candidates else "", limit)
    return LinkedInNote(note=note, length=len(note), limit=limit)
