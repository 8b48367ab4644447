"""The home page: the day's digest and the pipeline at a glance."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from nextround.services.dashboard import STATUS_COLOURS, build_dashboard, relative_day
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, redirect, render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    board = build_dashboard(uow)
    return render(request, "home.html", {
        "board": board, "colours": STATUS_COLOURS, "now": datetime.now(UTC),
        "relative_day": relative_day,
    })


@router.post("/demo")
def load_demo(request: Request, uow: UnitOfWork = Depends(get_uow)) -> Response:
    """Load demo records into this (empty) database, from the empty-state button."""
    from nextround.services.demo import load_demo as load

    count = load(uow)
    uow.commit()
    return redirect(request, "/", flash=f"Loaded {count} demo applications.")
