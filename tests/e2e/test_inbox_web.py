"""The Inbox page through the web app: upload, review queue over HTMX, safe message view."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from tests.integration.inbox_mail import (
    ACME_ACK,
    BOMB,
    GLOBEX_INTERVIEW,
    NEWSLETTER,
    email,
    write_mbox,
)

HOSTILE = email(
    "Acme Recruiting <no-reply@ashbyhq.com>",
    "Interview invitation",
    "We would like to invite you to an interview for the Backend Engineer role at Acme.",
    "<hostile-1@ashbyhq.com>",
    html=(
        "<p onclick='alert(1)'>We would like to invite you to an interview.</p>"
        "<script>alert('x')</script><img src='https://tracker.example/p.gif' width=1>"
        "<form action='https://evil.example'><input name=p></form>"
        "<a href='javascript:alert(2)'>js</a> <a href='https://real.example/book'>Book</a>"
        '<div style="background:url(https://tracker.example/bg.png)">x</div>'
    ),
)


def upload(client: Any, files: list[tuple[str, bytes]]) -> Any:
    return client.post(
        "/inbox/import", data={"csrf_token": client.csrf},
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
        follow_redirects=False,
    )  # fmt: skip


def test_upload_then_review_over_htmx(client: Any, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "m.mbox", [ACME_ACK, GLOBEX_INTERVIEW, NEWSLETTER, BOMB])
    res = upload(client, [("m.mbox", box.read_bytes()), ("one.eml", ACME_ACK)])
    assert res.status_code == 303
    page = client.get(res.headers["location"])
    assert "Read 5 messages: 2 job-related, 2 new proposals, 1 duplicates skipped, " \
           "1 quarantined." in html.unescape(page.text)  # fmt: skip
    assert page.text.count('class="proposal"') == 2
    assert "nested" in page.text  # the unreadable list says why

    htmx = {"hx-request": "true", "x-csrf-token": client.csrf}
    first = int(re.findall(r'id="proposal-(\d+)"', page.text)[0])
    part = client.post(f"/inbox/proposals/{first}/accept", headers=htmx)
    assert part.status_code == 200
    assert part.text.lstrip().startswith('<section class="card" id="queue">')  # just the block
    assert part.text.count('class="proposal"') == 1 and "Accepted." in part.text
    apps = client.get("/applications").text
    assert "Acme" in apps

    second = int(re.findall(r'id="proposal-(\d+)"', part.text)[0])
    fixed = client.post(
        f"/inbox/proposals/{second}/correct",
        data={"csrf_token": client.csrf, "company": "Globex Corporation", "role": "Analyst"},
        follow_redirects=False,
    )
    assert fixed.status_code == 303
    assert "Globex Corporation" in client.get("/applications").text


def test_posts_without_the_csrf_token_are_refused(client: Any, tmp_path: Path) -> None:
    res = client.post("/inbox/import", files=[("files", ("a.eml", ACME_ACK, "message/rfc822"))])
    assert res.status_code == 403
    assert client.post("/inbox/proposals/1/accept").status_code == 403


def test_upload_without_files_is_a_clear_error(client: Any) -> None:
    res = client.post("/inbox/import", data={"csrf_token": client.csrf})
    assert res.status_code == 422 and "Choose at least one" in res.text


def test_message_view_is_sanitised_and_sandboxed(client: Any) -> None:
    upload(client, [("h.eml", HOSTILE)])
    page = client.get("/inbox")
    msg_id = re.findall(r'href="/inbox/messages/(\d+)"', page.text)[0]
    view = client.get(f"/inbox/messages/{msg_id}")
    assert view.status_code == 200
    frame = re.search(r"<iframe[^>]*>", view.text, re.S)
    assert frame is not None
    tag = frame.group(0)
    sandbox = re.search(r'sandbox="([^"]*)"', tag)
    assert sandbox is not None
    assert "allow-scripts" not in sandbox.group(1) and "allow-same-origin" not in sandbox.group(1)
    doc = html.unescape(re.search(r'srcdoc="([^"]*)"', tag).group(1))  # type: ignore[union-attr]
    assert "default-src 'none'" in doc  # the frame carries its own strict policy
    lowered = doc.lower()
    for bad in ("<script", "onclick", "javascript:", "<img", "<form", "tracker.example", "url("):
        assert bad not in lowered, bad
    assert "[link to real.example" in doc  # links show their destination
    assert "remote image" in view.text  # the user is told that trackers were blocked
    assert "default-src" in view.headers["content-security-policy"]


def test_silence_mark_and_undo_on_the_inbox_page(client: Any) -> None:
    res = client.post(
        "/applications/new",
        data={
            "csrf_token": client.csrf,
            "company": "Hooli",
            "role": "SRE",
            "applied_on": "2020-01-01",
            "source": "other",
        },  # fmt: skip
        follow_redirects=False,
    )
    assert res.status_code == 303
    app_id = int(res.headers["location"].split("/")[2].split("?")[0])
    page = client.get("/inbox").text
    assert f'id="silent-{app_id}"' in page and "Mark ghosted" not in page  # follow up first
    post = {"data": {"csrf_token": client.csrf}, "follow_redirects": False}
    assert client.post(f"/inbox/ghosted/{app_id}/mark", **post).status_code == 303
    page = client.get("/inbox").text
    assert "Marked ghosted" in page and f'id="silent-{app_id}"' not in page
    assert client.post(f"/inbox/ghosted/{app_id}/undo", **post).status_code == 303
    assert f'id="silent-{app_id}"' in client.get("/inbox").text
