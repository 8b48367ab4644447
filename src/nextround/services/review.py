"""The review queue: accept, correct or dismiss what the inbox proposed, one by one or all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nextround.domain.applications import Origin, Status, parse_status
from nextround.domain.matching import ats_for, registrable_domain, sender_company, sender_key
from nextround.errors import ConflictError, UserInputError
from nextround.services.applications import ApplicationInput, add_application, change_status
from nextround.services.clock import Clock, system_clock
from nextround.services.inbox import moves_forward
from nextround.services.people import add_interview
from nextround.storage.uow import UnitOfWork

UNKNOWN_ROLE = "Role not stated"


@dataclass(frozen=True)
class Outcome:
    """What accepting one proposal did, for the CLI line and the web flash."""

    proposal_id: int
    application_id: int | None
    action: str


def proposal_view(uow: UnitOfWork, p: Any) -> dict[str, Any]:
    """The stable JSON shape of one proposal (CLI `--json` and the web page)."""
    app = uow.applications.get(p.application_id) if p.application_id else None
    messages = uow.inbox.messages_of_proposal(p.id)
    first = messages[0] if messages else None
    return {
        "id": p.id,
        "kind": p.kind,
        "state": p.state,
        "label": p.label,
        "confidence": round(p.confidence, 3),
        "application_id": p.application_id,
        "application": f"{app.role} at {app.company.name}" if app else None,
        "company": app.company.name if app else p.company,
        "role": app.role if app else p.role,
        "current_status": app.status.value if app else None,
        "proposed_status": p.status,
        "new_round": p.round_kind,
        "evidence": list(p.evidence),
        "messages": [
            {
                "id": m.id,
                "subject": m.subject,
                "from": m.sender,
                "date": m.sent_at.isoformat() if m.sent_at else None,
            }
            for m in messages
        ],
        "subject": first.subject if first else "",
        "from": first.sender if first else "",
        "date": first.sent_at.isoformat() if first and first.sent_at else None,
        "result_application_id": p.result_application_id,
    }


def pending(uow: UnitOfWork, limit: int | None = None) -> list[dict[str, Any]]:
    return [proposal_view(uow, p) for p in uow.inbox.proposals("pending", limit)]


def _pending(uow: UnitOfWork, proposal_id: int) -> Any:
    p = uow.inbox.proposal(proposal_id)
    if p.state != "pending":
        raise ConflictError(
            f"Proposal {proposal_id} was already {p.state}.",
            "Run `nextround review` to see what is still pending.",
        )
    return p


def _note(uow: UnitOfWork, p: Any) -> str:
    messages = uow.inbox.messages_of_proposal(p.id)
    return f"From the email “{messages[0].subject}”" if messages else "From an email"


def _attach(uow: UnitOfWork, p: Any, app_id: int) -> None:
    messages = uow.inbox.messages_of_proposal(p.id)
    for m in messages:
        m.application_id = app_id
    company = uow.applications.get(app_id).company
    if company.domain:
        return
    for m in messages:
        # The employer's own domain (not an ATS, not a personal address) helps match later mail.
        if m.sender_addr and ats_for(m.sender_addr) is None and sender_company(m.sender)[0]:
            company.domain = registrable_domain(m.sender_addr.rpartition("@")[2])[:255]
            return


def _apply(uow: UnitOfWork, p: Any, clock: Clock) -> Outcome:
    note = _note(uow, p)
    if p.kind == "new_application":
        if not p.company:
            raise UserInputError(
                f"Proposal {p.id} names no company.",
                f"Give one: `nextround review correct {p.id} --company NAME`.",
            )
        messages = uow.inbox.messages_of_proposal(p.id)
        dates = [m.sent_at for m in messages if m.sent_at]
        status = Status(p.status) if p.status else Status.APPLIED
        app_id = add_application(
            uow,
            ApplicationInput(
                company=p.company, role=p.role or UNKNOWN_ROLE,
                applied_on=min(dates).date() if dates else clock().date(),
                status=status.value, notes=note,
            ),
            origin=Origin.EMAIL, clock=clock,
        )  # fmt: skip
        _attach(uow, p, app_id)
        if p.round_kind:
            add_interview(uow, app_id, p.round_kind, notes=note)
        return Outcome(p.id, app_id, f"added {p.role or 'an application'} at {p.company}")
    app = uow.applications.get(p.application_id)
    _attach(uow, p, app.id)
    done: list[str] = []
    if p.round_kind:
        add_interview(uow, app.id, p.round_kind, notes=note)
        done.append(f"a {p.round_kind.replace('_', ' ')} round")
    if p.status:
        target = Status(p.status)
        if moves_forward(app.status, target):
            try:
                change_status(uow, app.id, target, Origin.EMAIL, note, clock=clock)
                done.append(f"status {target.value}")
            except ConflictError:
                pass  # already there or not allowed from here: nothing to change
    label = f"{app.role} at {app.company.name}"
    action = ("added " + " and ".join(done) + " to " + label) if done else f"filed under {label}"
    return Outcome(p.id, app.id, action)


def accept(
    uow: UnitOfWork, proposal_id: int, clock: Clock = system_clock, state: str = "accepted"
) -> Outcome:
    p = _pending(uow, proposal_id)
    outcome = _apply(uow, p, clock)
    p.state = state
    p.decided_at = clock()
    p.result_application_id = outcome.application_id
    uow.flush()
    return outcome


def accept_all(uow: UnitOfWork, clock: Clock = system_clock) -> tuple[list[Outcome], list[str]]:
    """Accept every pending proposal that can be; say why the others could not."""
    done: list[Outcome] = []
    skipped: list[str] = []
    for p in uow.inbox.proposals("pending"):
        try:
            done.append(accept(uow, p.id, clock))
        except UserInputError as exc:
            skipped.append(f"{p.id}: {exc.message}")
    return done, skipped


def dismiss(uow: UnitOfWork, proposal_id: int, clock: Clock = system_clock) -> None:
    p = _pending(uow, proposal_id)
    p.state = "dismissed"
    p.decided_at = clock()
    uow.flush()


def dismiss_all(uow: UnitOfWork, clock: Clock = system_clock) -> int:
    items = uow.inbox.proposals("pending")
    for p in items:
        p.state = "dismissed"
        p.decided_at = clock()
    uow.flush()
    return len(items)


def correct(
    uow: UnitOfWork,
    proposal_id: int,
    *,
    application_id: int | None = None,
    company: str | None = None,
    role: str | None = None,
    status: str | None = None,
    clock: Clock = system_clock,
) -> Outcome:
    """Fix what the inbox guessed, apply it, and remember the sender for next time."""
    p = _pending(uow, proposal_id)
    if application_id is None and company is None and role is None and status is None:
        raise UserInputError(
            "Say what to correct.", "Give --app ID, --company NAME, --role TITLE or --status."
        )
    if status is not None:
        p.status = parse_status(status).value
    if role is not None:
        p.role = role.strip()[:300]
    remembered: str | None = None
    if application_id is not None:
        app = uow.applications.get(application_id)
        p.application_id = app.id
        if p.kind == "new_application":
            p.kind = "new_round" if p.round_kind else "status"
        remembered = app.company.name
    elif company is not None:
        if not company.strip():
            raise UserInputError("The company name is empty.")
        p.company = " ".join(company.split())[:300]
        if p.application_id is not None:
            # A different employer than matched: this becomes a new application.
            p.application_id = None
            p.kind = "new_application"
        remembered = p.company
    if remembered:
        messages = uow.inbox.messages_of_proposal(p.id)
        key = sender_key(messages[0].sender) if messages else p.sender_key
        if key:
            uow.inbox.remember(key[:400], remembered, clock())
    return accept(uow, p.id, clock, state="corrected")
