"""Stable dictionaries for JSON output and templates: the keys here are a public contract."""

from __future__ import annotations

from typing import Any


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def application_dict(app: Any, interviews: int | None = None) -> dict[str, Any]:
    data = {
        "id": app.id,
        "company": app.company.name,
        "company_id": app.company_id,
        "role": app.role,
        "status": app.status.value,
        "applied_on": _iso(app.applied_on),
        "location": app.location,
        "url": app.url,
        "source": app.source.value,
        "salary_min": app.salary_min,
        "salary_max": app.salary_max,
        "salary_currency": app.salary_currency,
        "notes": app.notes,
        "status_changed_at": _iso(app.status_changed_at),
        "created_at": _iso(app.created_at),
        "updated_at": _iso(app.updated_at),
    }
    if interviews is not None:
        data["interviews"] = interviews
    return data


def event_dict(event: Any) -> dict[str, Any]:
    return {
        "id": event.id,
        "application_id": event.application_id,
        "from_status": event.from_status.value if event.from_status else None,
        "to_status": event.to_status.value,
        "at": _iso(event.at),
        "origin": event.origin.value if hasattr(event.origin, "value") else event.origin,
        "note": event.note,
    }


def interview_dict(iv: Any, interviewers: list[Any] | None = None) -> dict[str, Any]:
    return {
        "id": iv.id,
        "application_id": iv.application_id,
        "kind": iv.kind.value,
        "scheduled_at": _iso(iv.scheduled_at),
        "duration_minutes": iv.duration_minutes,
        "location": iv.location,
        "notes": iv.notes,
        "outcome": iv.outcome.value,
        "is_final": iv.is_final,
        "interviewers": [contact_dict(c) for c in interviewers or []],
    }


def contact_dict(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "title": c.title,
        "company": c.company.name if c.company else None,
        "company_id": c.company_id,
        "email": c.email,
        "phone": c.phone,
        "linkedin_url": c.linkedin_url,
        "linkedin_status": c.linkedin_status,
        "how_met": c.how_met,
        "notes": c.notes,
    }


def effort_dict(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "application_id": e.application_id,
        "kind": e.kind.value,
        "hours": e.hours,
        "on": _iso(e.on),
        "note": e.note,
    }


def profile_dict(p: Any) -> dict[str, Any]:
    return {
        "name": p.name,
        "email": p.email,
        "phone": p.phone,
        "linkedin_url": p.linkedin_url,
        "signature": p.signature,
        "skills": list(p.skills or []),
        "target_roles": list(p.target_roles or []),
        "country": p.country,
        "language": p.language,
    }


def company_dict(c: Any, applications: int | None = None) -> dict[str, Any]:
    data = {
        "id": c.id,
        "name": c.name,
        "aliases": list(c.aliases or []),
        "website": c.website,
        "domain": c.domain,
        "notes": c.notes,
    }
    if applications is not None:
        data["applications"] = applications
    return data
