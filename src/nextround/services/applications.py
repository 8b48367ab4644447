"""Use cases for applications: add, edit, move through the pipeline, note, delete, list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from nextround.domain.applications import (
    Origin,
    Source,
    Status,
    check_transition,
    clean_name,
    clean_text,
    clean_url,
    parse_date,
    parse_enum,
    parse_salary,
    parse_status,
)
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

EDITABLE = (
    "company", "role", "location", "url", "source", "applied_on", "salary_min", "salary_max",
    "salary_currency", "notes",
)


@dataclass
class ApplicationInput:
    """Raw values from a form, a flag or a CSV row; validated by ``validate``."""

    company: str = ""
    role: str = ""
    location: str = ""
    url: str = ""
    source: str = "other"
    applied_on: str | date | None = None
    salary_min: str | int | None = None
    salary_max: str | int | None = None
    salary_currency: str = ""
    notes: str = ""
    status: str | None = None

    def validate(self) -> dict[str, Any]:
        """Return clean values or raise UserInputError naming the first bad field."""
        values: dict[str, Any] = {
            "company": clean_name(self.company, "company"),
            "role": clean_name(self.role, "role"),
            "location": clean_name(self.location, "location", required=False),
            "url": clean_url(self.url, "job posting link") or "",
            "source": parse_enum(Source, self.source or "other", "source"),
            "applied_on": self.applied_on
            if isinstance(self.applied_on, date)
            else parse_date(self.applied_on, "date applied"),
            "salary_min": parse_salary(None if self.salary_min is None else str(self.salary_min)),
            "salary_max": parse_salary(None if self.salary_max is None else str(self.salary_max)),
            "salary_currency": (self.salary_currency or "").strip().upper()[:3],
            "notes": clean_text(self.notes),
        }
        lo, hi = values["salary_min"], values["salary_max"]
        if lo is not None and hi is not None and lo > hi:
            raise UserInputError("The salary minimum is above the maximum.", "Swap the two values.")
        if self.status:
            values["status"] = parse_status(self.status)
        return values


def validation_errors(data: ApplicationInput) -> dict[str, str]:
    """Every field error at once, for forms that show them inline."""
    errors: dict[str, str] = {}
    checks: dict[str, Callable[[], object]] = {
        "company": lambda: clean_name(data.company, "company"),
        "role": lambda: clean_name(data.role, "role"),
        "url": lambda: clean_url(data.url, "job posting link"),
        "source": lambda: parse_enum(Source, data.source or "other", "source"),
        "applied_on": lambda: None if isinstance(data.applied_on, date)
        else parse_date(data.applied_on, "date applied"),
        "salary_min": lambda: parse_salary(None if data.salary_min is None else str(data.salary_min)),
        "salary_max": lambda: parse_salary(None if data.salary_max is None else str(data.salary_max)),
        "status": lambda: parse_status(data.status) if data.status else None,
    }
    for name, check in checks.items():
        try:
            check()
        except UserInputError as exc:
            errors[name] = str(exc)
    if not errors:
        try:
            data.validate()
        except UserInputError as exc:
            errors["salary_max"] = str(exc)
    return errors


def add_application(
    uow: UnitOfWork,
    data: ApplicationInput,
    origin: Origin = Origin.MANUAL,
    clock: Clock = system_clock,
) -> int:
    """Create an application (and its company if new); its first status opens the timeline."""
    values = data.validate()
    status: Status = values.pop("status", None) or (
        Status.APPLIED if values["applied_on"] else Status.SAVED
    )
    from nextround.storage.tables.core import Application

    now = clock()
    company = uow.companies.get_or_create(values.pop("company"))
    app = Application(
        owner_id=uow.owner_id, company_id=company.id, status=status, status_changed_at=now,
        created_at=now, updated_at=now, **values,
    )
    uow.applications.add(app)
    uow.applications.add_event(app, None, status, now, origin.value)
    return int(app.id)


def edit_application(
    uow: UnitOfWork, app_id: int, changes: dict[str, Any], clock: Clock = system_clock
) -> None:
    """Apply the given field changes (only the named ones) after validating the whole record."""
    app = uow.applications.get(app_id)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise UserInputError(f"Cannot edit {', '.join(sorted(unknown))}.")
    current = ApplicationInput(
        company=app.company.name, role=app.role, location=app.location, url=app.url,
        source=app.source.value, applied_on=app.applied_on, salary_min=app.salary_min,
        salary_max=app.salary_max, salary_currency=app.salary_currency, notes=app.notes,
    )
    for key, value in changes.items():
        setattr(current, key, value)
    values = current.validate()
    values.pop("status", None)
    company_name = values.pop("company")
    if company_name.lower() != app.company.name.lower():
        app.company_id = uow.companies.get_or_create(company_name).id
    for key, value in values.items():
        setattr(app, key, value)
    app.updated_at = clock()
    uow.flush()


def change_status(
    uow: UnitOfWork,
    app_id: int,
    new: Status | str,
    origin: Origin = Origin.MANUAL,
    note: str = "",
    clock: Clock = system_clock,
) -> tuple[Status, Status]:
    """Move an application along the pipeline and append the change to its timeline."""
    app = uow.applications.get(app_id)
    target = new if isinstance(new, Status) else parse_status(new)
    old = app.status
    check_transition(old, target)
    now = clock()
    app.status = target
    app.status_changed_at = now
    app.updated_at = now
    if target == Status.APPLIED and app.applied_on is None:
        app.applied_on = now.date()
    uow.applications.add_event(app, old, target, now, origin.value, clean_text(note, 2000))
    return old, target


def add_note(uow: UnitOfWork, app_id: int, text: str, source: str = "manual",
             clock: Clock = system_clock) -> int:
    from nextround.storage.tables.core import Note

    app = uow.applications.get(app_id)
    body = clean_text(text)
    if not body:
        raise UserInputError("The note is empty.", "Write some text for the note.")
    note = Note(owner_id=uow.owner_id, application_id=app.id, text=body, source=source,
                created_at=clock())
    uow.applications.add(note)
    app.updated_at = clock()
    return int(note.id)


def delete_application(uow: UnitOfWork, app_id: int) -> str:
    app = uow.applications.get(app_id)
    label = f"{app.role} at {app.company.name}"
    uow.applications.delete(app)
    return label
