"""The Inbox in headless Chromium: upload, review over HTMX, and a hostile email shown safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.test_inbox_web import HOSTILE
from tests.integration.inbox_mail import ACME_ACK, GLOBEX_INTERVIEW, write_mbox

pytestmark = pytest.mark.browser


def test_upload_review_and_read_safely(page: Any, live_server: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    off_origin: list[str] = []
    own = urlsplit(live_server).netloc
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on(
        "request",
        lambda r: (
            off_origin.append(r.url)
            if urlsplit(r.url).scheme in {"http", "https"} and urlsplit(r.url).netloc != own
            else None
        ),
    )
    from playwright.sync_api import expect

    box = write_mbox(tmp_path / "mail.mbox", [ACME_ACK, GLOBEX_INTERVIEW, HOSTILE])

    page.goto(live_server + "/inbox")
    page.set_input_files("#f-files", str(box))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/inbox?flash=*")
    assert "3 job-related" in page.locator(".flash").inner_text()
    cards = page.locator("article.proposal")
    before = cards.count()
    assert before >= 2

    # Accept over HTMX: the queue is swapped in place, the page does not reload.
    page.evaluate("window.__stay = 1")
    cards.first.get_by_role("button", name="Accept").click()
    expect(cards).to_have_count(before - 1)
    assert page.evaluate("window.__stay") == 1
    assert "Accepted." in page.locator("#queue").inner_text()

    page.get_by_role("link", name="Interview invitation", exact=True).first.click()
    page.wait_for_url("**/inbox/messages/*")
    frame = page.frame_locator("iframe.mail-frame")
    assert "invite you to an interview" in frame.locator("body").inner_text()
    assert "[link to real.example" in frame.locator("body").inner_text()
    assert frame.locator("script, img, form").count() == 0
    frame.locator("p").first.click()  # the stripped onclick must not run
    page.wait_for_timeout(300)
    assert dialogs == []
    assert off_origin == []
