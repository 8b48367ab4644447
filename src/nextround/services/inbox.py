"""Import mail: dedupe, store job emails with their application, and queue proposals for review."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from nextround.domain.applications import Status
from nextround.domain.emails import (
    Classification,
    InboundEmail,
    Label,
    QuarantinedMessage,
    RawMessage,
)
from nextround.domain.matching import (
    AppRef,
    MatchResult,
    MessageFacts,
    company_key,
    match,
    role_similarity,
    sender_key,
)
from nextround.mail.parse import DEFAULT_CAPS, Caps, header_block
from nextround.mail.pipeline import classify_raw
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

CHUNK = 500
# Quarantined bytes are kept so nothing is lost, but not without bound.
MAX_QUARANTINE_RAW = 5 * 1024 * 1024
LABEL_STATUS: dict[Label, Status] = {
    Label.ACKNOWLEDGEMENT: Status.APPLIED,
    Label.ASSESSMENT: Status.SCREENING,
    Label.INTERVIEW: Status.INTERVIEWING,
    Label.OFFER: Status.OFFER,
    Label.REJECTION: Status.REJECTED,
}
RANK: dict[Status, int] = {
    Status.SAVED: 0, Status.APPLIED: 1, Status.SCREENING: 2, Status.INTERVIEWING: 3,
    Status.OFFER: 4, Status.ACCEPTED: 5,
}  # fmt: skip
_THREAD_HEADER = re.compile(rb"(?im)^(?:in-reply-to|references):((?:[^\n]*\n[ \t])*[^\n]*)")
_ANGLE_ID = re.compile(rb"<([^<>\s]{1,250})>")
_ROUND_HINTS = (
    ("phone", "phone_screen"), ("téléphon", "phone_screen"), ("on-site", "onsite"),
    ("onsite", "onsite"), ("in person", "onsite"), ("technical", "technical"),
    ("technique", "technical"), ("panel", "panel"),
)  # fmt: skip


@dataclass
class ImportSummary:
    """What one import did, for the summary line and `--json`."""

    read: int = 0
    job_related: int = 0
    stored: int = 0
    new_proposals: int = 0
    merged: int = 0
    attached: int = 0
    duplicates: int = 0
    not_job: int = 0
    quarantined: int = 0
    sent_by_you: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "read": self.read, "job_related": self.job_related, "stored": self.stored,
            "new_proposals": self.new_proposals, "merged_into_proposals": self.merged,
            "attached_to_applications": self.attached, "duplicates_skipped": self.duplicates,
            "not_job_related": self.not_job, "sent_by_you": self.sent_by_you,
            "quarantined": self.quarantined,
            "quarantine_reasons": dict(self.reasons.most_common()), "dry_run": self.dry_run,
        }  # fmt: skip


@dataclass
class _Context:
    apps: list[AppRef]
    status: dict[int, Status]
    learned: dict[str, str]
    threads: dict[str, int]
    pending_new: dict[str, list[Any]]  # company key -> pending new-application proposals
    own_addresses: frozenset[str] = frozenset()


Progress = Callable[[int, int], None]  # (messages done, bytes done)
AfterChunk = Callable[[UnitOfWork, list[RawMessage]], None]


def load_context(uow: UnitOfWork) -> _Context:
    apps: list[AppRef] = []
    status: dict[int, Status] = {}
    # Most recent first, so that a tie between two applications goes to the newer one.
    for app in sorted(uow.applications.all(), key=lambda a: a.id, reverse=True):
        company = app.company
        domains = tuple(d for d in (company.domain,) if d)
        apps.append(
            AppRef(
                str(app.id),
                company.name,
                app.role,
                tuple(company.aliases or ()),
                domains,
                active=not app.status.is_ending,
            )  # fmt: skip
        )
        status[app.id] = app.status
    pending: dict[str, list[Any]] = {}
    for p in uow.inbox.proposals("pending"):
        if p.kind == "new_application" and p.company:
            pending.setdefault(company_key(p.company), []).append(p)
    own = frozenset(a for a in (uow.profiles.get().email.strip().lower(),) if a)
    return _Context(apps, status, uow.inbox.learned(), uow.inbox.thread_index(), pending, own)


def sent_by_user(em: InboundEmail | QuarantinedMessage, own: frozenset[str]) -> bool:
    """Mail the user wrote (a Takeout archive holds the Sent folder too): not news about them."""
    if isinstance(em, InboundEmail) and any(label.lower() == "sent" for label in em.labels):
        return True
    return em.sender is not None and em.sender.addr.lower() in own


def import_messages(
    uow: UnitOfWork,
    raws: Iterable[RawMessage],
    *,
    dry_run: bool = False,
    chunk_size: int = CHUNK,
    caps: Caps = DEFAULT_CAPS,
    clock: Clock = system_clock,
    progress: Progress | None = None,
    after_chunk: AfterChunk | None = None,
) -> ImportSummary:
    """Import a stream of raw messages; each chunk is one transaction, so an import that is
    killed and run again loses nothing and stores nothing twice."""
    summary = ImportSummary(dry_run=dry_run)
    ctx = load_context(uow)
    chunk: list[RawMessage] = []
    done_bytes = 0
    for raw in raws:
        chunk.append(raw)
        done_bytes += len(raw.data)
        if len(chunk) >= chunk_size:
            _process(uow, ctx, chunk, summary, caps, clock, dry_run, after_chunk)
            chunk = []
            if progress:
                progress(summary.read, done_bytes)
    if chunk:
        _process(uow, ctx, chunk, summary, caps, clock, dry_run, after_chunk)
        if progress:
            progress(summary.read, done_bytes)
    if dry_run:
        uow.rollback()
    return summary


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _in_thread(ctx: _Context, raw: RawMessage) -> bool:
    return any(r in ctx.threads for r in _thread_refs(raw.data))


def _thread_refs(data: bytes) -> list[str]:
    refs: list[str] = []
    for m in _THREAD_HEADER.finditer(header_block(data)):
        refs.extend(x.decode("ascii", "replace") for x in _ANGLE_ID.findall(m.group(1)))
    return refs


def _key(raw: RawMessage) -> str:
    if raw.data:
        return raw.sha256
    # No bytes (too large to fetch): the origin names the message uniquely instead.
    return hashlib.sha256(b"origin:" + raw.origin.encode("utf-8", "replace")).hexdigest()


def _process(
    uow: UnitOfWork, ctx: _Context, chunk: list[RawMessage], summary: ImportSummary,
    caps: Caps, clock: Clock, dry_run: bool, after_chunk: AfterChunk | None,
) -> None:  # fmt: skip
    now = clock()
    # Earlier chunks are already flushed, so the database answers for them; these sets
    # only cover repeats inside this chunk, which keeps memory flat for any archive size.
    hashes: set[str] = set()
    ids_here: set[str] = set()
    keys = [_key(raw) for raw in chunk]
    # Same bytes seen before: skip them before spending any time on parsing.
    old_hashes, _ = uow.inbox.seen(keys, [])
    fresh = []
    for raw, key in zip(chunk, keys, strict=True):
        summary.read += 1
        if key in old_hashes or key in hashes:
            summary.duplicates += 1
            continue
        in_thread = bool(ctx.threads) and _in_thread(ctx, raw)
        item, label = classify_raw(raw, caps, parse_all=in_thread)
        fresh.append((raw, key, item, label, in_thread))
    ids = [item.message_id[:255] for _, _, item, _, _ in fresh if item.message_id]
    _, old_ids = uow.inbox.seen([], ids)
    seen_rows: list[dict[str, Any]] = []
    threads_before = len(ctx.threads)
    for raw, key, item, label, in_thread in fresh:
        mid = item.message_id[:255] if item.message_id else None
        if key in hashes or (mid and (mid in old_ids or mid in ids_here)):
            summary.duplicates += 1
            continue
        hashes.add(key)
        if mid:
            ids_here.add(mid)
        # An earlier message of this chunk may have started the thread this one is in.
        grew = len(ctx.threads) > threads_before
        if not in_thread and grew and isinstance(item, InboundEmail) and _in_thread(ctx, raw):
            in_thread = True
            item, label = classify_raw(raw, caps, parse_all=True)
        job = isinstance(item, InboundEmail) and (label.job_related or in_thread)
        mine = job and sent_by_user(item, ctx.own_addresses)
        seen_rows.append({"sha256": key, "message_id": mid, "job": job, "seen_at": now})
        if mine:
            summary.sent_by_you += 1
            _follow_thread(uow, ctx, item, now)
        elif isinstance(item, QuarantinedMessage):
            _quarantine(uow, raw, item, key, summary)
        elif job:
            assert isinstance(item, InboundEmail)
            _store(uow, ctx, raw, item, label, summary, now)
        else:
            summary.not_job += 1
    uow.inbox.mark_seen(seen_rows)
    if after_chunk:
        after_chunk(uow, chunk)
    uow.flush()
    if not dry_run:
        uow.commit()


def _follow_thread(uow: UnitOfWork, ctx: _Context, em: Any, now: Any) -> None:
    """The user's own reply in a known thread: later answers to it find the application too."""
    refs = [r for r in (em.in_reply_to, *em.references) if r]
    app_id = next((ctx.threads[r] for r in reversed(refs) if r in ctx.threads), None)
    if app_id is not None and em.message_id:
        mid = em.message_id[:255]
        ctx.threads[mid] = app_id
        uow.inbox.add_thread_mark(app_id, mid, "sent", em.date or now)


def _quarantine(
    uow: UnitOfWork, raw: RawMessage, item: QuarantinedMessage, key: str, summary: ImportSummary
) -> None:
    from nextround.storage.tables.inbox import QuarantinedItem

    summary.quarantined += 1
    summary.reasons[item.reason] += 1
    uow.inbox.stage(
        QuarantinedItem(
            owner_id=uow.owner_id,
            sha256=key,
            origin=raw.origin[:500],
            reason=item.reason[:500],
            size=item.size,
            subject=item.subject[:1000],
            sender=item.from_text[:500],
            raw_base64=_b64(raw.data) if 0 < len(raw.data) <= MAX_QUARANTINE_RAW else None,
        )  # fmt: skip
    )


def _store(
    uow: UnitOfWork, ctx: _Context, raw: RawMessage, em: InboundEmail, cl: Classification,
    summary: ImportSummary, now: Any,
) -> None:  # fmt: skip
    from nextround.storage.tables.inbox import StoredMessage

    summary.job_related += 1
    refs = [r for r in (em.in_reply_to, *em.references) if r]
    thread_app = next((ctx.threads[r] for r in reversed(refs) if r in ctx.threads), None)
    facts = MessageFacts(
        sender=em.from_text, subject=em.subject, text=em.text[:3000], company=cl.company,
        role=cl.role, in_reply_to=em.in_reply_to, references=em.references,
    )  # fmt: skip
    result = match(facts, ctx.apps, ctx.learned)
    if thread_app is not None:
        result = MatchResult(
            str(thread_app), 1.0, ("a reply in an email thread of this application",),
            result.company,
        )  # fmt: skip
    app_id = int(result.app_id) if result.app_id else None
    rejection = None
    if cl.rejection is not None:
        r = cl.rejection
        rejection = {
            "reason_given": r.reason_given, "reason": r.reason, "door_open": r.door_open,
            "door_phrase": r.door_phrase, "stage": r.stage.value,
        }  # fmt: skip
    msg = uow.inbox.stage(
        StoredMessage(
            owner_id=uow.owner_id,
            application_id=app_id,
            sha256=em.sha256,
            message_id=em.message_id[:255] if em.message_id else None,
            origin=raw.origin[:500],
            subject=em.subject[:1000],
            sender=em.from_text[:500],
            sender_addr=(em.sender.addr if em.sender else "")[:320],
            sent_at=em.date,
            label=cl.label.value,
            confidence=cl.confidence,
            evidence=list(cl.evidence),
            company=(cl.company or result.company or "")[:300],
            role=(cl.role or "")[:300],
            rejection=rejection,
            text=em.text,
            html=em.html,
            in_reply_to=em.in_reply_to[:255] if em.in_reply_to else None,
            references=list(em.references),
            defects=list(em.defects),
            attachments=list(em.attachments),
            match_evidence=list(result.evidence),
            raw_base64=_b64(raw.data),
            created_at=now,
        )  # fmt: skip
    )
    summary.stored += 1
    if app_id is not None:
        summary.attached += 1
        if em.message_id:
            ctx.threads[em.message_id[:255]] = app_id
    _propose(uow, ctx, msg, em, cl, result, app_id, summary, now)


def _round_kind(cl: Classification, em: InboundEmail) -> str | None:
    if cl.label is Label.ASSESSMENT:
        return "assessment"
    if cl.label is not Label.INTERVIEW:
        return None
    text = f"{em.subject} {em.text[:2000]}".lower()
    return next((kind for hint, kind in _ROUND_HINTS if hint in text), "video")


def moves_forward(current: Status, target: Status) -> bool:
    """Whether an email saying `target` is news for an application at `current`."""
    if target == current:
        return False
    if target == Status.REJECTED or current.is_ending:
        return True  # a rejection always counts; a reply reopens a closed application
    return RANK.get(target, 0) > RANK.get(current, 0)


def _evidence(cl: Classification, result: MatchResult) -> list[str]:
    lines = [f"{cl.label.value} ({cl.confidence:.0%} sure)", *cl.evidence[:4]]
    if cl.rejection is not None:
        r = cl.rejection
        if r.reason_given and r.reason and not any(r.reason in e for e in lines):
            lines.append(f"reason given: {r.reason}")
        if r.door_open and r.door_phrase and not any(r.door_phrase in e for e in lines):
            lines.append(f"door left open: {r.door_phrase}")
        lines.append(f"stage: {r.stage.value}")
    lines.extend(result.evidence)
    return [line[:500] for line in lines]


def _propose(
    uow: UnitOfWork, ctx: _Context, msg: Any, em: InboundEmail, cl: Classification,
    result: MatchResult, app_id: int | None, summary: ImportSummary, now: Any,
) -> None:  # fmt: skip
    from nextround.storage.tables.inbox import Proposal

    target = LABEL_STATUS.get(cl.label)
    if target is None:
        return  # a reply of no particular kind: attached to its application, nothing to decide
    round_kind = _round_kind(cl, em)
    evidence = _evidence(cl, result)
    skey = sender_key(em.from_text)[:400]
    if app_id is not None:
        current = ctx.status.get(app_id, Status.APPLIED)
        status = target if moves_forward(current, target) else None
        if status is None and round_kind is None:
            return
        kind = "new_round" if round_kind else "status"
        company, role = "", cl.role or ""
    else:
        company = (result.company or cl.company or "")[:300]
        pending = _same_role(ctx.pending_new.get(company_key(company), []), cl.role)
        if pending is not None:
            _merge(pending, msg, target, round_kind, evidence, summary)
            return
        kind, status, role = "new_application", target, cl.role or ""
    proposal = uow.inbox.add(
        Proposal(
            owner_id=uow.owner_id,
            kind=kind,
            state="pending",
            application_id=app_id,
            status=status.value if status else None,
            round_kind=round_kind,
            company=company,
            role=role[:300],
            label=cl.label.value,
            confidence=min(cl.confidence, 1.0),
            evidence=evidence,
            sender_key=skey,
            created_at=now,
        )  # fmt: skip
    )
    msg.proposal_id = proposal.id
    summary.new_proposals += 1
    if kind == "new_application" and company:
        ctx.pending_new.setdefault(company_key(company), []).append(proposal)


def _same_role(proposals: list[Any], role: str | None) -> Any:
    """The pending proposal for this company and role: two roles at one company stay apart."""
    for p in proposals:
        if not p.role or not role or role_similarity(p.role, role) >= 0.5:
            return p
    return None


def _merge(
    pending: Any, msg: Any, target: Status, round_kind: str | None, evidence: list[str],
    summary: ImportSummary,
) -> None:  # fmt: skip
    """A later email about a company already proposed as new: one proposal, latest news."""
    current = Status(pending.status) if pending.status else Status.APPLIED
    if moves_forward(current, target) and not current.is_ending:
        pending.status = target.value
        pending.label = msg.label
        pending.round_kind = round_kind or pending.round_kind
    pending.evidence = [*pending.evidence, *evidence][-20:]
    if not pending.role and msg.role:
        pending.role = msg.role
    msg.proposal_id = pending.id
    summary.merged += 1


def remember_sent(
    uow: UnitOfWork, app_id: int, message_id: str, clock: Clock = system_clock,
    follow_up: bool = False,
) -> None:  # fmt: skip
    """Record a Message-ID the app sent for an application, so replies find their way back."""
    uow.applications.get(app_id)
    mid = message_id.strip().strip("<>")[:255]
    uow.inbox.add_thread_mark(app_id, mid or None, "follow_up" if follow_up else "sent", clock())
