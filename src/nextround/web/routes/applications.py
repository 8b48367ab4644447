"""Application pages: list with search and filters, the form, the detail page and its actions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from nextround.domain.applications import (
    PIPELINE,
    STATUS_LABELS,
    EffortKind,
    InterviewKind,
    InterviewOutcome,
    Source,
    Status,
)
from nextround.errors import NextroundError
from nextround.services import applications as apps
from nextround.services import people
from nextround.services.views import (
    application_dict,
    contact_dict,
    effort_dict,
    event_dict,
    interview_dict,
)
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, is_htmx, redirect, render

router = APIRouter()
PAGE = 50
FORM_FIELDS = ("company", "role", "location", "url", "source", "applied_on", "salary_min",
               "salary_max", "salary_currency", "notes", "status")


def _choices() -> dict[str, Any]:
    return {
        "statuses": [(s.value, STATUS_LABELS[s]) for s in Status],
        "sources": [(s.value, s.value.replace("_", " ").capitalize()) for s in Source],
        "kinds": [(k.value, k.value.replace("_", " ").capitalize()) for k in InterviewKind],
        "outcomes": [(o.value, o.value.replace("_", " ").capitalize()) for o in InterviewOutcome],
        "effort_kinds": [(k.value, k.value.replace("_", " ").capitalize()) for k in EffortKind],
        "pipeline": [s.value for s in PIPELINE],
    }


@router.get("/applications", response_class=HTMLResponse)
def list_page(request: Request, q: str = "", status: str = "", sort: str = "applied",
              page: int = 1, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    wanted = [Status(s) for s in status.split(",") if s in Status._value2member_map_]
    page = max(page, 1)
    total = uow.applications.count(status=wanted or None, query=q or None)
    rows = uow.applications.list(status=wanted or None, query=q or None, sort=sort, limit=PAGE,
                                 offset=(page - 1) * PAGE)
    rounds = uow.interviews.count_by_application([a.id for a in rows])
    ctx = {
        "apps": [application_dict(a, rounds.get(a.id, 0)) for a in rows],
        "q": q, "status": status, "sort": sort, "page": page, "total": total,
        "pages": max(1, -(-total // PAGE)), **_choices(),
    }
    block = "results" if is_htmx(request) and request.headers.get("hx-target") == "results" else None
    return render(request, "applications/list.html", ctx, block=block)


@router.get("/applications/new", response_class=HTMLResponse)
def new_form(request: Request) -> HTMLResponse:
    return render(request, "applications/form.html",
                  {"values": {"source": "job_board", "status": ""}, "errors": {}, "mode": "new",
                   **_choices()})


async def _form_values(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: str(form.get(k, "") or "") for k in FORM_FIELDS}


@router.post("/applications/new", response_model=None)
async def create(request: Request, uow: UnitOfWork = Depends(get_uow)) -> Response:
    values = await _form_values(request)
    data = apps.ApplicationInput(**{k: v for k, v in values.items() if k != "status"},
                                 status=values["status"] or None)
    errors = apps.validation_errors(data)
    if errors:
        return render(request, "applications/form.html",
                      {"values": values, "errors": errors, "mode": "new", **_choices()},
                      status_code=422)
    app_id = apps.add_application(uow, data)
    uow.commit()
    return redirect(request, f"/applications/{app_id}", flash="Application added.")


@router.get("/applications/{app_id}", response_class=HTMLResponse)
def detail(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    return render(request, "applications/detail.html", _detail_context(uow, app_id))


def _detail_context(uow: UnitOfWork, app_id: int, **extra: Any) -> dict[str, Any]:
    a = uow.applications.get(app_id)
    return {
        "app": application_dict(a),
        "timeline": [event_dict(e) for e in uow.applications.events(app_id)],
        "rounds": [interview_dict(iv, uow.interviews.interviewers(iv.id))
                   for iv in uow.interviews.list(app_id)],
        "contacts": [{**contact_dict(c), "relation": r} for c, r in uow.applications.contacts(app_id)],
        "all_contacts": [contact_dict(c) for c in uow.contacts.list(company_id=a.company_id)],
        "effort": [effort_dict(e) for e in uow.efforts.list(app_id)],
        "effort_hours": uow.efforts.total_hours(app_id),
        "notes": uow.applications.notes(app_id),
        "errors": {},
        **_choices(),
        **extra,
    }


@router.get("/applications/{app_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    data = application_dict(uow.applications.get(app_id))
    values = {k: ("" if data.get(k) is None else str(data.get(k))) for k in FORM_FIELDS}
    return render(request, "applications/form.html",
                  {"values": values, "errors": {}, "mode": "edit", "app_id": app_id,
                   **_choices()})


@router.post("/applications/{app_id}/edit", response_model=None)
async def update(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    values = await _form_values(request)
    values.pop("status", None)
    errors = apps.validation_errors(apps.ApplicationInput(**values))
    if errors:
        return render(request, "applications/form.html",
                      {"values": values, "errors": errors, "mode": "edit", "app_id": app_id,
                       **_choices()}, status_code=422)
    apps.edit_application(uow, app_id, values)
    uow.commit()
    return redirect(request, f"/applications/{app_id}", flash="Saved.")


async def _action(request: Request, uow: UnitOfWork, app_id: int, action: Any,
                  flash: str) -> Response:
    """Run one form action; on a user error, show the page again with the message."""
    form = await request.form()
    try:
        action({k: v for k, v in form.multi_items()}, form)
    except NextroundError as exc:
        uow.rollback()
        return render(request, "applications/detail.html",
                      _detail_context(uow, app_id, action_error=str(exc)), status_code=422)
    uow.commit()
    return redirect(request, f"/applications/{app_id}", flash=flash)


@router.post("/applications/{app_id}/status", response_model=None)
async def set_status(request: Request, app_id: int,
                     uow: UnitOfWork = Depends(get_uow)) -> Response:
    return await _action(request, uow, app_id, lambda f, _: apps.change_status(
        uow, app_id, str(f.get("status", "")), note=str(f.get("note", ""))), "Status updated.")


@router.post("/applications/{app_id}/notes", response_model=None)
async def add_note(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    return await _action(request, uow, app_id,
                         lambda f, _: apps.add_note(uow, app_id, str(f.get("text", ""))),
                         "Note added.")


@router.post("/applications/{app_id}/rounds", response_model=None)
async def add_round(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    def act(f: dict[str, Any], form: Any) -> None:
        ids = [int(v) for v in form.getlist("interviewers") if str(v).isdigit()]
        duration = str(f.get("duration", "")).strip()
        people.add_interview(
            uow, app_id, str(f.get("kind", "video")), str(f.get("when", "")) or None,
            int(duration) if duration.isdigit() else None, str(f.get("location", "")),
            str(f.get("notes", "")), ids, str(f.get("outcome", "pending")),
            f.get("is_final") == "on",
        )
        if uow.applications.get(app_id).status in {Status.APPLIED, Status.SCREENING}:
            apps.change_status(uow, app_id, Status.INTERVIEWING)
    return await _action(request, uow, app_id, act, "Interview round added.")


@router.post("/applications/{app_id}/contacts", response_model=None)
async def add_contact(request: Request, app_id: int,
                      uow: UnitOfWork = Depends(get_uow)) -> Response:
    def act(f: dict[str, Any], _: Any) -> None:
        company = uow.applications.get(app_id).company.name
        people.add_contact(uow, str(f.get("name", "")), company, str(f.get("title", "")),
                           str(f.get("email", "")), linkedin_url=str(f.get("linkedin_url", "")),
                           application_id=app_id, relation=str(f.get("relation", "")))
    return await _action(request, uow, app_id, act, "Contact added.")


@router.post("/applications/{app_id}/effort", response_model=None)
async def log_effort(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    def act(f: dict[str, Any], _: Any) -> None:
        try:
            hours = float(str(f.get("hours", "")).replace(",", "."))
        except ValueError:
            from nextround.errors import UserInputError

            raise UserInputError("Hours must be a number, e.g. 1.5.") from None
        people.log_effort(uow, app_id, str(f.get("kind", "preparation")), hours,
                          str(f.get("on", "")) or None, str(f.get("note", "")))
    return await _action(request, uow, app_id, act, "Effort logged.")


@router.post("/applications/{app_id}/delete", response_model=None)
def delete(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    label = apps.delete_application(uow, app_id)
    uow.commit()
    return redirect(request, "/applications", flash=f"Deleted {label}.")


@router.post("/applications/{app_id}/rounds/{interview_id}", response_model=None)
async def edit_round(request: Request, app_id: int, interview_id: int,
                     uow: UnitOfWork = Depends(get_uow)) -> Response:
    def act(f: dict[str, Any], _: Any) -> None:
        if uow.interviews.get(interview_id).application_id != app_id:
            from nextround.errors import NotFoundError

            raise NotFoundError(f"No interview round {interview_id} on this application.")
        people.edit_interview(uow, interview_id, {"outcome": f.get("outcome"),
                                                  "notes": f.get("notes")})
    return await _action(request, uow, app_id, act, "Round updated.")
