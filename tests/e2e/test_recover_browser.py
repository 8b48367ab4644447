"""The journal journey in a real headless Chromium: instant feedback while typing, then save."""

from __future__ import annotations

from typing import Any


def test_instant_feedback_then_a_private_entry(page: Any, live_server: str) -> None:
    page.goto(live_server + "/journal")
    page.fill("#f-text", "I'll never get a job, I'm such a failure")
    page.wait_for_selector("#feedback mark")
    feedback = page.locator("#feedback").inner_text()
    assert "fortune-telling" in feedback or "labelling yourself" in feedback
    page.get_by_role("button", name="Save privately").click()
    page.wait_for_url("**/journal?saved=**")
    assert page.locator("#latest [data-reply]").count() == 1


def test_crisis_language_shows_helplines_while_typing(page: Any, live_server: str) -> None:
    page.goto(live_server + "/journal")
    page.fill("#f-text", "I don't want to be alive anymore")
    page.wait_for_selector("#feedback [data-crisis]")
    assert "988" in page.locator("#feedback").inner_text() or "116 123" in page.locator(
        "#feedback").inner_text()
