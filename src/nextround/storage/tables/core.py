"""Core tables: users, profile, companies, applications and their timeline, people, effort."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nextround.domain.applications import (
    EffortKind,
    InterviewKind,
    InterviewOutcome,
    Origin,
    Source,
    Status,
)
from nextround.storage.tables.base import Base, OwnedMixin, TimestampMixin, UTCDateTime, utcnow


def _enum(cls: type, name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        values_callable=lambda e: [m.value for m in e],
        length=32,
        validate_strings=True,
    )


class User(TimestampMixin, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="owner", nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class Profile(OwnedMixin, Base):
    __tablename__ = "profiles"
    __table_args__ = (UniqueConstraint("owner_id", name="uq_profiles_owner"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    email: Mapped[str] = mapped_column(String(320), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    linkedin_url: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    signature: Mapped[str] = mapped_column(Text, default="", nullable=False)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    target_roles: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    country: Mapped[str] = mapped_column(String(2), default="", nullable=False)
    language: Mapped[str] = mapped_column(String(8), default="en", nullable=False)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class Company(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "companies"
    __table_args__ = (UniqueConstraint("owner_id", "name", name="uq_companies_owner_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    website: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    domain: Mapped[str] = mapped_column(String(255), default="", nullable=False, index=True)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)


class Application(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "applications"
    __table_args__ = (Index("ix_applications_owner_status", "owner_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="RESTRICT"), index=True, nullable=False
    )
    role: Mapped[str] = mapped_column(String(300), nullable=False)
    location: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    url: Mapped[str] = mapped_column(String(2000), default="", nullable=False)
    source: Mapped[Source] = mapped_column(_enum(Source, "app_source"), default=Source.OTHER)
    applied_on: Mapped[date | None] = mapped_column(Date, index=True)
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    salary_currency: Mapped[str] = mapped_column(String(3), default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    status: Mapped[Status] = mapped_column(
        _enum(Status, "app_status"), default=Status.SAVED, nullable=False
    )
    status_changed_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), default=utcnow, nullable=False
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    company: Mapped[Company] = relationship(lazy="joined", innerjoin=True)
    events: Mapped[list[StatusEvent]] = relationship(
        back_populates="application",
        order_by="StatusEvent.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class StatusEvent(OwnedMixin, Base):
    """Append-only timeline of status changes; rows are never updated."""

    __tablename__ = "status_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    from_status: Mapped[Status | None] = mapped_column(_enum(Status, "event_from_status"))
    to_status: Mapped[Status] = mapped_column(_enum(Status, "event_to_status"), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    origin: Mapped[Origin] = mapped_column(_enum(Origin, "event_origin"), default=Origin.MANUAL)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)

    application: Mapped[Application] = relationship(back_populates="events")


class Note(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(40), default="manual", nullable=False)


class Contact(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    title: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    email: Mapped[str] = mapped_column(String(320), default="", nullable=False, index=True)
    phone: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    linkedin_url: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    linkedin_status: Mapped[str] = mapped_column(String(20), default="none", nullable=False)
    how_met: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)

    company: Mapped[Company | None] = relationship(lazy="joined")


class ApplicationContact(Base):
    __tablename__ = "application_contacts"
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    relation: Mapped[str] = mapped_column(String(60), default="", nullable=False)


class Interview(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "interviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    kind: Mapped[InterviewKind] = mapped_column(_enum(InterviewKind, "interview_kind"))
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    outcome: Mapped[InterviewOutcome] = mapped_column(
        _enum(InterviewOutcome, "interview_outcome"), default=InterviewOutcome.PENDING
    )
    is_final: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class InterviewContact(Base):
    __tablename__ = "interview_contacts"
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )


class Effort(OwnedMixin, TimestampMixin, Base):
    __tablename__ = "efforts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, nullable=False
    )
    kind: Mapped[EffortKind] = mapped_column(_enum(EffortKind, "effort_kind"))
    hours: Mapped[float] = mapped_column(Float, nullable=False)
    on: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
