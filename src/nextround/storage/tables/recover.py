"""Recover tables: private journal entries, user wins, plan items and preferences."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nextround.storage.tables.base import Base, OwnedMixin, TimestampMixin


class JournalEntry(OwnedMixin, TimestampMixin, Base):
    """Private: never exported for mentors, never shared, never logged."""

    __tablename__ = "recover_journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mood: Mapped[int | None] = mapped_column(Integer)
    emotions: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    label: Mapped[str] = mapped_column(String(16), default="neutral", nullable=False)
    # distortions, spans and the wording id of the reply shown
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)


class UserWin(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "recover_wins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on: Mapped[date] = mapped_column(Date, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class PlanEntry(OwnedMixin, TimestampMixin, Base):
    """One slot of the current bounce-back plan, in the user's local (floating) time."""

    __tablename__ = "recover_plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    detail: Mapped[str] = mapped_column(Text, default="", nullable=False)
    ref: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    done: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class RecoverSettings(OwnedMixin, Base):
    __tablename__ = "recover_settings"
    __table_args__ = (UniqueConstraint("owner_id", name="uq_recover_settings_owner"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    applications_per_week: Mapped[int] = mapped_column(Integer, default=5, nullable=False)
    practice_per_week: Mapped[int] = mapped_column(Integer, default=3, nullable=False)
    restore: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    country: Mapped[str] = mapped_column(String(2), default="", nullable=False)
    last_reply: Mapped[str] = mapped_column(String(120), default="", nullable=False)
