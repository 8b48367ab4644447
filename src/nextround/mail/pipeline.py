"""Read, parse and classify mail from any PATH as one stream (used by classify and import)."""

from __future__ import annotations

import re
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
# enough not to turn up by chance inside base64 attachments.
_JOB_STEMS = re.compile(
    rb"applica|candida|intervie|recrui|recrut|hiring|positio|poste|resume|r\xc3\xa9sum|"
    rb"entretien|assessm|offer|career|talent|emploi|opportun|vacanc|hackerrank|codility|"
    rb"codesignal|challenge|embauche|onboard"
)
_SCAN_BYTES = 96 * 1024
# Text parts in base64 hide their words from a byte scan: such messages are parsed.
_B64_TEXT = re.compile(
    rb"content-type:[ \t]*text/[^\n]*\n(?:[ \t][^\n]*\n|[!-9;-~]+:[^\n]*\n){0,12}?"
    rb"content-transfer-encoding:[ \t]*base64"
    rb"|content-transfer-encoding:[ \t]*base64[^\n]*\n(?:[ \t][^\n]*\n|[!-9;-~]+:[^\n]*\n){0,12}?"
    rb"content-type:[ \t]*text/"
)


def may_be_job_mail(data: bytes) -> bool:
    """A cheap test on raw bytes: False only when the message surely has no job word."""
    head = data[:_SCAN_BYTES].lower()
    if b"=\n" in head or b"=\r\n" in head:  # quoted-printable soft breaks split words
        head = head.replace(b"=\r\n", b"").replace(b"=\n", b"")
    if _JOB_STEMS.search(head):
        return True
    return b"base64" in head and _B64_TEXT.search(head) is not None


def quarantined_result(item: QuarantinedMessage) -> Classification:
    return Classification(Label.OTHER, 1.0, (f"quarantined: {item.reason}",))


_NOT_JOB = Classification(Label.OTHER, 0.97, ("no job-search wording in the message",))


def _headers_only(raw: RawMessage) -> InboundEmail:
    env = read_envelope(raw.data)
    return InboundEmail(
        index=raw.index,
        origin=raw.origin,
        sha256=raw.sha256,
        size=len(raw.data),
        message_id=env.message_id,
        subject=env.subject,
        sender=env.sender,
        date=env.date,  # type: ignore[arg-type]
        labels=env.labels,
        defects=env.defects,
        complete=False,
    )


def classify_raw(
    raw: RawMessage, caps: Caps = DEFAULT_CAPS, parse_all: bool = False
) -> tuple[InboundEmail | QuarantinedMessage, Classification]:
    """Parse (fully only when needed) and classify one raw message; never raises."""
    if raw.problem is None and not parse_all:
        reason = precheck(raw.data, caps)
        if reason is None and not may_be_job_mail(raw.data):
            return _headers_only(raw), _NOT_JOB
    parsed = parse_message(raw, caps)
    if isinstance(parsed, QuarantinedMessage):
        return parsed, quarantined_result(parsed)
    try:
        return parsed, classify_email(parsed)
    except RecursionError:  # pathological text; keep the message, flag it
        return parsed, Classification(Label.OTHER, 0.5, ("could not be classified",))


def iter_classified(
    paths: Iterable[Path | str], caps: Caps = DEFAULT_CAPS, parse_all: bool = False
) -> Iterator[tuple[InboundEmail | QuarantinedMessage, Classification]]:
    """Every message of every PATH, in input order, with its classification.

    Messages without any job-search word are only header-parsed (`complete=False`)
    unless `parse_all` is set. Raises NotFoundError before reading if a PATH is missing.
    """
    for raw in iter_raw(paths):
        yield classify_raw(raw, caps, parse_all)
