"""Inbox tables: seen-message hashes, stored job emails, quarantine, review queue, sync state."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextround.storage.tables.base import Base, OwnedMixin, TimestampMixin, UTCDateTime, utcnow


class SeenMessage(OwnedMixin, Base):
    """Every message ever imported, job-related or not: only hashes, for dedupe."""

    __tablename__ = "inbox_seen"
    __table_args__ = (
        UniqueConstraint("owner_id", "sha256", name="uq_inbox_seen_owner_sha256"),
        Index("ix_inbox_seen_owner_message_id", "owner_id", "message_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    message_id: Mapped[str | None] = mapped_column(String(255))
    job: Mapped[bool] = mapped_column(default=False, nullable=False)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class StoredMessage(OwnedMixin, TimestampMixin, Base):
    """A job-related email, kept whole and linked to its application when known."""

    __tablename__ = "inbox_messages"
    __table_args__ = (
        UniqueConstraint("owner_id", "sha256", name="uq_inbox_messages_owner_sha256"),
        Index("ix_inbox_messages_owner_message_id", "owner_id", "message_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    # The review proposal this email belongs to (several emails may share one).
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbox_proposals.id", ondelete="SET NULL"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    message_id: Mapped[str | None] = mapped_column(String(255))
    origin: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    subject: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    sender: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    sender_addr: Mapped[str] = mapped_column(String(320), default="", nullable=False)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    label: Mapped[str] = mapped_column(String(32), nullable=False)
    confidence: Mapped[float] = mapped_column(Float, default=0.0, nullable=False)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    company: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    role: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    rejection: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    html: Mapped[str | None] = mapped_column(Text)
    in_reply_to: Mapped[str | None] = mapped_column(String(255))
    references: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    defects: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    attachments: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    match_evidence: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    # The original bytes, base64-encoded so that every backup format can carry them.
    raw_base64: Mapped[str | None] = mapped_column(Text)

    @property
    def raw(self) -> bytes | None:
        return None if self.raw_base64 is None else base64.b64decode(self.raw_base64)


class QuarantinedItem(OwnedMixin, TimestampMixin, Base):
    """A message that could not be read safely: the reason and (if not huge) its bytes."""

    __tablename__ = "inbox_quarantine"
    __table_args__ = (
        UniqueConstraint("owner_id", "sha256", name="uq_inbox_quarantine_owner_sha256"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    origin: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    reason: Mapped[str] = mapped_column(String(500), nullable=False)
    size: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    subject: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    sender: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    raw_base64: Mapped[str | None] = mapped_column(Text)

    @property
    def raw(self) -> bytes | None:
        return None if self.raw_base64 is None else base64.b64decode(self.raw_base64)


class Proposal(OwnedMixin, TimestampMixin, Base):
    """One proposed change waiting for the user: a status, a new application or a new round."""

    __tablename__ = "inbox_proposals"
    __table_args__ = (Index("ix_inbox_proposals_owner_state", "owner_id", "state"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    state: Mapped[str] = mapped_column(String(16), default="pending", nullable=False)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str | None] = mapped_column(String(32))
    round_kind: Mapped[str | None] = mapped_column(String(32))
    company: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    role: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    label: Mapped[str] = mapped_column(String(32), default="", nullable=False)
    confidence: Mapped[float] = mapped_column(Float, default=0.0, nullable=False)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    sender_key: Mapped[str] = mapped_column(String(400), default="", nullable=False)
    result_application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LearnedSender(OwnedMixin, TimestampMixin, Base):
    """A user's correction, remembered: mail from this sender is about this company."""

    __tablename__ = "inbox_learned"
    __table_args__ = (
        UniqueConstraint("owner_id", "sender_key", name="uq_inbox_learned_owner_sender_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sender_key: Mapped[str] = mapped_column(String(400), nullable=False)
    company: Mapped[str] = mapped_column(String(300), nullable=False)


class ThreadMark(OwnedMixin, TimestampMixin, Base):
    """A Message-ID the app sent (or a follow-up the user made) for an application."""

    __tablename__ = "inbox_threads"
    __table_args__ = (Index("ix_inbox_threads_owner_message_id", "owner_id", "message_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    message_id: Mapped[str | None] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16), default="sent", nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class SyncState(OwnedMixin, Base):
    """How far an IMAP folder was imported: written in the same transaction as its messages."""

    __tablename__ = "inbox_sync_state"
    __table_args__ = (
        UniqueConstraint("owner_id", "account", name="uq_inbox_sync_state_owner_account"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(600), nullable=False)
    # UIDs and UIDVALIDITY are unsigned 32-bit numbers: too big for a signed INTEGER.
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
