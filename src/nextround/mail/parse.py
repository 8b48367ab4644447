"""Robust MIME parsing of raw message bytes into an `InboundEmail`, or a quarantine."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import BytesParser

from nextround.domain.emails import (
    Address,
    InboundEmail,
    QuarantinedMessage,
    RawMessage,
    raw_sha256,
)
from nextround.mail.headers import (
    clean_text,
    decode_value,
    parse_address_list,
    parse_date,
    parse_message_id,
    parse_references,
)
from nextround.mail.quotes import split_quotes
from nextround.mail.sanitize import html_to_text


@dataclass(frozen=True, slots=True)
class Caps:
    """Limits checked before the stdlib parser sees a message (it recurses and has
    superlinear corners), so hostile input is quarantined instead of hanging."""

    max_bytes: int = 50 * 1024 * 1024
    max_header_bytes: int = 256 * 1024
    max_parts: int = 1000
    max_containers: int = 50  # multipart and message/rfc822 parts: bounds nesting depth
    max_content_type: int = 4096
    max_text_chars: int = 500_000


DEFAULT_CAPS = Caps()

_CONTENT_TYPE_LINE = re.compile(rb"(?im)^content-type:[^\n]*(?:\n[ \t][^\n]*)*")
_KEPT_HEADERS = ("list-id", "list-unsubscribe", "precedence", "auto-submitted", "reply-to")
_FILENAME_BAD = re.compile(r"[\\/\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")
_PARSER = BytesParser(policy=policy.compat32)


def header_block(data: bytes) -> bytes:
    """The header part of a message (up to the first blank line)."""
    if data.startswith((b"\n", b"\r\n")):
        return b""
    lf = data.find(b"\n\n")
    # CRLF mail: look for its blank line only before the first LF LF (or everywhere).
    crlf = data.find(b"\r\n\r\n", 0, lf if lf != -1 else len(data))
    if crlf != -1:
        return data[: crlf + 2]
    return data[: lf + 1] if lf != -1 else data


_ENVELOPE_FIELD = re.compile(
    rb"^(subject|from|date|message-id|x-gmail-labels)[ \t]+:[ \t]*([^\n]*(?:\n[ \t][^\n]*)*)",
    re.IGNORECASE | re.MULTILINE,
)


_FIELD_NAMES = (b"subject", b"from", b"date", b"message-id", b"x-gmail-labels")


def _envelope_fields(block: bytes) -> dict[bytes, str]:
    """The first value of each envelope field, unfolded, as surrogate-escaped text."""
    src = b"\n" + block.replace(b"\r\n", b"\n") if b"\r" in block else b"\n" + block
    low = src.lower()
    fields: dict[bytes, str] = {}
    for name in _FIELD_NAMES:
        at = low.find(b"\n" + name + b":")
        if at == -1:
            continue
        start = at + len(name) + 2
        end = src.find(b"\n", start)
        while end != -1 and src[end + 1 : end + 2] in (b" ", b"\t"):
            end = src.find(b"\n", end + 1)
        value = src[start : end if end != -1 else len(src)]
        if b"\n" in value:
            value = b" ".join(part.strip() for part in value.split(b"\n"))
        fields[name] = value.strip().decode("ascii", "surrogateescape")
    if b"subject" not in fields or b"from" not in fields:  # rare layouts: "Subject : x"
        for found in _ENVELOPE_FIELD.finditer(block):
            key = found.group(1).lower()
            if key not in fields:
                value = found.group(2)
                if b"\n" in value:
                    value = b" ".join(part.strip() for part in value.split(b"\n"))
                fields[key] = value.strip().decode("ascii", "surrogateescape")
    return fields


@dataclass(frozen=True, slots=True)
class Envelope:
    """The few headers every message needs, read cheaply without touching the body."""

    message_id: str | None
    subject: str
    sender: Address | None
    date: datetime | None
    labels: tuple[str, ...]
    defects: tuple[str, ...]


def read_envelope(data: bytes) -> Envelope:
    """Message-ID, Subject, From, Date and Gmail labels from the header block only."""
    defects: list[str] = []
    block = header_block(data)[: DEFAULT_CAPS.max_header_bytes]
    fields = _envelope_fields(block)
    senders = parse_address_list(fields.get(b"from"), defects, "From")
    labels_raw = decode_value(fields.get(b"x-gmail-labels"), defects, "X-Gmail-Labels")
    labels = tuple(x.strip() for x in labels_raw.split(",") if x.strip())
    return Envelope(
        message_id=parse_message_id(fields.get(b"message-id")),
        subject=decode_value(fields.get(b"subject"), defects, "Subject"),
        sender=senders[0] if senders else None,
        date=parse_date(fields.get(b"date"), defects),
        labels=labels,
        defects=tuple(defects),
    )


def _quarantine(raw: RawMessage, reason: str) -> QuarantinedMessage:
    env = read_envelope(raw.data) if raw.data else None
    return QuarantinedMessage(
        index=raw.index,
        origin=raw.origin,
        sha256=raw.sha256,
        size=len(raw.data),
        reason=reason,
        message_id=env.message_id if env else None,
        subject=env.subject if env else "",
        sender=env.sender if env else None,
        date=env.date if env else None,
    )


def basic_check(data: bytes, caps: Caps = DEFAULT_CAPS) -> str | None:
    """Why bytes are not a readable message at all (cheap: headers only), or None."""
    if not data or data.isspace():
        return "empty: not an email message"
    if len(data) > caps.max_bytes:
        return f"too large: {len(data):,} bytes (limit {caps.max_bytes:,})"
    block = header_block(data)
    if len(block) > caps.max_header_bytes:
        return f"header block too large: {len(block):,} bytes"
    if not block or b":" not in block[:2000]:
        return "not an email message: no header found"
    head = block[:64].lstrip()
    if head[:4] in (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8") or head[:2] == b"\xff\xd8":
        return "not an email message: binary file"
    return None


def precheck(data: bytes, caps: Caps = DEFAULT_CAPS, lowered: bytes | None = None) -> str | None:
    """Why a message must not be parsed at all, or None when it is safe to parse.

    `lowered` may pass `data.lower()` when the caller has it already.
    """
    basic = basic_check(data, caps)
    if basic is not None:
        return basic
    if lowered is None or len(lowered) != len(data):
        lowered = data.lower()
    containers = lowered.count(b"multipart/") + lowered.count(b"message/rfc822")
    if containers > caps.max_containers:
        return (
            f"too deeply nested or too many containers: {containers} (limit {caps.max_containers})"
        )
    parts = lowered.count(b"content-type:")
    if parts > caps.max_parts:
        return f"too many parts: {parts} (limit {caps.max_parts})"
    if lowered.count(b";") > 500:  # only then can a parameter list be pathological
        for line in _CONTENT_TYPE_LINE.findall(data[: caps.max_header_bytes * 4]):
            if len(line) > caps.max_content_type:
                return f"malformed Content-Type header: {len(line):,} bytes"
    return None


def _charset_text(payload: bytes, charset: str | None, defects: list[str]) -> str:
    name = (charset or "us-ascii").strip().strip('"').lower()
    try:
        return payload.decode(name)
    except LookupError:
        defects.append(f"unknown charset {clean_text(name)[:40]!r}; decoded as UTF-8")
    except UnicodeDecodeError:
        defects.append(f"body bytes do not match charset {name!r}")
    except Exception:
        defects.append(f"charset {clean_text(name)[:40]!r} failed")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", "replace")


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        return "(unreadable name)"
    if not name:
        return None
    safe = _FILENAME_BAD.sub("_", str(name)).strip(". ")
    return (safe or "(unnamed)")[:200]


def _walk(msg: Message, defects: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Text parts, HTML parts and attachment names, walking without recursion."""
    plain: list[str] = []
    htmls: list[str] = []
    files: list[str] = []
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        if depth > DEFAULT_CAPS.max_containers:
            defects.append("nesting too deep; inner parts skipped")
            continue
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                # Reverse so parts pop in their natural order.
                stack.extend((c, depth + 1) for c in reversed(children) if isinstance(c, Message))
            continue
        ctype = part.get_content_type()
        name = _filename(part)
        disposition = str(part.get("content-disposition", "")).lower()
        if name or disposition.startswith("attachment") or not ctype.startswith("text/"):
            if name:
                files.append(name)
            continue
        try:
            payload = part.get_payload(decode=True)
        except Exception:
            defects.append("a body part could not be decoded")
            continue
        if not isinstance(payload, bytes):
            continue
        text = _charset_text(payload, part.get_content_charset(), defects)
        if ctype == "text/html":
            htmls.append(text)
        else:
            plain.append(text)
    for d in msg.defects:
        defects.append(type(d).__name__)
    return plain, htmls, files


def _usable(text: str) -> bool:
    return sum(1 for ch in text[:2000] if ch.isalpha()) >= 40


def parse_message(raw: RawMessage, caps: Caps = DEFAULT_CAPS) -> InboundEmail | QuarantinedMessage:
    """Parse one message completely. Never raises for bad input: it quarantines."""
    if raw.problem:
        return _quarantine(raw, raw.problem)
    reason = precheck(raw.data, caps)
    if reason:
        return _quarantine(raw, reason)
    try:
        return _parse(raw, caps)
    except RecursionError:
        return _quarantine(raw, "too deeply nested")
    except Exception as exc:  # the stdlib has many undocumented failure modes
        return _quarantine(raw, f"unreadable: {type(exc).__name__}")


def _parse(raw: RawMessage, caps: Caps) -> InboundEmail:
    defects: list[str] = []
    msg = _PARSER.parsebytes(raw.data)
    for field in ("from", "subject", "content-type", "date", "message-id"):
        values = msg.get_all(field) or []
        if len(values) > 1:
            defects.append(f"duplicate {field} header; the first is used")
    senders = parse_address_list(msg.get("from"), defects, "From")
    to = parse_address_list(msg.get("to"), defects, "To")
    plain, htmls, files = _walk(msg, defects)
    plain_text = "\n\n".join(plain)
    # Each HTML part stays on its own (an unclosed attribute in one part must never
    # swallow the next: the EFAIL layout); the first one is kept for display.
    html = htmls[0] if htmls else None
    if _usable(plain_text) or not htmls:
        body = plain_text
    else:
        body = "\n\n".join(html_to_text(h) for h in htmls)
    if "\x00" in body:
        body = body.replace("\x00", "")
        defects.append("body has NUL bytes (removed)")
    if len(body) > caps.max_text_chars:
        body = body[: caps.max_text_chars]
        defects.append("body text truncated")
    split = split_quotes(body)
    labels_raw = decode_value(msg.get("x-gmail-labels"), defects, "X-Gmail-Labels")
    kept = {
        h: decode_value(msg.get(h), defects, h)[:500]
        for h in _KEPT_HEADERS
        if msg.get(h) is not None
    }
    return InboundEmail(
        index=raw.index,
        origin=raw.origin,
        sha256=raw.sha256,
        size=len(raw.data),
        message_id=parse_message_id(msg.get("message-id")),
        subject=decode_value(msg.get("subject"), defects, "Subject"),
        sender=senders[0] if senders else None,
        to=to,
        date=parse_date(msg.get("date"), defects),
        text=split.body,
        quoted=split.quoted,
        signature=split.signature,
        html=html.replace("\x00", "") if html else None,
        in_reply_to=parse_message_id(msg.get("in-reply-to")),
        references=parse_references(msg.get("references"), defects),
        labels=tuple(x.strip() for x in labels_raw.split(",") if x.strip()),
        headers=kept,
        attachments=tuple(files),
        defects=tuple(dict.fromkeys(defects)),
    )


def parse_bytes(
    data: bytes, origin: str = "<bytes>", index: int = 0
) -> InboundEmail | QuarantinedMessage:
    """Convenience for one message held in memory (tests, uploads)."""
    return parse_message(RawMessage(index, origin, data))


__all__ = [
    "Caps",
    "DEFAULT_CAPS",
    "Envelope",
    "header_block",
    "parse_bytes",
    "parse_message",
    "precheck",
    "raw_sha256",
    "read_envelope",
]
