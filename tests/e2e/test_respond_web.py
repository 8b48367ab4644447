"""The respond pages through the web app: panel, live preview, .eml, growth and watch."""

from __future__ import annotations

import email
import html
import re
from email import policy
from typing import Any

import pytest


@pytest.fixture
def rejected_app(db: Any) -> int:
    from nextround.services.applications import ApplicationInput, add_application, change_status
    from nextround.services.people import add_contact, add_interview, update_profile

    with db.uow(db.local_user_id()) as uow:
        update_profile(uow, {"name": "Sam Doe", "email": "sam@example.org"})
        app_id = add_application(uow, ApplicationInput(company="Acme", role="Data Engineer",
                                                       applied_on="2026-03-01"))
        add_contact(uow, "Ana Lopez", company="Acme", email="ana@acme.example",
                    application_id=app_id, relation="recruiter")
        ben = add_contact(uow, "Ben Ode", company="Acme")
        add_interview(uow, app_id, "video", "2026-03-10 10:00", interviewer_ids=[ben])
        change_status(uow, app_id, "rejected")
        uow.commit()
    return int(app_id)


def test_application_page_shows_the_respond_panel(client: Any, rejected_app: int) -> None:
    page = client.get(f"/applications/{rejected_app}")
    assert page.status_code == 200
    assert "Respond" in page.text
    assert f'hx-get="/applications/{rejected_app}/respond/preview?kind=reply"' in page.text


def test_live_preview_is_a_partial(client: Any, rejected_app: int) -> None:
    part = client.get(f"/applications/{rejected_app}/respond/preview",
                      params={"kind": "reply", "tone": "formal", "lang": "fr"},
                      headers={"hx-request": "true"})
    assert part.status_code == 200
    assert "<html" not in part.text
    assert 'id="respond-preview"' in part.text
    assert "Je vous remercie" in part.text
    assert "ana@acme.example" in part.text
    assert 'data-copy="#respond-body"' in part.text
    # LinkedIn notes with a live counter and a hard limit.
    assert 'maxlength="300"' in part.text and "data-count=" in part.text


def _body(page: str) -> str:
    match = re.search(r'<textarea id="respond-body"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, page
    return html.unescape(match.group(1))


def test_chosen_parts_and_variants(client: Any, rejected_app: int) -> None:
    url = f"/applications/{rejected_app}/respond/preview"
    only_thanks = _body(client.get(url, params=[("custom", "1"), ("parts", "thanks")]).text)
    assert "Thank" in only_thanks and "future" not in only_thanks and "?" not in only_thanks
    first = _body(client.get(url, params={"variant": 0}).text)
    second = _body(client.get(url, params={"variant": 1}).text)
    assert first != second


def test_eml_download(client: Any, rejected_app: int) -> None:
    response = client.get(f"/applications/{rejected_app}/respond.eml", params={"kind": "close"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("message/rfc822")
    assert response.headers["content-disposition"] == (
        f'attachment; filename="reply-{rejected_app}.eml"')
    msg = email.message_from_bytes(response.content, policy=policy.default)
    assert msg["To"] == "ana@acme.example"
    assert "assume" in msg.get_content()


def test_send_needs_csrf_and_an_account(client: Any, rejected_app: int,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEXTROUND_SMTP_HOST", raising=False)
    url = f"/applications/{rejected_app}/respond/send"
    assert client.post(url, data={"kind": "reply"}).status_code == 403
    refused = client.post(url, data={"kind": "reply", "csrf_token": client.csrf})
    assert refused.status_code == 400
    assert "NEXTROUND_SMTP_HOST" in refused.text


def test_growth_page_feedback_and_actions(client: Any, rejected_app: int) -> None:
    saved = client.post("/feedback", data={
        "application_id": str(rejected_app), "text": "Your answers were too long.",
        "csrf_token": client.csrf}, follow_redirects=False)
    assert saved.status_code == 303
    page = client.get("/growth")
    assert "Keeping answers concise" in page.text and "Your answers were too long." in page.text
    added = client.post("/growth/actions", data={
        "area": "concise-answers", "kind": "practice", "title": "Two-minute answers",
        "csrf_token": client.csrf}, follow_redirects=False)
    assert added.status_code == 303
    assert "Two-minute answers" in client.get("/growth").text


def test_watch_page(client: Any, rejected_app: int) -> None:
    added = client.post(f"/applications/{rejected_app}/watch",
                        data={"months": "3", "csrf_token": client.csrf}, follow_redirects=False)
    assert added.status_code == 303
    page = client.get("/watch")
    assert "Acme" in page.text and "Data Engineer" in page.text


def test_linkedin_status_is_kept(client: Any, rejected_app: int) -> None:
    saved = client.post("/contacts/1/linkedin", data={
        "url": "https://www.linkedin.com/in/ana-lopez", "status": "sent",
        "next": "https://evil.example/", "csrf_token": client.csrf}, follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"].startswith("/contacts")
    page = client.get(f"/applications/{rejected_app}/respond").text
    assert "https://www.linkedin.com/in/ana-lopez" in page and "request sent" in page


def test_thank_you_note_for_a_chosen_round(client: Any, rejected_app: int) -> None:
    page = client.get(f"/applications/{rejected_app}/respond",
                      params={"kind": "thanks", "round": "1"}).text
    assert "Thank you for the interview" in page
    assert "March 10" in _body(page)
    assert '<option value="1" selected>video · 2026-03-10</option>' in page


def test_no_panel_before_there_is_anything_to_answer(client: Any, db: Any) -> None:
    from nextround.services.applications import ApplicationInput, add_application

    with db.uow(db.local_user_id()) as uow:
        fresh = add_application(uow, ApplicationInput(company="Initech", role="Analyst",
                                                      applied_on="2026-03-01"))
        uow.commit()
    assert "respond/preview" not in client.get(f"/applications/{fresh}").text


def test_sent_from_own_mail_is_noted(client: Any, rejected_app: int) -> None:
    done = client.post(f"/applications/{rejected_app}/respond/mark-sent",
                       data={"kind": "reply", "csrf_token": client.csrf},
                       follow_redirects=False)
    assert done.status_code == 303
    assert "reminder" in done.headers["location"]
    page = client.get(f"/applications/{rejected_app}").text
    assert "Sent reply to the rejection" in page
