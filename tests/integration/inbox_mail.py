"""Hand-written job emails for the inbox tests, and helpers that write them as mbox or .eml."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path


def email(
    sender: str,
    subject: str,
    body: str,
    msg_id: str,
    date: str = "Mon, 02 Mar 2026 10:00:00 +0000",
    in_reply_to: str | None = None,
    html: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Sam Lee <sam@example.org>"
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = msg_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


ACME_ACK = email(
    "Acme Recruiting <no-reply@ashbyhq.com>",
    "Your application to Acme",
    "Hi Sam,\n\nThank you for applying for the Backend Engineer position at Acme. We have "
    "received your application and our team will review it shortly.\n\nBest,\nAcme Recruiting",
    "<ack-1@ashbyhq.com>",
    "Mon, 02 Mar 2026 10:00:00 +0000",
)
ACME_REJECTION = email(
    "Acme Recruiting <no-reply@ashbyhq.com>",
    "Update on your application",
    "Hi Sam,\n\nThank you for your interest in the Backend Engineer role at Acme. "
    "Unfortunately, after careful consideration, we have decided not to move forward with "
    "your application. We will keep your CV on file for future openings.\n\nBest,\nAcme",
    "<rej-1@ashbyhq.com>",
    "Fri, 13 Mar 2026 16:00:00 +0000",
)
GLOBEX_INTERVIEW = email(
    "Jane Park <jane@globex.com>",
    "Interview invitation - Data Analyst",
    "Hi Sam,\n\nWe would like to invite you to a phone interview for the Data Analyst "
    "position at Globex. Please let us know your availability next week.\n\nJane",
    "<int-1@globex.com>",
    "Tue, 03 Mar 2026 09:00:00 +0000",
    html="<p>We would like to invite you to a <b>phone interview</b> for the Data Analyst "
    "position at Globex.</p><img src='https://track.example/pixel.gif'>"
    "<a href='https://globex.com/slots'>Pick a slot</a>",
)
NEWSLETTER = email(
    "Deals <news@shop.example>",
    "50% off everything",
    "Big sale this weekend only. Shop now and save on shoes and bags.",
    "<deal-1@shop.example>",
)
ANON_REJECTION = email(
    "Talent <no-reply@ashbyhq.com>",
    "Your candidacy",
    "Hello,\n\nThank you for applying. Unfortunately we have decided to move forward with "
    "other candidates whose experience more closely matches our needs.\n\nRegards",
    "<anon-1@ashbyhq.com>",
)
ANON_REJECTION_2 = email(
    "Talent <no-reply@ashbyhq.com>",
    "Your candidacy",
    "Hello,\n\nThanks for your time. Unfortunately we will not be moving forward with your "
    "application at this stage.\n\nRegards",
    "<anon-2@ashbyhq.com>",
)
# Thousands of nested parts: the parser's caps must quarantine this, not crash.
BOMB = (
    b"From: x@y.example\nSubject: your application (nested)\nMessage-ID: <bomb@y.example>\n"
    + b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(80)
    )
    + b"Content-Type: text/plain\n\nhello\n"
)


def write_mbox(path: Path, messages: list[bytes]) -> Path:
    box = mailbox.mbox(str(path), create=True)
    try:
        for raw in messages:
            box.add(raw)
        box.flush()
    finally:
        box.close()
    return path
