"""The main journey in a real headless Chromium: add an application, find it in the list."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect


def test_add_application_through_the_form(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    page.get_by_role("link", name="Add your first application").click()
    page.fill("#f-company", "Brightwater Analytics")
    page.fill("#f-role", "Junior Data Analyst")
    page.fill("#f-applied_on", "2026-11-02")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url("**/applications/1**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Junior Data Analyst")
    page.get_by_role("link", name="Applications").first.click()
    row = page.locator("#results tbody tr")
    assert row.count() == 1
    assert "Brightwater Analytics" in row.first.inner_text()
    page.fill("#f-q", "nothing-matches")
    expect(page.locator("#results tbody tr")).to_have_count(0)
    assert "No applications match" in page.locator("#results").inner_text()


def test_inline_errors_in_the_browser(page: Any, live_server: str) -> None:
    page.goto(live_server + "/applications/new")
    page.fill("#f-role", "Analyst")
    page.get_by_role("button", name="Add application").click()
    assert "company is required" in page.locator(".field.has-error").first.inner_text()
    assert page.input_value("#f-role") == "Analyst"
