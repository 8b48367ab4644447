"""Use cases for LinkedIn: a connection note for a contact, and the contact's link and status."""

from __future__ import annotations

from typing import Any

from nextround.domain.linkedin import LinkedInNote, connection_note
from nextround.domain.reply_context import Contact, DraftContext
from nextround.errors import UserInputError
from nextround.storage.uow import UnitOfWork

STATUSES = ("none", "sent", "connected")


def _context_for(uow: UnitOfWork, contact_row: Any, app_id: int | None) -> DraftContext:
    from nextround.services.replies import build_context

    if app_id is None and contact_row.company_id is not None:
        apps = uow.applications.for_company(contact_row.company_id)
        linked = [a for a in apps if any(c.id == contact_row.id
                                         for c, _ in uow.applications.contacts(a.id))]
        chosen = (linked or apps)[-1:] if (linked or apps) else []
        app_id = chosen[0].id if chosen else None
    if app_id is not None:
        return build_context(uow, app_id, use_thread=False)
    company = contact_row.company.name if contact_row.company is not None else None
    return DraftContext(company=company)


def note_for_contact(
    uow: UnitOfWork, contact_id: int, *, limit: int = 300, language: str | None = None,
    variant: int = 0, app_id: int | None = None,
) -> LinkedInNote:
    """A personal connection note that fits LinkedIn's limit."""
    from nextround.services.replies import default_language

    row = uow.contacts.get(contact_id)
    ctx = _context_for(uow, row, app_id)
    same = [c for c in ctx.contacts if c.name == row.name and c.email == (row.email or None)]
    contact = same[0] if same else Contact(name=row.name, title=row.title or None, role="other")
    try:
        return connection_note(ctx, contact, limit=limit,
                               language=language or default_language(uow), variant=variant)
    except ValueError as exc:
        raise UserInputError(str(exc)) from None


def set_linkedin(
    uow: UnitOfWork, contact_id: int, *, url: str | None = None, status: str | None = None
) -> dict[str, str]:
    """Keep the contact's profile link and where the connection stands."""
    from nextround.domain.applications import clean_url

    row = uow.contacts.get(contact_id)
    if url is not None:
        cleaned = clean_url(url, "LinkedIn URL") or ""
        if cleaned and "linkedin." not in cleaned.lower():
            raise UserInputError(f"{cleaned!r} does not look like a LinkedIn profile link.")
        row.linkedin_url = cleaned
    if status is not None:
        if status not in STATUSES:
            raise UserInputError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
        row.linkedin_status = status
    return {"linkedin_url": row.linkedin_url, "linkedin_status": row.linkedin_status}
