"""Respond tables: replies sent, follow-up reminders, feedback and its growth areas, watch list."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nextround.storage.tables.base import Base, OwnedMixin, TimestampMixin, UTCDateTime, utcnow


class SentReply(OwnedMixin, TimestampMixin, Base):
    """A message the user sent (or saved to send) about an application."""

    __tablename__ = "respond_sent"
    __table_args__ = (Index("ix_respond_sent_owner_app", "owner_id", "application_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), nullable=False
    )
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    channel: Mapped[str] = mapped_column(String(20), default="smtp", nullable=False)
    subject: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    to_addr: Mapped[str] = mapped_column(String(320), default="", nullable=False)
    message_id: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(8), default="en", nullable=False)
    parts: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class FollowUpReminder(OwnedMixin, TimestampMixin, Base):
    """A gentle nudge to follow up if nothing comes back after a sent message."""

    __tablename__ = "respond_reminders"
    __table_args__ = (Index("ix_respond_reminders_owner_state", "owner_id", "state"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    sent_id: Mapped[int | None] = mapped_column(
        ForeignKey("respond_sent.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    state: Mapped[str] = mapped_column(String(16), default="pending", nullable=False)


class Feedback(OwnedMixin, TimestampMixin, Base):
    """Feedback received about an application, pasted or found in an email."""

    __tablename__ = "respond_feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(16), default="pasted", nullable=False)
    # The stored inbox email it came from, when it came by email; no key across areas.
    message_ref: Mapped[int | None] = mapped_column(Integer)
    received_on: Mapped[date | None] = mapped_column(Date)


class FeedbackArea(OwnedMixin, Base):
    """One growth area named in a piece of feedback, with the quote it came from."""

    __tablename__ = "respond_feedback_areas"
    __table_args__ = (Index("ix_respond_feedback_areas_owner_key", "owner_id", "area_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("respond_feedback.id", ondelete="CASCADE"), index=True, nullable=False
    )
    area_key: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(20), nullable=False)
    label: Mapped[str] = mapped_column(String(300), nullable=False)
    quote: Mapped[str] = mapped_column(Text, default="", nullable=False)


class GrowthAction(OwnedMixin, TimestampMixin, Base):
    """Something the user does about a growth area: a course, a project, practice."""

    __tablename__ = "respond_growth_actions"
    __table_args__ = (Index("ix_respond_growth_actions_owner_key", "owner_id", "area_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_key: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    status: Mapped[str] = mapped_column(String(16), default="todo", nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class WatchEntry(OwnedMixin, TimestampMixin, Base):
    """A company that left the door open: look at its openings again on a given day."""

    __tablename__ = "respond_watch"
    __table_args__ = (
        UniqueConstraint("owner_id", "company_id", name="uq_respond_watch_owner_company"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True, nullable=False
    )
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    look_again_on: Mapped[date] = mapped_column(Date, nullable=False)
    state: Mapped[str] = mapped_column(String(16), default="watching", nullable=False)
    reason: Mapped[str] = mapped_column(String(300), default="", nullable=False)
