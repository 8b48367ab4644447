"""Contacts and the profile."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from nextround.errors import NextroundError
from nextround.services.people import PROFILE_FIELDS, update_profile
from nextround.services.views import contact_dict, profile_dict
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
