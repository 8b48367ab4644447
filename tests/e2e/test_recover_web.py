"""Recover pages through the web app: journal feedback, wins with charts, the plan and digest."""

from __future__ import annotations

from typing import Any

from icalendar import Calendar


def test_journal_preview_marks_trigger_words_and_saves_nothing(client: Any) -> None:
    r = client.post("/journal/preview", data={"text": "I always mess up, I'm such an idiot"},
                    headers={"X-CSRF-Token": client.csrf, "HX-Request": "true"})
    assert r.status_code == 200
    assert "<mark>always</mark>" in r.text
    assert "data-reply" in r.text
    assert "<html" not in r.text  # only the feedback block
    page = client.get("/journal").text
    assert "No entries yet" in page


def test_crisis_entry_shows_helplines_and_no_reframe(client: Any) -> None:
    r = client.post("/journal", data={"csrf_token": client.csrf, "text": "I want to end my life",
                                      "mood": "1"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "data-crisis" in page and "not a crisis service" in page
    latest = page.split('id="latest"')[1].split("</section>")[0]
    assert "data-reply" not in latest


def test_journal_post_without_csrf_is_refused(client: Any) -> None:
    r = client.post("/journal", data={"text": "hello"}, follow_redirects=False)
    assert r.status_code in (400, 403)


def test_delete_from_the_page(client: Any) -> None:
    client.post("/journal", data={"csrf_token": client.csrf, "text": "SECRET-LINE-42"})
    assert "SECRET-LINE-42" in client.get("/journal").text
    r = client.post("/journal/1/delete", data={"csrf_token": client.csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert "SECRET-LINE-42" not in client.get("/journal").text


def test_wins_page_with_charts_and_own_win(client: Any) -> None:
    r = client.post("/wins", data={"csrf_token": client.csrf, "title": "Finished my portfolio"},
                    follow_redirects=False)
    assert r.status_code == 303
    page = client.get("/wins").text
    assert "Finished my portfolio" in page and "/wins/funnel.svg" in page
    svg = client.get("/wins/funnel.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in svg.text and "Applications" in svg.text


def test_plan_page_and_calendar_download(client: Any) -> None:
    client.post("/plan/pace", data={"csrf_token": client.csrf, "applications": "4",
                                    "practice": "2", "restore": "a swim\nbaking bread"})
    page = client.get("/plan").text
    assert "a swim" in page
    ics = client.get("/plan.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert events and any("swim" in str(e["SUMMARY"]) + str(e["DESCRIPTION"]) for e in events)


def test_digest_partial_on_the_home_page(client: Any) -> None:
    client.post("/demo", data={"csrf_token": client.csrf})
    home = client.get("/").text
    assert 'hx-get="/recover/digest"' in home
    digest = client.get("/recover/digest").text
    assert "What to do today" in digest
    assert "Replies to send" in digest
