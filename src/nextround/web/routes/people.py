"""Contacts, companies and the profile."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from nextround.errors import NextroundError
from nextround.services.people import PROFILE_FIELDS, edit_company, update_profile
from nextround.services.views import application_dict, company_dict, contact_dict, profile_dict
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, redirect, render

router = APIRouter()


@router.get("/contacts", response_class=HTMLResponse)
def contacts(request: Request, q: str = "", uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    rows = [contact_dict(c) for c in uow.contacts.list(query=q or None)]
    return render(request, "people/contacts.html", {"contacts": rows, "q": q})


@router.get("/profile", response_class=HTMLResponse)
def profile(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    values = profile_dict(uow.profiles.get())
    uow.commit()
    values = {k: ", ".join(v) if isinstance(v, list) else v for k, v in values.items()}
    return render(request, "people/profile.html", {"values": values, "errors": {}})


@router.post("/profile", response_model=None)
async def save_profile(request: Request, uow: UnitOfWork = Depends(get_uow)) -> Response:
    form = await request.form()
    values = {k: str(form.get(k, "") or "") for k in PROFILE_FIELDS}
    try:
        update_profile(uow, values)
    except NextroundError as exc:
        uow.rollback()
        return render(request, "people/profile.html",
                      {"values": values, "errors": {"form": str(exc)}}, status_code=422)
    uow.commit()
    return redirect(request, "/profile", flash="Profile saved.")


@router.get("/companies", response_class=HTMLResponse)
def companies(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    rows = [company_dict(c, len(uow.applications.for_company(c.id))) for c in uow.companies.list()]
    return render(request, "people/companies.html", {"companies": rows})


def _company_context(uow: UnitOfWork, company_id: int, error: str | None = None) -> dict[str, Any]:
    company = uow.companies.get(company_id)
    return {
        "company": company_dict(company),
        "apps": [application_dict(a) for a in uow.applications.for_company(company.id)],
        "contacts": [contact_dict(c) for c in uow.contacts.list(company_id=company.id)],
        "error": error,
    }


@router.get("/companies/{company_id}", response_class=HTMLResponse)
def company_page(request: Request, company_id: int,
                 uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    return render(request, "people/company.html", _company_context(uow, company_id))


@router.post("/companies/{company_id}", response_model=None)
async def save_company(request: Request, company_id: int,
                       uow: UnitOfWork = Depends(get_uow)) -> Response:
    form = await request.form()
    current = uow.companies.get(company_id)
    wanted = [a.strip() for a in str(form.get("aliases", "")).split(",") if a.strip()]
    try:
        edit_company(
            uow, company_id, name=str(form.get("name", "")), website=str(form.get("website", "")),
            domain=str(form.get("domain", "")), notes=str(form.get("notes", "")),
            add_aliases=wanted,
            remove_aliases=[a for a in current.aliases if a not in wanted],
        )
    except NextroundError as exc:
        uow.rollback()
        return render(request, "people/company.html",
                      _company_context(uow, company_id, str(exc)), status_code=422)
    uow.commit()
    return redirect(request, f"/companies/{company_id}", flash="Company saved.")
