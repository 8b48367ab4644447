"""The Respond panel in a real headless Chromium: live preview, another version, counter."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect


@pytest.fixture
def rejected_app(db: Any) -> int:
    from nextround.services.applications import ApplicationInput, add_application, change_status
    from nextround.services.people import add_contact, update_profile

    with db.uow(db.local_user_id()) as uow:
        update_profile(uow, {"name": "Sam Doe", "email": "sam@example.org"})
        app_id = add_application(uow, ApplicationInput(company="Acme", role="Data Engineer",
                                                       applied_on="2026-03-01"))
        add_contact(uow, "Ana Lopez", company="Acme", email="ana@acme.example",
                    application_id=app_id, relation="recruiter")
        change_status(uow, app_id, "rejected")
        uow.commit()
    return int(app_id)


def test_panel_preview_follows_the_choices(page: Any, live_server: str, rejected_app: int) -> None:
    page.goto(f"{live_server}/applications/{rejected_app}")
    body = page.locator("#respond-body")
    expect(body).to_contain_text("Ana")
    first = body.input_value()
    page.select_option(".respond-panel select[name=lang]", "fr")
    expect(page.locator("#respond-body")).to_contain_text("Bonjour Ana")
    page.get_by_role("link", name="Another version").click()
    expect(page.locator("#respond-body")).not_to_have_value(first)
    # The form follows the version shown, so the next change keeps it.
    expect(page.locator(".respond-panel #respond-variant")).to_have_value("1")
    second = page.locator("#respond-body").input_value()
    page.select_option(".respond-panel select[name=tone]", "warm")
    page.select_option(".respond-panel select[name=proposal]", "internship")
    expect(page.locator("#respond-body")).to_contain_text("Un stage")
    assert second
    note = page.locator("textarea[data-count]").first
    note.fill("Bonjour Ana, merci !")
    expect(page.locator("[id^=li-count-]").first).to_have_text("20 / 300")
    assert note.get_attribute("maxlength") == "300"
