"""Drafting replies to a rejection, follow-ups to silence and thank-you notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from nextround.domain.reply_context import (
    LANGUAGES,
    PARTS,
    PROPOSAL_KINDS,
    TONES,
    Draft,
    DraftContext,
    DraftOptions,
    Round,
)
from nextround.domain.reply_facts import build_facts, choose_recipient, recipient_address
from nextround.domain.reply_texts import clean_fact, fields_of, lookup, pick, pick_many, table

# Facts whose absence the user should hear about, keyed to the warnings table.
_WARN_FOR = {
    "company": "company",
    "role": "role",
    "first_name": "contact_name",
    "full_name": "contact_name",
    "topic": "topic",
    "interview_date": "interview_date",
    "skills": "skills",
    "applied_on": "applied_on",
}


def default_parts(ctx: DraftContext) -> tuple[str, ...]:
    """The parts a reply gets unless the user chooses: the LinkedIn line only when welcome."""
    parts = ["thanks", "feedback", "future"]
    if ctx.door_open and ctx.effective_stage == "interview":
        parts.append("linkedin")
    return tuple(parts)


def validate_options(options: DraftOptions) -> DraftOptions:
    """The options with their parts in canonical order; ValueError on an unknown choice."""
    if options.tone not in TONES:
        raise ValueError(f"Unknown tone {options.tone!r}; choose one of {', '.join(TONES)}.")
    if options.language not in LANGUAGES:
        raise ValueError(
            f"Unknown language {options.language!r}; choose one of {', '.join(LANGUAGES)}."
        )
    if options.proposal is not None and options.proposal not in PROPOSAL_KINDS:
        raise ValueError(
            f"Unknown proposal {options.proposal!r}; choose one of {', '.join(PROPOSAL_KINDS)}."
        )
    if options.parts is None:
        return options
    unknown = [p for p in options.parts if p not in PARTS]
    if unknown:
        raise ValueError(f"Unknown part {unknown[0]!r}; choose from {', '.join(PARTS)}.")
    if not options.parts:
        raise ValueError("Choose at least one part.")
    return replace(options, parts=tuple(p for p in PARTS if p in options.parts))


@dataclass
class _Composer:
    """Collects rendered paragraphs and the facts they would have liked to have."""

    texts: Mapping[str, Any]
    facts: dict[str, str]
    options: DraftOptions
    wanted: set[str]

    def paragraph(self, section: str, questions: str | None = None) -> str | None:
        slots = lookup(self.texts, f"{section}.{self.options.tone}") or []
        sentences: list[str] = []
        for index, slot in enumerate(slots):
            if slot == ["@questions"] and questions is not None:
                asked = self._questions(questions)
                if asked:
                    sentences.append("\n" + "\n".join(f"- {q}" for q in asked) + "\n")
                continue
            for variant in slot:
                self.wanted.update(fields_of(variant))
            chosen = pick(slot, self.facts, self.options.variant, f"{section}.{index}", self.elide)
            if chosen:
                sentences.append(chosen)
        text = " ".join(sentences).replace(" \n", "\n").replace("\n ", "\n").strip()
        return text or None

    def _questions(self, section: str) -> list[str]:
        variants = lookup(self.texts, f"{section}.{self.options.tone}") or []
        count = int(lookup(self.texts, f"meta.questions.{self.options.tone}") or 1)
        return pick_many(variants, self.facts, self.options.variant, section, count, self.elide)

    def line(self, section: str) -> str | None:
        variants = lookup(self.texts, f"{section}.{self.options.tone}")
        if variants is None:
            variants = lookup(self.texts, section) or []
        for variant in variants:
            self.wanted.update(fields_of(variant))
        return pick(variants, self.facts, self.options.variant, section, self.elide)

    @property
    def elide(self) -> tuple[str, ...]:
        return tuple(lookup(self.texts, "meta.elide") or ())


def _subject(composer: _Composer, ctx: DraftContext, kind: str) -> str:
    prefix = str(lookup(composer.texts, "meta.reply_prefix") or "Re: ")
    original = clean_fact(ctx.thread.subject) if ctx.thread else None
    if original:
        if original.lower().startswith(("re:", "re :", "aw:", "sv:")):
            return original
        return prefix + original
    variants = lookup(composer.texts, f"subject.{kind}") or []
    chosen = pick(
        variants, composer.facts, composer.options.variant, f"subject.{kind}", composer.elide
    )
    return chosen or ""


def _assemble(
    composer: _Composer,
    ctx: DraftContext,
    paragraphs: Sequence[str],
    kind: str,
    parts: tuple[str, ...],
    to: tuple[str, ...],
) -> Draft:
    greeting = composer.line("greeting.named") or composer.line("greeting.unnamed") or ""
    closing = composer.paragraph(f"closing.{kind}")
    signoff = composer.line("signoff") or ""
    blocks = [greeting, *paragraphs]
    if closing:
        blocks.append(closing)
    blocks.append("\n".join([signoff, *_signature(ctx)]).strip())
    body = "\n\n".join(b for b in blocks if b).strip() + "\n"
    warnings_table: Mapping[str, str] = table("en")["warnings"]
    seen: list[str] = []
    for fact in sorted(composer.wanted - composer.facts.keys()):
        key = _WARN_FOR.get(fact)
        if key and warnings_table.get(key) and warnings_table[key] not in seen:
            seen.append(warnings_table[key])
    if not to:
        seen.append(warnings_table["recipient"])
    if not _signature(ctx):
        seen.append(warnings_table["my_name"])
    return Draft(
        subject=_subject(composer, ctx, kind),
        body=body,
        to=to,
        language=composer.options.language,
        parts=parts,
        warnings=tuple(seen),
        kind=kind,
    )


def _signature(ctx: DraftContext) -> list[str]:
    signature = ctx.profile.signature
    if signature and signature.strip():
        lines = [clean_fact(line) or "" for line in signature.strip().splitlines()]
        return [line for line in lines if line] or []
    name = clean_fact(ctx.profile.name)
    return [name] if name else []


def _composer(
    ctx: DraftContext, options: DraftOptions, round_: Round | None, thanks: bool = False
) -> _Composer:
    texts = table(options.language)
    recipient = choose_recipient(ctx, round_, prefer_interviewer=thanks)
    facts = build_facts(ctx, texts, recipient, round_, options)
    return _Composer(texts=texts, facts=facts, options=options, wanted=set())


def _last_round(ctx: DraftContext) -> Round | None:
    dated = [(r.on, i) for i, r in enumerate(ctx.rounds) if r.on is not None]
    if dated:
        return ctx.rounds[max(dated)[1]]
    return ctx.rounds[-1] if ctx.rounds else None


def draft_reply(ctx: DraftContext, options: DraftOptions | None = None) -> Draft:
    """The reply to a rejection, shorter and different when no interview took place."""
    options = validate_options(options or DraftOptions())
    parts = options.parts or default_parts(ctx)
    if options.proposal and "proposal" not in parts:
        parts = tuple(p for p in PARTS if p in (*parts, "proposal"))
    stage = ctx.effective_stage
    composer = _composer(ctx, options, _last_round(ctx))
    paragraphs: list[str] = []
    for part in parts:
        section = f"reply.{stage}.{part}"
        if part == "future" and ctx.door_open and lookup(composer.texts, f"{section}_open"):
            section = f"{section}_open"
        text = composer.paragraph(section, questions=f"reply.{stage}.feedback_questions")
        if text:
            paragraphs.append(text)
    to = recipient_address(ctx, choose_recipient(ctx, _last_round(ctx)))
    return _assemble(composer, ctx, paragraphs, "reply", parts, to)


def draft_followup(ctx: DraftContext, options: DraftOptions | None = None, step: int = 1) -> Draft:
    """After silence: a polite follow-up (step 1), then a note closing the loop (step 2)."""
    options = validate_options(options or DraftOptions())
    kind = "followup" if step <= 1 else "close"
    stage = "interview" if ctx.rounds else "application"
    composer = _composer(ctx, options, _last_round(ctx))
    text = composer.paragraph(f"{kind}.{stage}")
    to = recipient_address(ctx, choose_recipient(ctx, _last_round(ctx)))
    return _assemble(composer, ctx, [text] if text else [], kind, (kind,), to)


def draft_thanks(
    ctx: DraftContext, options: DraftOptions | None = None, round_: Round | None = None
) -> Draft:
    """A thank-you note after an interview round (the latest one unless given)."""
    options = validate_options(options or DraftOptions())
    chosen = round_ or _last_round(ctx)
    composer = _composer(ctx, options, chosen, thanks=True)
    text = composer.paragraph("thanks_note")
    to = recipient_address(ctx, choose_recipient(ctx, chosen, prefer_interviewer=True))
    # A thank-you note starts a conversation; it never threads under a rejection.
    unthreaded = replace(ctx, thread=None)
    return _assemble(composer, unthreaded, [text] if text else [], "thanks_note", ("thanks",), to)
