"""Email values shared by the mail adapters, the classifier and the inbox services."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Label(StrEnum):
    """What a message means for the user's own job search."""

    REJECTION = "rejection"
    INTERVIEW = "interview"
    OFFER = "offer"
    ACKNOWLEDGEMENT = "acknowledgement"
    ASSESSMENT = "assessment"
    OTHER = "other"


class Stage(StrEnum):
    """How far the application had gone when it was turned down."""

    APPLICATION = "application"
    INTERVIEW = "interview"


def raw_sha256(data: bytes) -> str:
    """Hash message bytes with line endings normalised, so the same mail from mbox,
    .eml or IMAP (CRLF) gets the same hash."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


@dataclass(frozen=True, slots=True)
class RawMessage:
    """The bytes of one message as read from a source, before any parsing.

    `index` is the 0-based position across all inputs of one run; `origin` says where
    the bytes came from (a file path, optionally with `#n` for the n-th mbox entry).
    """

    index: int
    origin: str
    data: bytes
    # Set by a source when the container itself is suspect (e.g. junk before the first
    # mbox separator); the parser quarantines such items with this reason.
    problem: str | None = None

    @property
    def sha256(self) -> str:
        return raw_sha256(self.data)


@dataclass(frozen=True, slots=True)
class Address:
    """A mailbox from a header: display name (may be empty) and the actual address."""

    name: str
    addr: str

    def __str__(self) -> str:
        if self.name and self.addr:
            return f"{self.name} <{self.addr}>"
        return self.addr or self.name

    @property
    def domain(self) -> str:
        return self.addr.rpartition("@")[2].lower() if "@" in self.addr else ""


@dataclass(frozen=True, slots=True)
class InboundEmail:
    """A parsed received message. Header values never contain CR, LF or other controls."""

    index: int
    origin: str
    sha256: str
    size: int
    message_id: str | None
    subject: str
    sender: Address | None
    to: tuple[Address, ...] = ()
    date: datetime | None = None
    text: str = ""  # the new text of the message, quotes and signature set aside
    quoted: str = ""  # earlier messages quoted in a reply
    signature: str = ""
    html: str | None = None  # the raw HTML part, for sanitised display only
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # Gmail Takeout X-Gmail-Labels
    headers: dict[str, str] = field(default_factory=dict)  # a few list/bulk headers
    attachments: tuple[str, ...] = ()  # display-safe file names
    defects: tuple[str, ...] = ()  # what had to be repaired; the message is still usable
    # False when only the headers were read because the bytes held no job-search word
    # at all (the fast path for bulk mail); text, html and attachments are then empty.
    complete: bool = True

    @property
    def from_text(self) -> str:
        return str(self.sender) if self.sender else ""


@dataclass(frozen=True, slots=True)
class QuarantinedMessage:
    """A message that could not be read safely; kept with the reason, never dropped."""

    index: int
    origin: str
    sha256: str
    size: int
    reason: str
    message_id: str | None = None
    subject: str = ""
    sender: Address | None = None
    date: datetime | None = None

    @property
    def from_text(self) -> str:
        return str(self.sender) if self.sender else ""


@dataclass(frozen=True, slots=True)
class RejectionDetails:
    """What a rejection says: a concrete reason, an open door, and the stage reached."""

    reason_given: bool
    reason: str | None
    door_open: bool
    door_phrase: str | None
    stage: Stage


@dataclass(frozen=True, slots=True)
class Classification:
    """The classifier's decision with the evidence a person can check."""

    label: Label
    confidence: float
    evidence: tuple[str, ...]
    company: str | None = None
    role: str | None = None
    rejection: RejectionDetails | None = None

    @property
    def job_related(self) -> bool:
        return self.label is not Label.OTHER
