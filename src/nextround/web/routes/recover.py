"""Web pages for recovering: the journal with instant feedback, wins, the plan, the digest."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from nextround.errors import UserInputError
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, redirect, render

router = APIRouter()


def segments(text: str, spans: list[list[int]] | list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_trigger) so a template can mark the trigger words."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[max(start, at):end], True))
        at = max(at, end)
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def _names() -> dict[str, str]:
    from nextround.domain.selftalk import distortion_names

    return distortion_names()


# --- journal ---------------------------------------------------------------------------

@router.get("/journal", response_class=HTMLResponse)
def journal_page(request: Request, saved: int | None = None,
                 uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.domain.crisis import known_countries
    from nextround.services import journal

    entries = journal.list_entries(uow, limit=30)
    latest = next((e for e in entries if e.id == saved), None)
    return render(request, "recover/journal.html", {
        "entries": entries, "latest": latest, "names": _names(), "segments": segments,
        "country": uow.recover.settings().country, "countries": known_countries(),
    })


@router.post("/journal/preview", response_class=HTMLResponse)
def journal_preview(request: Request, text: str = Form(""),
                    uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    """Instant feedback while typing. Nothing is saved and the text is not logged."""
    from nextround.services import journal

    text = text[: journal.MAX_TEXT]
    found, reply = journal.respond(uow, text, remember=False) if text.strip() else (None, None)
    return render(request, "recover/journal.html", {
        "found": found, "reply": reply, "names": _names(), "segments": segments,
    }, block="feedback")


@router.post("/journal")
def journal_write(request: Request, text: str = Form(""), mood: str = Form(""),
                  emotions: str = Form(""), uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import journal

    level = int(mood) if mood.strip().isdigit() else None
    words = [w for w in emotions.replace(";", ",").split(",") if w.strip()]
    result = journal.write_entry(uow, text, mood=level, emotions=words)
    uow.commit()
    return redirect(request, f"/journal?saved={result.entry.id}#latest")


@router.post("/journal/{entry_id}/delete")
def journal_delete(request: Request, entry_id: int,
                   uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import journal

    journal.delete_entry(uow, entry_id)
    return redirect(request, "/journal", flash="Entry deleted for good.")


@router.post("/journal/country")
def journal_country(request: Request, country: str = Form(""),
                    uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import plan

    plan.set_pace(uow, country=country)
    uow.commit()
    return redirect(request, "/journal", flash="Helpline country saved.")


# --- wins ------------------------------------------------------------------------------

@router.get("/wins", response_class=HTMLResponse)
def wins_page(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services import stats, wins

    found = wins.list_wins(uow)
    numbers = stats.stats(uow)
    own = {f"user:{row.id}": row.id for row in uow.recover.user_wins()}
    return render(request, "recover/wins.html", {
        "wins": found, "stats": numbers.as_dict(), "own": own, "today": date.today(),
    })


@router.get("/wins/funnel.svg")
def wins_funnel(uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.recover_charts import funnel_svg
    from nextround.services import stats

    return Response(funnel_svg(stats.stats(uow)), media_type="image/svg+xml",
                    headers={"cache-control": "no-store"})


@router.get("/wins/months.svg")
def wins_months(uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.recover_charts import months_svg
    from nextround.services import stats

    return Response(months_svg(stats.stats(uow)), media_type="image/svg+xml",
                    headers={"cache-control": "no-store"})


@router.post("/wins")
def wins_add(request: Request, title: str = Form(""), on: str = Form(""),
             uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.domain.applications import parse_date
    from nextround.services import wins

    wins.add_win(uow, title, on=parse_date(on) if on.strip() else None)
    uow.commit()
    return redirect(request, "/wins", flash="Win noted. Well done.")


@router.post("/wins/{win_id}/delete")
def wins_delete(request: Request, win_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import wins

    wins.delete_win(uow, win_id)
    uow.commit()
    return redirect(request, "/wins", flash="Win removed.")


# --- plan ------------------------------------------------------------------------------

@router.get("/plan", response_class=HTMLResponse)
def plan_page(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services import plan

    current, rows = plan.current(uow)
    if plan.is_over(rows):
        plan.propose(uow)
        uow.commit()
        current, rows = plan.current(uow)
    return render(request, "recover/plan.html", {
        "plan": current, "rows": rows, "pace": plan.pace(uow),
    })


@router.post("/plan/new")
def plan_new(request: Request, uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import plan

    plan.propose(uow)
    uow.commit()
    return redirect(request, "/plan", flash="Here is a fresh plan.")


@router.post("/plan/pace")
def plan_pace(request: Request, applications: str = Form(""), practice: str = Form(""),
              restore: str = Form(""), uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import plan

    def number(value: str, what: str) -> int | None:
        if not value.strip():
            return None
        if not value.strip().isdigit():
            raise UserInputError(f"{what} must be a whole number.", "Try 5.")
        return int(value)

    activities = restore.replace(";", "\n").replace(",", "\n").splitlines()
    plan.set_pace(uow, applications=number(applications, "Applications per week"),
                  practice=number(practice, "Practice sessions per week"),
                  restore=activities if restore.strip() else None)
    plan.propose(uow)
    uow.commit()
    return redirect(request, "/plan", flash="Pace saved; the plan follows it now.")


@router.post("/plan/{entry_id}/done")
def plan_done(request: Request, entry_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services import plan

    row = plan.mark_done(uow, entry_id, done=True)
    uow.commit()
    return redirect(request, "/plan", flash=f"Done: {row.title}")


@router.get("/plan.ics")
def plan_ics(uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.calendar_ics import plan_ics as to_ics
    from nextround.services import plan

    current, _rows = plan.current(uow)
    if current is None:
        current = plan.propose(uow)
        uow.commit()
    return Response(to_ics(current), media_type="text/calendar; charset=utf-8", headers={
        "content-disposition": 'attachment; filename="nextround-plan.ics"',
    })


# --- digest ----------------------------------------------------------------------------

@router.get("/recover/digest", response_class=HTMLResponse)
def digest_partial(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services import digest

    return render(request, "recover/_digest.html", {"digest": digest.today(uow)})
