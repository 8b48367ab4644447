"""Web pages to reflect: debrief form, questions, story editor, practice, fit, share."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from nextround.errors import NotFoundError, UserInputError
from nextround.storage.uow import UnitOfWork
from nextround.web.deps import get_uow, redirect, render

router = APIRouter()
STORY_FIELDS = ("title", "situation", "task", "action", "result", "learned", "numbers")


def _embed() -> Any:
    from nextround.services.questions import default_embed

    return default_embed()


# --- debrief ---------------------------------------------------------------------------

@router.get("/debrief/{round_id}", response_class=HTMLResponse)
def debrief_page(request: Request, round_id: int,
                 uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.debrief import debrief_view

    return render(request, "reflect/debrief.html", {"d": debrief_view(uow, round_id)})


@router.post("/debrief/{round_id}")
def debrief_save(request: Request, round_id: int, questions: str = Form(""),
                 went_well: str = Form(""), do_differently: str = Form(""),
                 interviewers: str = Form(""), cared_about: str = Form(""),
                 notes: str = Form(""), uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.debrief import parse_lines, save_debrief

    fields = {"went_well": went_well, "do_differently": do_differently,
              "interviewers": interviewers, "cared_about": cared_about, "notes": notes}
    save_debrief(uow, round_id, parse_lines(questions), _embed(), fields)
    uow.commit()
    return redirect(request, f"/debrief/{round_id}", flash="Debrief saved.")


@router.post("/debrief/{round_id}/rate/{asked_id}")
def debrief_rate(request: Request, round_id: int, asked_id: int, difficulty: str = Form(""),
                 answer_quality: str = Form(""), uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.debrief import rate_question

    def num(v: str) -> int | None:
        return int(v) if v.strip().isdigit() else None

    rate_question(uow, asked_id, num(difficulty), num(answer_quality))
    uow.commit()
    return redirect(request, f"/debrief/{round_id}")


# --- questions -------------------------------------------------------------------------

@router.get("/questions", response_class=HTMLResponse)
def questions_page(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.clock import today
    from nextround.services.questions import ranked, uncertain

    rows = ranked(uow, today())
    debriefed = {d.interview_id for d, _ in uow.reflect.debriefs()}
    rounds = [iv for iv in uow.interviews.list() if iv.id not in debriefed][:10]
    apps = {iv.application_id: uow.applications.get(iv.application_id) for iv in rounds}
    return render(request, "reflect/questions.html", {
        "rows": rows[:25], "uncertain": uncertain(uow), "rounds": rounds, "apps": apps,
        "charted": sum(1 for r in rows[:25] if r.difficulty is not None),
    })


@router.get("/questions/chart.svg")
def questions_chart(uow: UnitOfWork = Depends(get_uow)) -> Response:
    """The frequency-against-difficulty chart as an image: the page's strict policy allows no
    inline styles, which an SVG drawn into the page would need."""
    from nextround.services.clock import today
    from nextround.services.questions import frequency_chart_svg, ranked

    svg = frequency_chart_svg(ranked(uow, today())[:25])
    if svg is None:
        raise NotFoundError("No rated questions to chart yet.",
                            "Rate how hard a question felt in a debrief.")
    return Response(svg, media_type="image/svg+xml", headers={"cache-control": "no-store"})


@router.post("/questions/{asked_id}/confirm")
def questions_confirm(request: Request, asked_id: int,
                      uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.questions import confirm

    confirm(uow, asked_id, None, _embed())
    uow.commit()
    return redirect(request, "/questions", flash="Match confirmed.")


@router.post("/questions/{asked_id}/split")
def questions_split(request: Request, asked_id: int,
                    uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.questions import split

    split(uow, asked_id, _embed())
    uow.commit()
    return redirect(request, "/questions", flash="Question split off.")


# --- stories ---------------------------------------------------------------------------

@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.clock import today
    from nextround.services.stories import coverage, story_dict

    return render(request, "reflect/stories.html", {
        "stories": [story_dict(s) for s in uow.reflect.stories()],
        "coverage": coverage(uow, today()),
    })


def _editor(request: Request, uow: UnitOfWork, story: dict[str, Any],
            errors: dict[str, str] | None = None) -> HTMLResponse:
    from nextround.services.clock import today
    from nextround.services.questions import ranked
    from nextround.services.stories import check_fields

    return render(request, "reflect/story_edit.html", {
        "s": story, "report": check_fields(story).as_dict(), "errors": errors or {},
        "questions": ranked(uow, today())[:30],
    })


@router.get("/stories/new", response_class=HTMLResponse)
def story_new(request: Request, question: str = "",
              uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    blank: dict[str, Any] = {f: "" for f in STORY_FIELDS}
    blank.update({"id": None, "competencies": [], "questions": [question] if question else []})
    return _editor(request, uow, blank)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int,
               uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.stories import story_dict

    return _editor(request, uow, story_dict(uow.reflect.story(story_id), with_check=False))


@router.post("/stories/check", response_class=HTMLResponse)
async def story_check(request: Request) -> HTMLResponse:
    """The STAR check as the user types; nothing is saved."""
    from nextround.services.stories import check_fields

    form = await request.form()
    values = {f: str(form.get(f, ""))[:20_000] for f in STORY_FIELDS}
    return render(request, "reflect/story_edit.html",
                  {"report": check_fields(values).as_dict()}, block="star")


@router.post("/stories")
async def story_save(request: Request, uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.stories import add_story, edit_story

    form = await request.form()
    values = {f: str(form.get(f, "")) for f in STORY_FIELDS}
    competencies = [c for c in str(form.get("competencies", "")).split(",") if c.strip()]
    linked = [str(v) for v in form.getlist("questions")]
    story_id = str(form.get("id", "")).strip()
    try:
        if story_id.isdigit():
            row = uow.reflect.story(int(story_id))
            edit_story(uow, int(story_id), values, competencies,
                       link=linked, unlink=[k for k in row.questions if k not in linked])
            sid = int(story_id)
        else:
            sid = add_story(uow, values, competencies, linked)
    except UserInputError as exc:
        story = {**values, "id": int(story_id) if story_id.isdigit() else None,
                 "competencies": competencies, "questions": linked}
        return _editor(request, uow, story, {"title": exc.message})
    uow.commit()
    return redirect(request, f"/stories/{sid}", flash="Story saved.")


# --- practice --------------------------------------------------------------------------

@router.get("/practice", response_class=HTMLResponse)
def practice_page(request: Request, minutes: int = 15,
                  uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.practice import session, status

    minutes = max(3, min(minutes, 240))
    return render(request, "reflect/practice.html", {
        "plan": session(uow, minutes), "info": status(uow), "minutes": minutes,
    })


@router.post("/practice/rate")
def practice_rate(request: Request, key: str = Form(...), grade: str = Form(...),
                  answer: str = Form(""), uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.practice import record

    due = record(uow, key, grade, answer=answer)
    uow.commit()
    return redirect(request, "/practice", flash=f"Next time: {due.date().isoformat()}")


# --- fit -------------------------------------------------------------------------------

@router.get("/fit/{app_id}", response_class=HTMLResponse)
def fit_page(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.fit import scorecard

    return render(request, "reflect/fit.html", {"card": scorecard(uow, app_id)})


@router.post("/fit/{app_id}")
async def fit_save(request: Request, app_id: int, uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.domain.fit import flags, values
    from nextround.services.fit import assess, set_weights

    form = await request.form()
    scores, notes, weights, raised, cleared = {}, {}, {}, {}, []
    for v in values():
        score = str(form.get(f"score_{v.key}", "")).strip()
        if score.isdigit():
            scores[v.key] = int(score)
        notes[v.key] = str(form.get(f"note_{v.key}", ""))
        weight = str(form.get(f"weight_{v.key}", "")).strip()
        if weight.isdigit():
            weights[v.key] = int(weight)
    for f in flags():
        if form.get(f"flag_{f.key}"):
            raised[f.key] = str(form.get(f"flagnote_{f.key}", ""))
        else:
            cleared.append(f.key)
    if weights:
        set_weights(uow, weights)
    assess(uow, app_id, scores, notes, raised, tuple(cleared))
    uow.commit()
    return redirect(request, f"/fit/{app_id}", flash="Scorecard saved.")


# --- share -----------------------------------------------------------------------------

@router.get("/share", response_class=HTMLResponse)
def share_page(request: Request, uow: UnitOfWork = Depends(get_uow)) -> HTMLResponse:
    from nextround.services.share import SECTIONS

    rounds = [(d, iv) for d, iv in uow.reflect.debriefs()]
    apps = {a.id: a for a in uow.applications.all()}
    return render(request, "reflect/share.html", {
        "rounds": rounds, "apps": apps, "sections": SECTIONS,
        "notes": uow.reflect.notes(),
    })


@router.get("/share/export")
def share_export(request: Request, round_id: int | None = None, since: str = "",
                 fmt: str = "html", include: list[str] | None = Query(None),
                 uow: UnitOfWork = Depends(get_uow)) -> Response:
    """Download a reflection; reading only, so a GET."""
    import tempfile
    from pathlib import Path

    from nextround.services.share import build, export, parse_include, to_html, to_markdown

    since_date = date.fromisoformat(since) if since.strip() else None
    if round_id is not None:
        since_date = None
    reflection = build(uow, round_id, since_date, parse_include(include or []))
    name = f"reflection-{round_id or since}"
    if fmt == "md":
        return Response(to_markdown(reflection), media_type="text/markdown; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.md"'})
    if fmt == "pdf":
        with tempfile.TemporaryDirectory() as tmp:
            data = export(reflection, "pdf", Path(tmp) / "r.pdf").read_bytes()
        return Response(data, media_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'})
    return HTMLResponse(to_html(reflection))


@router.post("/share/note")
def share_note(request: Request, source: str = Form(""), text: str = Form(""),
               round_id: str = Form(""), uow: UnitOfWork = Depends(get_uow)) -> Response:
    from nextround.services.share import add_note

    add_note(uow, source, text, int(round_id) if round_id.isdigit() else None)
    uow.commit()
    return redirect(request, "/share", flash="Feedback kept.")
