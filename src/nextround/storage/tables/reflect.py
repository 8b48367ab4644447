"""Reflect tables: debriefs, the questions asked, STAR stories, practice cards, fit, notes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nextround.storage.tables.base import Base, OwnedMixin, TimestampMixin, UTCDateTime, utcnow


class Debrief(OwnedMixin, TimestampMixin, Base):
    """What the user noted after one interview round; every field may stay empty for now."""

    __tablename__ = "debriefs"
    __table_args__ = (UniqueConstraint("owner_id", "interview_id", name="uq_debriefs_round"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True, nullable=False
    )
    went_well: Mapped[str] = mapped_column(Text, default="", nullable=False)
    do_differently: Mapped[str] = mapped_column(Text, default="", nullable=False)
    interviewers: Mapped[str] = mapped_column(Text, default="", nullable=False)
    cared_about: Mapped[str] = mapped_column(Text, default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class AskedQuestion(OwnedMixin, TimestampMixin, Base):
    """One question asked in a round, and where grouping put it."""

    __tablename__ = "asked_questions"
    __table_args__ = (Index("ix_asked_questions_owner_group", "owner_id", "group_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debrief_id: Mapped[int] = mapped_column(
        ForeignKey("debriefs.id", ondelete="CASCADE"), index=True, nullable=False
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    difficulty: Mapped[int | None] = mapped_column(Integer)
    answer_quality: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    # canonical bank id, or "own:<id>" for a question outside the bank (the id of its first row)
    group_key: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    canonical_id: Mapped[str | None] = mapped_column(String(120))
    # auto | suggest | new | confirmed | split: confirmed rows teach the bank
    match: Mapped[str] = mapped_column(String(16), default="new", nullable=False)
    match_score: Mapped[float] = mapped_column(Float, default=0.0, nullable=False)
    asked_on: Mapped[date | None] = mapped_column(Date)


class Story(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    situation: Mapped[str] = mapped_column(Text, default="", nullable=False)
    task: Mapped[str] = mapped_column(Text, default="", nullable=False)
    action: Mapped[str] = mapped_column(Text, default="", nullable=False)
    result: Mapped[str] = mapped_column(Text, default="", nullable=False)
    learned: Mapped[str] = mapped_column(Text, default="", nullable=False)
    numbers: Mapped[str] = mapped_column(Text, default="", nullable=False)
    competencies: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    # question keys (canonical ids or "own:<id>") this story answers
    questions: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class PracticeCard(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "practice_cards"
    __table_args__ = (UniqueConstraint("owner_id", "question_key", name="uq_practice_cards_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_key: Mapped[str] = mapped_column(String(120), nullable=False)
    question: Mapped[str] = mapped_column(Text, nullable=False)
    card: Mapped[str] = mapped_column(Text, nullable=False)  # FSRS card as JSON
    due: Mapped[datetime] = mapped_column(UTCDateTime(), index=True, nullable=False)


class PracticeReview(OwnedMixin, Base):
    __tablename__ = "practice_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("practice_cards.id", ondelete="CASCADE"), index=True, nullable=False
    )
    grade: Mapped[str] = mapped_column(String(8), nullable=False)
    answer: Mapped[str] = mapped_column(Text, default="", nullable=False)
    seconds: Mapped[int | None] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class FitAssessment(OwnedMixin, TimestampMixin, Base):
    """The user's view of one company: scores per value, red flags with notes."""

    __tablename__ = "fit_assessments"
    __table_args__ = (UniqueConstraint("owner_id", "application_id", name="uq_fit_app"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    notes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    flags: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class ReflectionNote(OwnedMixin, TimestampMixin, Base):
    """Feedback a mentor or peer gave on a shared reflection, kept with its source."""

    __tablename__ = "reflection_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(200), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class FitWeights(OwnedMixin, Base):
    """What matters to the user in a job, set once: value key -> weight 0-5."""

    __tablename__ = "fit_weights"
    __table_args__ = (UniqueConstraint("owner_id", name="uq_fit_weights_owner"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
