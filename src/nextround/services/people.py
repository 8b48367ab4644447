"""Use cases for contacts, interview rounds, effort and the profile."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from nextround.domain.applications import (
    EffortKind,
    InterviewKind,
    InterviewOutcome,
    clean_name,
    clean_text,
    clean_url,
    parse_date,
    parse_enum,
)
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

PROFILE_FIELDS = (
    "name", "email", "phone", "linkedin_url", "signature", "skills", "target_roles", "country",
    "language",
)
LANGUAGES = ("en", "fr")


def add_contact(uow: UnitOfWork, name: str, company: str | None = None, title: str = "",
                email: str = "", phone: str = "", linkedin_url: str = "", how_met: str = "",
                notes: str = "", application_id: int | None = None, relation: str = "") -> int:
    from nextround.storage.tables.core import Contact

    email = clean_name(email, "email", required=False, limit=320)
    if email and ("@" not in email or any(ch in email for ch in "\r\n<>, ")):
        raise UserInputError(f"{email!r} is not an email address.")
    company_row = uow.companies.get_or_create(company) if company and company.strip() else None
    contact = Contact(
        owner_id=uow.owner_id, name=clean_name(name, "name", limit=200),
        company_id=company_row.id if company_row else None,
        title=clean_name(title, "title", required=False, limit=200), email=email,
        phone=clean_name(phone, "phone", required=False, limit=60),
        linkedin_url=clean_url(linkedin_url, "LinkedIn URL") or "",
        how_met=clean_name(how_met, "how you met", required=False), notes=clean_text(notes),
    )
    uow.contacts.add(contact)
    if application_id is not None:
        uow.applications.get(application_id)
        uow.applications.link_contact(application_id, contact.id, relation)
    return int(contact.id)


def parse_when(value: str | None) -> datetime | None:
    """Accept 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' (local time treated as given)."""
    if not value or not value.strip():
        return None
    text = value.strip().replace("T", " ")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise UserInputError(
            f"Bad date and time {value!r}.", "Write it as YYYY-MM-DD HH:MM, e.g. 2026-03-14 10:30."
        ) from None
    return parsed


def add_interview(uow: UnitOfWork, application_id: int, kind: str, when: str | None = None,
                  duration: int | None = None, location: str = "", notes: str = "",
                  interviewer_ids: Sequence[int] = (), outcome: str = "pending",
                  is_final: bool = False) -> int:
    from nextround.storage.tables.core import Interview

    app = uow.applications.get(application_id)
    if duration is not None and not 0 < duration <= 24 * 60:
        raise UserInputError("The duration must be between 1 and 1440 minutes.")
    iv = Interview(
        owner_id=uow.owner_id, application_id=app.id,
        kind=parse_enum(InterviewKind, kind, "interview kind"), scheduled_at=parse_when(when),
        duration_minutes=duration, location=clean_name(location, "location", required=False),
        notes=clean_text(notes), outcome=parse_enum(InterviewOutcome, outcome, "outcome"),
        is_final=is_final,
    )
    uow.interviews.add(iv)
    for cid in interviewer_ids:
        uow.contacts.get(cid)
    uow.interviews.set_interviewers(iv.id, interviewer_ids)
    return int(iv.id)


def edit_interview(uow: UnitOfWork, interview_id: int, changes: dict[str, Any]) -> None:
    iv = uow.interviews.get(interview_id)
    for key, value in changes.items():
        if value is None:
            continue
        if key == "kind":
            iv.kind = parse_enum(InterviewKind, value, "interview kind")
        elif key == "outcome":
            iv.outcome = parse_enum(InterviewOutcome, value, "outcome")
        elif key == "when":
            iv.scheduled_at = parse_when(value)
        elif key in {"notes", "location"}:
            setattr(iv, key, clean_text(value))
        elif key == "duration":
            iv.duration_minutes = int(value)
        elif key == "is_final":
            iv.is_final = bool(value)
        elif key == "interviewers":
            for cid in value:
                uow.contacts.get(cid)
            uow.interviews.set_interviewers(iv.id, value)
        else:
            raise UserInputError(f"Cannot edit {key} of an interview round.")
    uow.flush()


def log_effort(uow: UnitOfWork, application_id: int, kind: str, hours: float,
               on: str | date | None = None, note: str = "", clock: Clock = system_clock) -> int:
    from nextround.storage.tables.core import Effort

    app = uow.applications.get(application_id)
    if not 0 < hours <= 200:
        raise UserInputError("Hours must be more than 0 and at most 200.")
    day = on if isinstance(on, date) else parse_date(on, "date") or clock().date()
    effort = Effort(owner_id=uow.owner_id, application_id=app.id,
                    kind=parse_enum(EffortKind, kind, "effort kind"), hours=float(hours), on=day,
                    note=clean_text(note))
    uow.efforts.add(effort)
    return int(effort.id)


def _split_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        items = str(value or "").split(",")
    return [" ".join(i.split()) for i in items if i.strip()]


def update_profile(uow: UnitOfWork, changes: dict[str, Any], clock: Clock = system_clock) -> None:
    profile = uow.profiles.get()
    for key, value in changes.items():
        if value is None:
            continue
        if key not in PROFILE_FIELDS:
            raise UserInputError(f"Unknown profile field {key!r}.")
        if key in {"skills", "target_roles"}:
            setattr(profile, key, _split_list(value))
        elif key == "linkedin_url":
            profile.linkedin_url = clean_url(value, "LinkedIn URL") or ""
        elif key == "language":
            lang = str(value).strip().lower()[:2]
            if lang not in LANGUAGES:
                raise UserInputError(f"Unsupported language {value!r}.", "Use en or fr.")
            profile.language = lang
        elif key == "country":
            code = str(value).strip().upper()
            if code and (len(code) != 2 or not code.isalpha()):
                raise UserInputError(
                    f"Bad country {value!r}.", "Use a two-letter code such as US, GB, FR or CA."
                )
            profile.country = code
        elif key == "email":
            email = str(value).strip()
            if email and ("@" not in email or any(ch in email for ch in "\r\n<>, ")):
                raise UserInputError(f"{email!r} is not an email address.")
            profile.email = email
        elif key == "signature":
            profile.signature = clean_text(value, 2000)
        else:
            setattr(profile, key, clean_name(value, key, required=False))
    profile.updated_at = clock()
    uow.flush()


def edit_company(uow: UnitOfWork, company_id: int, name: str | None = None,
                 website: str | None = None, domain: str | None = None,
                 notes: str | None = None, add_aliases: Sequence[str] = (),
                 remove_aliases: Sequence[str] = ()) -> None:
    """Rename a company, set its website, email domain and notes, and manage its aliases."""
    company = uow.companies.get(company_id)
    if name is not None:
        new_name = clean_name(name, "company name")
        other = uow.companies.find(new_name)
        if other is not None and other.id != company.id:
            raise UserInputError(f"Another company is already called {new_name!r}.")
        company.name = new_name
    if website is not None:
        company.website = clean_url(website, "website") or ""
    if domain is not None:
        value = domain.strip().lower().removeprefix("@")
        if value and ("." not in value or any(c in value for c in " /:@")):
            raise UserInputError(f"{domain!r} is not a domain.", "Write it like acme.com.")
        company.domain = value
    if notes is not None:
        company.notes = clean_text(notes)
    aliases = [a for a in company.aliases if a.casefold() not in {r.casefold() for r in
                                                                   remove_aliases}]
    for alias in add_aliases:
        alias = clean_name(alias, "alias", limit=300)
        if alias.casefold() not in {a.casefold() for a in aliases} and (
                alias.casefold() != company.name.casefold()):
            aliases.append(alias)
    company.aliases = aliases
    uow.flush()
