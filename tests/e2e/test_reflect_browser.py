"""Reflect journeys in a real headless Chromium: the debrief form and the live STAR check."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def round_id(db: Any) -> int:
    from nextround.services.applications import ApplicationInput, add_application
    from nextround.services.people import add_interview

    with db.uow(db.local_user_id()) as uow:
        app_id = add_application(uow, ApplicationInput(company="Acme", role="Analyst"))
        rid = add_interview(uow, app_id, "video", "2026-11-20 10:00")
        uow.commit()
    return rid


def test_star_check_updates_while_typing(page: Any, live_server: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{live_server}/stories/new")
    star = page.locator("#star")  # the partial is swapped in whole, so look it up by id
    assert "situation" in star.inner_text().lower()
    page.fill("#f-title", "Support queue")
    page.fill("#f-action", "We sorted the tickets and we wrote a help article together.")
    expect(star).to_contain_text('"I"', timeout=10000)
    page.fill("#f-action", "I sorted the tickets by topic and I wrote a help article.")
    page.fill("#f-result", "The wait dropped from 7 days to 1.")
    expect(star).to_contain_text("measurable", timeout=10000)
    page.click("text=Save story")
    page.wait_for_url("**/stories/1**")
    assert "Support queue" in page.content()


def test_debrief_form_then_questions_page(page: Any, live_server: str, round_id: int) -> None:
    page.goto(f"{live_server}/debrief/{round_id}")
    page.fill("#f-questions", "Tell me about yourself\nWhat is your greatest weakness? | 4 | 2")
    page.fill("#f-went_well", "Good rapport with the panel")
    page.click("text=Save debrief")
    page.wait_for_url(f"**/debrief/{round_id}**")
    assert "What is your greatest weakness?" in page.content()
    page.goto(f"{live_server}/questions")
    assert page.locator("#prepare-next li").count() == 2
    chart = page.locator(".chart img")
    chart.wait_for()
    # The image really loaded and was drawn (an SVG that failed would have no width).
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", chart.element_handle())


def test_practice_timer_counts_down(page: Any, live_server: str, round_id: int) -> None:
    from playwright.sync_api import expect

    page.goto(f"{live_server}/debrief/{round_id}")
    page.fill("#f-questions", "What is your greatest weakness?")
    page.click("text=Save debrief")
    page.wait_for_url(f"**/debrief/{round_id}**")
    page.goto(f"{live_server}/practice")
    page.click("text=Start 2-minute timer")
    expect(page.locator("#timer-1")).to_have_text("1:58", timeout=5000)
    page.click("button[value=good] >> nth=0")
    page.wait_for_url("**flash=**")
    assert "Next time" in page.content()
