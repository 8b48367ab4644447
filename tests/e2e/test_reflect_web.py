"""The reflect pages through the web app (TestClient): forms, HTMX partials, exports."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def round_id(db: Any) -> int:
    from nextround.services.applications import ApplicationInput, add_application
    from nextround.services.people import add_interview

    with db.uow(db.local_user_id()) as uow:
        app_id = add_application(uow, ApplicationInput(company="Acme", role="Analyst"))
        rid = add_interview(uow, app_id, "video", "2026-11-20 10:00")
        uow.commit()
    return rid


def post(client: Any, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, data={**data, "csrf_token": client.csrf}, follow_redirects=False)


def test_debrief_form_to_questions_page(client: Any, round_id: int) -> None:
    page = client.get(f"/debrief/{round_id}")
    assert page.status_code == 200 and "one per line" in page.text
    r = post(client, f"/debrief/{round_id}", {
        "questions": "Tell me about yourself\nWhat is your greatest weakness? | 4 | 2\n",
        "went_well": "Good rapport"})
    assert r.status_code == 303
    page = client.get(f"/debrief/{round_id}")
    assert "What is your greatest weakness?" in page.text and "Good rapport" in page.text
    q = client.get("/questions")
    assert q.status_code == 200
    assert "What is your greatest weakness?" in q.text
    # The chart is an image of its own: the page's policy forbids the inline styles of an SVG.
    assert "<svg" not in q.text and 'src="/questions/chart.svg"' in q.text
    chart = client.get("/questions/chart.svg")
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/svg+xml"
    assert "<svg" in chart.text and "Times asked" in chart.text


def test_no_chart_before_any_question_is_rated(client: Any, round_id: int) -> None:
    post(client, f"/debrief/{round_id}", {"questions": "Tell me about yourself\n"})
    assert "chart.svg" not in client.get("/questions").text
    assert client.get("/questions/chart.svg").status_code == 404


def test_post_without_csrf_token_is_refused(client: Any, round_id: int) -> None:
    r = client.post(f"/debrief/{round_id}", data={"questions": "Why us?"},
                    follow_redirects=False)
    assert r.status_code in (400, 403)


def test_star_check_as_you_type_and_story_save(client: Any) -> None:
    r = client.post("/stories/check", data={"title": "t", "action": "We did it."},
                    headers={"hx-request": "true", "x-csrf-token": client.csrf})
    assert r.status_code == 200
    assert 'id="star"' in r.text and "<html" not in r.text
    text = r.text.lower()
    assert "situation" in text  # missing part named
    assert "never" in text or "say &#34;i&#34;" in text  # "we" without "I" flagged
    r = post(client, "/stories", {"title": "Queue", "action": "I fixed the queue.",
                                  "result": "Wait fell by 80%"})
    assert r.status_code == 303
    listing = client.get("/stories")
    assert "Queue" in listing.text


def test_practice_fit_and_share(client: Any, round_id: int) -> None:
    post(client, f"/debrief/{round_id}", {"questions": "What is your greatest weakness?|4|2"})
    page = client.get("/practice")
    assert "What is your greatest weakness?" in page.text
    r = post(client, "/practice/rate", {"key": "greatest-weakness", "grade": "good"})
    assert r.status_code == 303
    assert 'id="due-now">0<' in client.get("/practice").text

    fit = client.get("/fit/1")
    assert fit.status_code == 200 and "Red flags" in fit.text
    r = post(client, "/fit/1", {"score_growth": "1", "score_team": "2", "flag_pressure": "1",
                                "flagnote_pressure": "24 hours"})
    assert r.status_code == 303
    assert "pressure to decide" in client.get("/fit/1").text.lower()

    md = client.get(f"/share/export?round_id={round_id}&fmt=md&include=questions")
    assert md.status_code == 200 and "greatest weakness" in md.text
    assert "Was it a fit" not in md.text
    pdf = client.get(f"/share/export?round_id={round_id}&fmt=pdf")
    assert pdf.content.startswith(b"%PDF")
    r = post(client, "/share/note", {"source": "Sam", "text": "Lead with the result",
                                     "round_id": str(round_id)})
    assert r.status_code == 303 and "Sam" in client.get("/share").text
