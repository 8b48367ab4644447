"""Read, parse and classify mail from any PATH as one stream (used by classify and import)."""

from __future__ import annotations

import binascii
from collections.abc import Iterable, Iterator
from pathlib import Path

from nextround.domain.classify import classify_email
from nextround.domain.emails import (
    Classification,
    InboundEmail,
    Label,
    QuarantinedMessage,
    RawMessage,
)
from nextround.mail.parse import DEFAULT_CAPS, Caps, parse_message, precheck, read_envelope
from nextround.mail.sources import iter_raw

# Word stems that every job-search message we know of contains at least one of, long
# enough not to turn up by chance inside base64 attachments. Plain `in` tests on
# lowercased bytes are several times faster than one regular expression here.
_JOB_STEMS = (
    b"applica",
    b"positio",
    b"candida",
    b"intervie",
    b"offer",
    b"recru",
    b"poste",
    b"entretien",
    b"assessm",
    b" role",
    b"bewerb",
    b"entrevist",
)
_QP_RETRY_BYTES = 12 * 1024
_SCAN_BYTES = 64 * 1024
_B64 = b"content-transfer-encoding: base64"


def _base64_texts(raw: bytes, head: bytes) -> list[bytes]:
    """Decoded base64 text parts (their words are invisible to a byte scan).

    `head` is `raw` lowercased (same offsets); the part headers around each base64
    declaration, up to a blank line, must name a text type (or no type at all).
    """
    found: list[bytes] = []
    at = head.find(_B64)
    while at != -1:
        start = max(head.rfind(b"\n\n", 0, at), head.rfind(b"\n--", 0, at), 0)
        body_start = head.find(b"\n\n", at)
        if body_start == -1:
            break
        part_headers = head[start:body_start]
        body_end = head.find(b"\n--", body_start)
        body_end = len(head) if body_end == -1 else body_end
        if b"content-type: text/" in part_headers or b"content-type:" not in part_headers:
            try:
                found.append(binascii.a2b_base64(raw[body_start:body_end]).lower())
            except (binascii.Error, ValueError):
                found.append(b"applica")  # undecodable: let the full parser judge it
        at = head.find(_B64, body_end)
    return found


def _strip_base64(head: bytes) -> bytes:
    """Drop base64 bodies (attachments) so that only text is scanned."""
    pieces: list[bytes] = []
    pos = 0
    at = head.find(_B64)
    while at != -1:
        body_start = head.find(b"\n\n", at)
        if body_start == -1:
            break
        body_end = head.find(b"\n--", body_start)
        body_end = len(head) if body_end == -1 else body_end
        pieces.append(head[pos:body_start])
        pos = body_end
        at = head.find(_B64, body_end)
    pieces.append(head[pos:])
    return b"".join(pieces)


def _has_stem(head: bytes) -> bool:
    for stem in _JOB_STEMS:
        if stem in head:
            # MIME words ("application/pdf", "Content-Disposition") are not job words.
            if stem == b"applica" and head.count(stem) == head.count(b"application/"):
                continue
            if stem == b"positio" and head.count(stem) == head.count(b"dispositio"):
                continue
            return True
    return False


def _without_headers(head: bytes) -> bytes:
    """Subject and From lines plus the body: Received, DKIM and ARC headers (often
    several kilobytes) say nothing about a job and only cost time."""
    end = head.find(b"\n\n")
    if end == -1:
        return head
    keep = [head[end:]]
    for name in (b"\nsubject:", b"\nfrom:"):
        at = head.find(name, 0, end)
        if at == -1 and head.startswith(name[1:]):
            at = 0
        if at != -1:
            line_end = head.find(b"\n", at + 1)
            keep.append(head[at : line_end if line_end != -1 else end])
    return b"".join(keep)


def may_be_job_mail(data: bytes, lowered: bytes | None = None) -> bool:
    """A cheap test on raw bytes: False only when the message surely has no job word.

    `lowered` may pass `data.lower()` when the caller has it already.
    """
    raw = data[:_SCAN_BYTES]
    head = lowered[:_SCAN_BYTES] if lowered is not None else raw.lower()
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n")
        head = head.replace(b"\r\n", b"\n")
    if b"base64" in head:
        if any(_has_stem(text) for text in _base64_texts(raw, head)):
            return True
        head = _strip_base64(head)
    if b"multipart/alternative" in head:
        # The HTML alternative repeats the plain text: scanning the plain part suffices.
        plain = head.find(b"content-type: text/plain")
        end = head.find(b"\n--", plain) if plain != -1 else -1
        if end != -1:
            head = head[: head.find(b"\n\n") + 1] + head[plain:end]
    head = _without_headers(head)
    if _has_stem(head):
        return True
    # Quoted-printable soft breaks can split a word; job mail says what it is early.
    if b"=\n" in head:
        return _has_stem(head[:_QP_RETRY_BYTES].replace(b"=\n", b""))
    return False


def _has_job_word(email: InboundEmail) -> bool:
    """The byte test again on decoded text (base64 parts, encoded subjects)."""
    text = f"{email.subject}\n{email.text[:_SCAN_BYTES]}\n{email.quoted[:5000]}".lower()
    encoded = text.encode("utf-8", "replace")
    return any(stem in encoded for stem in _JOB_STEMS) or "candidature" in text


def quarantined_result(item: QuarantinedMessage) -> Classification:
    return Classification(Label.OTHER, 1.0, (f"quarantined: {item.reason}",))


_NOT_JOB = Classification(Label.OTHER, 0.97, ("no job-search wording in the message",))


def _headers_only(raw: RawMessage, hashes: bool) -> InboundEmail:
    env = read_envelope(raw.data)
    return InboundEmail(
        index=raw.index,
        origin=raw.origin,
        sha256=raw.sha256 if hashes else "",
        size=len(raw.data),
        message_id=env.message_id,
        subject=env.subject,
        sender=env.sender,
        date=env.date,
        labels=env.labels,
        defects=env.defects,
        complete=False,
    )


def classify_raw(
    raw: RawMessage, caps: Caps = DEFAULT_CAPS, parse_all: bool = False, hashes: bool = True
) -> tuple[InboundEmail | QuarantinedMessage, Classification]:
    """Parse (fully only when needed) and classify one raw message; never raises.

    `hashes=False` skips hashing mail that is only header-read (its `sha256` is then "").
    """
    if raw.problem is None and not parse_all:
        # The full cap check runs for every message, so hostile input is quarantined
        # the same way whether or not it mentions a job.
        lowered = raw.data.lower()
        if precheck(raw.data, caps, lowered) is None and not may_be_job_mail(raw.data, lowered):
            return _headers_only(raw, hashes), _NOT_JOB
    parsed = parse_message(raw, caps)
    if isinstance(parsed, QuarantinedMessage):
        return parsed, quarantined_result(parsed)
    if not parse_all and not _has_job_word(parsed):
        return parsed, _NOT_JOB
    try:
        return parsed, classify_email(parsed)
    except RecursionError:  # pathological text; keep the message, flag it
        return parsed, Classification(Label.OTHER, 0.5, ("could not be classified",))


def iter_classified(
    paths: Iterable[Path | str],
    caps: Caps = DEFAULT_CAPS,
    parse_all: bool = False,
    hashes: bool = True,
) -> Iterator[tuple[InboundEmail | QuarantinedMessage, Classification]]:
    """Every message of every PATH, in input order, with its classification.

    Messages without any job-search word are only header-parsed (`complete=False`)
    unless `parse_all` is set. Raises NotFoundError before reading if a PATH is missing.
    """
    for raw in iter_raw(paths):
        yield classify_raw(raw, caps, parse_all, hashes)
