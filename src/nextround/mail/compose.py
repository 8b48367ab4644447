"""Turning a draft into an RFC 5322 message, an .eml file or a mailto: link, safely."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.errors import HeaderDefect, InvalidHeaderDefect
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote

from nextround.domain.reply_context import Draft, ThreadRef
from nextround.errors import UserInputError

# Controls that would end a header line or hide text; a header value never keeps them.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
_SPACES = re.compile(r"\s+")
_ADDR_SPEC = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"
)
_MSGID = re.compile(r"^<[^<>\s\"(),:;@\\]+@[^<>\s\"(),:;@\\]+>$")
_MAX_REFERENCES = 20
_MAX_SUBJECT = 500
MAX_RECIPIENTS = 10


@dataclass(frozen=True)
class Sender:
    """Who the message is from: the user's own address and name."""

    address: str
    name: str | None = None


def one_line(value: str | None) -> str:
    """A header-safe value: line breaks and other controls become single spaces.

    A literal "=?" is broken up too: readers would decode it as an encoded word, which can
    carry a line break past this check.
    """
    if not value:
        return ""
    flat = _SPACES.sub(" ", _CONTROLS.sub(" ", value)).strip()
    return flat.replace("=?", "= ?")


def safe_address(value: str, what: str = "address") -> str:
    """One bare address, or UserInputError: a line break or a second address is never let by."""
    if any(ch in value for ch in "\r\n\x00"):
        raise UserInputError(
            f"The {what} contains a line break, which could smuggle in extra recipients.",
            hint="Give one plain address such as name@example.org.",
        )
    candidate = value.strip()
    if candidate.startswith("<") and candidate.endswith(">"):
        candidate = candidate[1:-1].strip()
    if not _ADDR_SPEC.match(candidate) or "." not in candidate.rsplit("@", 1)[1]:
        raise UserInputError(
            f"{what.capitalize()} {one_line(value)[:80]!r} is not a single valid email address.",
            hint="Give one plain address such as name@example.org.",
        )
    return candidate


def safe_message_id(value: str | None) -> str | None:
    """A Message-ID fit to repeat in In-Reply-To/References, or None when it is not one."""
    if not value:
        return None
    candidate = value.strip()
    if not candidate.startswith("<"):
        candidate = f"<{candidate}>"
    return candidate if _MSGID.match(candidate) and len(candidate) <= 250 else None


def _references(thread: ThreadRef) -> list[str]:
    ids = [m for m in (safe_message_id(r) for r in thread.references) if m]
    parent = safe_message_id(thread.message_id)
    if parent and parent not in ids:
        ids.append(parent)
    if len(ids) > _MAX_REFERENCES:
        # Keep the root and the most recent ones, as mail clients do when trimming.
        ids = [ids[0], *ids[-(_MAX_REFERENCES - 1) :]]
    return ids


def _address(addr: str, name: str | None = None) -> Address:
    local, domain = addr.rsplit("@", 1)
    try:
        return Address(display_name=one_line(name)[:200], username=local, domain=domain)
    except (ValueError, IndexError, HeaderDefect, InvalidHeaderDefect) as exc:
        raise UserInputError(f"Cannot use the address {addr!r}: {exc}") from exc


def build_message(
    draft: Draft,
    sender: Sender,
    *,
    now: datetime,
    thread: ThreadRef | None = None,
    to: Sequence[str] | None = None,
    require_recipient: bool = True,
) -> EmailMessage:
    """The message as it will be sent: every header single-line, recipients exactly as given.

    A draft saved for the user's own mail program may leave To empty for them to fill in.
    """
    recipients = [
        safe_address(a, "recipient address") for a in (to if to is not None else draft.to)
    ]
    if len(recipients) > MAX_RECIPIENTS:
        raise UserInputError(
            f"{len(recipients)} recipients is more than a personal reply needs "
            f"(at most {MAX_RECIPIENTS})."
        )
    if not recipients and require_recipient:
        raise UserInputError(
            "The message has no recipient.", hint="Add the contact's email address, or pass --to."
        )
    from_addr = safe_address(sender.address, "sender address")
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = _address(from_addr, sender.name)
    if recipients:
        msg["To"] = [_address(a) for a in recipients]
    msg["Subject"] = one_line(draft.subject)[:_MAX_SUBJECT]
    msg["Date"] = format_datetime(now)
    # An explicit domain: make_msgid would otherwise look up this machine's name.
    msg["Message-ID"] = make_msgid(domain=from_addr.rsplit("@", 1)[1])
    if thread is not None:
        refs = _references(thread)
        parent = safe_message_id(thread.message_id)
        if parent:
            msg["In-Reply-To"] = parent
        if refs:
            msg["References"] = " ".join(refs)
    msg["MIME-Version"] = "1.0"
    body = draft.body.replace("\r\n", "\n").replace("\r", "\n")
    msg.set_content(body, charset="utf-8")
    return msg


def eml_bytes(msg: EmailMessage) -> bytes:
    """The message as bytes with CRLF line ends, as RFC 5322 asks."""
    return msg.as_bytes(policy=policy.SMTP)


def write_eml(msg: EmailMessage, path: Path) -> Path:
    """Save the message to `path` as an .eml file that any mail client opens."""
    path.write_bytes(eml_bytes(msg))
    return path


def mailto_link(draft: Draft, thread: ThreadRef | None = None) -> str:
    """A mailto: link (RFC 6068) that opens the draft in the user's own mail program."""
    recipients = ",".join(quote(safe_address(a, "recipient address"), safe="@") for a in draft.to)
    fields = [("subject", one_line(draft.subject)), ("body", draft.body.replace("\n", "\r\n"))]
    parent = safe_message_id(thread.message_id) if thread else None
    if parent:
        fields.append(("in-reply-to", parent))
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in fields if value)
    return f"mailto:{recipients}?{query}"
