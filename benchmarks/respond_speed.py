"""Drafting, LinkedIn-note and feedback-reading speed, next to plain string formatting.

Run: .venv/bin/python benchmarks/respond_speed.py
Prints the median time per item over several rounds and the ratio to a baseline that only
fills one fixed template with str.format, measured in the same run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from nextround.domain.feedback import extract_growth_areas
from nextround.domain.linkedin import connection_note
from nextround.domain.replies import draft_followup, draft_reply, draft_thanks
from nextround.domain.reply_context import (
    Contact,
    DraftContext,
    DraftOptions,
    Profile,
    Round,
    ThreadRef,
)
from nextround.mail.compose import Sender, build_message, eml_bytes

ROUNDS = 7
CTX = DraftContext(
    company="Acme",
    role="Data Engineer",
    contacts=(Contact(name="Ana Lopez", email="ana@acme.example", role="recruiter"),
              Contact(name="Ben Ode", role="interviewer")),
    rounds=(Round(kind="technical", on=date(2026, 3, 3), interviewers=("Ben Ode",)),),
    discussed=("the data platform migration",),
    stage="interview",
    door_open=True,
    thread=ThreadRef(message_id="<r@acme.example>", subject="Your application"),
    profile=Profile(name="Sam Doe", email="sam@example.org", skills=("Python", "SQL")),
)
FEEDBACK = ("Thank you for your time. The panel felt your answers were too long, and we would "
            "have liked more leadership examples. Your SQL was strong, but we needed more "
            "experience with Kubernetes for this role.")
TEMPLATE = "Hi {name},\n\nThank you for the {role} interview at {company}.\n\nBest,\n{me}\n"


def per_item(work: Callable[[int], object], count: int) -> float:
    """Median seconds per item over ROUNDS rounds of `count` items."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for i in range(count):
            work(i)
        times.append((time.perf_counter() - start) / count)
    return statistics.median(times)


def main() -> None:
    # Warm the phrase tables once: they load lazily on first use.
    draft_reply(CTX)
    extract_growth_areas(FEEDBACK)
    baseline = per_item(lambda i: TEMPLATE.format(name="Ana", role="Data Engineer",
                                                  company="Acme", me="Sam"), 20_000)
    cases: list[tuple[str, Callable[[int], object], int]] = [
        ("reply draft (en, warm)", lambda i: draft_reply(CTX, DraftOptions(variant=i)), 500),
        ("reply draft (fr, formal)",
         lambda i: draft_reply(CTX, DraftOptions(language="fr", tone="formal", variant=i)), 500),
        ("follow-up draft", lambda i: draft_followup(CTX, DraftOptions(variant=i)), 500),
        ("thank-you note", lambda i: draft_thanks(CTX, DraftOptions(variant=i)), 500),
        ("LinkedIn note (200)", lambda i: connection_note(CTX, CTX.contacts[1], 200, variant=i),
         500),
        ("RFC 5322 message + bytes",
         lambda i: eml_bytes(build_message(draft_reply(CTX), Sender("sam@example.org"),
                                           now=_now(), thread=CTX.thread)), 300),
        ("growth areas from feedback", lambda i: extract_growth_areas(FEEDBACK), 500),
    ]
    print(f"baseline str.format: {baseline * 1e6:.2f} µs per message")
    print(f"{'case':32} {'median per item':>16} {'items/s':>10} {'x baseline':>11}")
    for name, work, count in cases:
        seconds = per_item(work, count)
        print(f"{name:32} {seconds * 1e3:13.3f} ms {1 / seconds:10.0f} {seconds / baseline:11.0f}")


def _now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(2026, 3, 4, tzinfo=UTC)


if __name__ == "__main__":
    main()
