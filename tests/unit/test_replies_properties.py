"""Properties over random records: no placeholder survives, no header or recipient is injected."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email import message_from_bytes, policy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.domain.replies import draft_followup, draft_reply, draft_thanks
from nextround.domain.reply_context import (
    PARTS,
    Contact,
    Draft,
    DraftContext,
    DraftOptions,
    Profile,
    Round,
    ThreadRef,
)
from nextround.errors import UserInputError
from nextround.mail.compose import Sender, build_message, eml_bytes, mailto_link

# User text never holds braces or square brackets here, so any that appear came from a template.
_safe = st.text(
    alphabet=st.characters(blacklist_characters="{}[]", blacklist_categories=("Cs",)), max_size=60
).filter(lambda s: "None" not in s)
_maybe = st.none() | _safe
_dates = st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))

contexts = st.builds(
    DraftContext,
    company=_maybe,
    role=_maybe,
    contacts=st.lists(
        st.builds(
            Contact,
            name=_maybe,
            title=_maybe,
            email=_maybe,
            role=st.sampled_from(["recruiter", "interviewer", "hiring_manager", "other"]),
        ),
        max_size=3,
    ).map(tuple),
    rounds=st.lists(
        st.builds(
            Round,
            kind=st.none() | st.sampled_from(["technical", "phone", "odd"]),
            on=_dates,
            interviewers=st.lists(_safe, max_size=3).map(tuple),
            notes=_maybe,
        ),
        max_size=3,
    ).map(tuple),
    discussed=st.lists(_safe, max_size=3).map(tuple),
    stage=st.none() | st.sampled_from(["application", "interview"]),
    door_open=st.none() | st.booleans(),
    thread=st.none() | st.builds(ThreadRef, message_id=_maybe, subject=_maybe, from_addr=_maybe),
    profile=st.builds(
        Profile,
        name=_maybe,
        email=_maybe,
        signature=_maybe,
        skills=st.lists(_safe, max_size=4).map(tuple),
    ),
    applied_on=_dates,
)
options = st.builds(
    DraftOptions,
    parts=st.none() | st.lists(st.sampled_from(PARTS), min_size=1, unique=True).map(tuple),
    proposal=st.none() | st.sampled_from(["freelance", "internship", "part-time"]),
    tone=st.sampled_from(["warm", "formal", "brief"]),
    language=st.sampled_from(["en", "fr"]),
    variant=st.integers(min_value=0, max_value=10_000),
)
_PLACEHOLDER = re.compile(r"[{}\[\]]|\bNone\b")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ctx=contexts, opts=options, step=st.integers(min_value=1, max_value=2))
def test_no_placeholder_ever_survives(ctx: DraftContext, opts: DraftOptions, step: int) -> None:
    for draft in (draft_reply(ctx, opts), draft_followup(ctx, opts, step), draft_thanks(ctx, opts)):
        assert not _PLACEHOLDER.search(draft.subject), draft.subject
        assert not _PLACEHOLDER.search(draft.body), draft.body
        assert draft.body.strip()
        assert "\n\n\n" not in draft.body


_field = st.text(max_size=40) | st.sampled_from(
    ["x\r\nBcc: evil@example.com", "\nX-Injected: 1", "a\rb", "=?utf-8?q?hi=0D=0ABcc:_e@x.org?="]
)


@settings(max_examples=300, deadline=None)
@given(subject=_field, name=_field, body=st.text(max_size=200), ref=_field, to=_field)
def test_crlf_never_adds_a_header_or_recipient(
    subject: str, name: str, body: str, ref: str, to: str
) -> None:
    draft = Draft(
        subject=subject,
        body=body,
        to=("ana@acme.example",),
        language="en",
        parts=("thanks",),
        warnings=(),
    )
    thread = ThreadRef(message_id=ref, references=(ref, "<ok@acme.example>"))
    msg = build_message(
        draft, Sender("sam@example.org", name), now=datetime(2026, 3, 4, tzinfo=UTC), thread=thread
    )
    raw = eml_bytes(msg)
    parsed = message_from_bytes(raw, policy=policy.default)
    names = [k.lower() for k in parsed]
    allowed = {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "in-reply-to",
        "references",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
    }
    assert set(names) <= allowed
    assert len(names) == len(set(names))
    assert [a.addr_spec for a in parsed["To"].addresses] == ["ana@acme.example"]
    assert [a.addr_spec for a in parsed["From"].addresses] == ["sam@example.org"]
    if any(ch in to for ch in "\r\n"):
        with pytest.raises(UserInputError):
            build_message(
                draft, Sender("sam@example.org"), now=datetime(2026, 3, 4, tzinfo=UTC), to=[to]
            )


@pytest.mark.parametrize(
    "bad",
    [
        "a@x.org\r\nBcc: b@y.org",
        "a@x.org, b@y.org",
        "Doe <a@x.org>, b@y.org",
        "a@x.org\n",
        "not-an-address",
        "",
    ],
)
def test_recipient_tricks_are_refused(bad: str) -> None:
    draft = Draft(subject="s", body="b", to=(bad,), language="en", parts=(), warnings=())
    with pytest.raises(UserInputError):
        build_message(draft, Sender("sam@example.org"), now=datetime(2026, 3, 4, tzinfo=UTC))
    with pytest.raises(UserInputError):
        mailto_link(draft)


def test_mailto_link_carries_subject_body_and_thread() -> None:
    draft = Draft(
        subject="Re: Your application",
        body="Hi Ana,\nThanks & all.",
        to=("ana@acme.example",),
        language="en",
        parts=(),
        warnings=(),
    )
    link = mailto_link(draft, ThreadRef(message_id="<r1@acme.example>"))
    assert link.startswith("mailto:ana@acme.example?subject=Re%3A%20Your%20application&body=")
    assert "Hi%20Ana%2C%0D%0AThanks%20%26%20all." in link
    assert link.endswith("in-reply-to=%3Cr1%40acme.example%3E")


def test_a_personal_reply_has_few_recipients() -> None:
    many = tuple(f"p{i}@example.org" for i in range(11))
    draft = Draft(subject="s", body="b", to=many, language="en", parts=(), warnings=())
    with pytest.raises(UserInputError, match="at most 10"):
        build_message(draft, Sender("sam@example.org"), now=datetime(2026, 3, 4, tzinfo=UTC))
