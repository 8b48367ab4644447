"""Queries over applications, their timeline, interview rounds and effort."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from nextround.domain.applications import Status
from nextround.storage.repositories import Repository
from nextround.storage.tables.core import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    Effort,
    Interview,
    InterviewContact,
    Note,
    StatusEvent,
)

SORTS: dict[str, tuple[Any, ...]] = {
    "applied": (Application.applied_on.desc().nulls_last(), Application.id.desc()),
    "applied_asc": (Application.applied_on.asc().nulls_last(), Application.id.asc()),
    "updated": (Application.updated_at.desc(), Application.id.desc()),
    "company": (func.lower(Company.name).asc(), Application.id.asc()),
    "status": (Application.status.asc(), Application.id.desc()),
    "role": (func.lower(Application.role).asc(), Application.id.asc()),
}


class ApplicationRepository(Repository):
    def get(self, app_id: int) -> Application:
        return self._get_owned(
            Application, app_id, "application", "Run `nextround app list` to see the ids."
        )

    def _filtered(
        self, status: Sequence[Status] | None, query: str | None
    ) -> Select[Any]:
        stmt = (
            select(Application)
            .join(Application.company)
            .where(Application.owner_id == self.owner_id)
        )
        if status:
            stmt = stmt.where(Application.status.in_(list(status)))
        if query:
            like = f"%{query.strip().lower()}%"
            stmt = stmt.where(
                or_(
                    func.lower(Company.name).like(like),
                    func.lower(Application.role).like(like),
                    func.lower(Application.location).like(like),
                )
            )
        return stmt

    def list(
        self,
        status: Sequence[Status] | None = None,
        query: str | None = None,
        sort: str = "applied",
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[Application]:
        stmt = self._filtered(status, query).order_by(*SORTS.get(sort, SORTS["applied"]))
        if limit is not None:
            stmt = stmt.limit(limit).offset(offset)
        return list(self.session.scalars(stmt).unique())

    def count(self, status: Sequence[Status] | None = None, query: str | None = None) -> int:
        stmt = self._filtered(status, query).with_only_columns(func.count(Application.id))
        return int(self.session.scalar(stmt) or 0)

    def counts_by_status(self) -> dict[Status, int]:
        rows = self.session.execute(
            select(Application.status, func.count())
            .where(Application.owner_id == self.owner_id)
            .group_by(Application.status)
        )
        return {Status(s): int(n) for s, n in rows}

    def recent_events(self, limit: int = 10) -> builtins.list[StatusEvent]:
        stmt = (
            select(StatusEvent)
            .where(StatusEvent.owner_id == self.owner_id)
            .options(selectinload(StatusEvent.application))
            .order_by(StatusEvent.at.desc(), StatusEvent.id.desc())
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def events(self, app_id: int) -> builtins.list[StatusEvent]:
        stmt = (
            select(StatusEvent)
            .where(StatusEvent.application_id == app_id, StatusEvent.owner_id == self.owner_id)
            .order_by(StatusEvent.at, StatusEvent.id)
        )
        return list(self.session.scalars(stmt))

    def add_event(
        self, app: Application, old: Status | None, new: Status, at: datetime, origin: str,
        note: str = "",
    ) -> StatusEvent:
        event = StatusEvent(
            owner_id=self.owner_id, application_id=app.id, from_status=old, to_status=new,
            at=at, origin=origin, note=note,
        )
        return self.add(event)

    def notes(self, app_id: int) -> builtins.list[Note]:
        stmt = (
            select(Note)
            .where(Note.application_id == app_id, Note.owner_id == self.owner_id)
            .order_by(Note.created_at.desc(), Note.id.desc())
        )
        return list(self.session.scalars(stmt))

    def contacts(self, app_id: int) -> builtins.list[tuple[Contact, str]]:
        stmt = (
            select(Contact, ApplicationContact.relation)
            .join(ApplicationContact, ApplicationContact.contact_id == Contact.id)
            .where(ApplicationContact.application_id == app_id, Contact.owner_id == self.owner_id)
            .order_by(Contact.name)
        )
        return [(c, r) for c, r in self.session.execute(stmt)]

    def link_contact(self, app_id: int, contact_id: int, relation: str = "") -> None:
        exists = self.session.get(ApplicationContact, (app_id, contact_id))
        if exists is None:
            self.session.add(
                ApplicationContact(application_id=app_id, contact_id=contact_id, relation=relation)
            )
            self.session.flush()

    def for_company(self, company_id: int) -> builtins.list[Application]:
        stmt = select(Application).where(
            Application.owner_id == self.owner_id, Application.company_id == company_id
        )
        return list(self.session.scalars(stmt).unique())

    def all(self) -> builtins.list[Application]:
        stmt = select(Application).where(Application.owner_id == self.owner_id).order_by(
            Application.id
        )
        return list(self.session.scalars(stmt).unique())


class InterviewRepository(Repository):
    def get(self, interview_id: int) -> Interview:
        return self._get_owned(
            Interview, interview_id, "interview round", "Run `nextround interview list`."
        )

    def list(self, app_id: int | None = None, upcoming_after: datetime | None = None,
             limit: int | None = None) -> builtins.list[Interview]:
        stmt = select(Interview).where(Interview.owner_id == self.owner_id)
        if app_id is not None:
            stmt = stmt.where(Interview.application_id == app_id)
        if upcoming_after is not None:
            stmt = stmt.where(Interview.scheduled_at >= upcoming_after)
        stmt = stmt.order_by(Interview.scheduled_at.asc().nulls_last(), Interview.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def interviewers(self, interview_id: int) -> builtins.list[Contact]:
        stmt = (
            select(Contact)
            .join(InterviewContact, InterviewContact.contact_id == Contact.id)
            .where(InterviewContact.interview_id == interview_id)
            .order_by(Contact.name)
        )
        return list(self.session.scalars(stmt))

    def set_interviewers(self, interview_id: int, contact_ids: Sequence[int]) -> None:
        existing = {
            r.contact_id
            for r in self.session.scalars(
                select(InterviewContact).where(InterviewContact.interview_id == interview_id)
            )
        }
        for cid in contact_ids:
            if cid not in existing:
                self.session.add(InterviewContact(interview_id=interview_id, contact_id=cid))
        self.session.flush()

    def count_by_application(self, app_ids: Sequence[int] | None = None) -> dict[int, int]:
        stmt = select(Interview.application_id, func.count()).where(
            Interview.owner_id == self.owner_id
        )
        if app_ids is not None:
            stmt = stmt.where(Interview.application_id.in_(list(app_ids)))
        rows = self.session.execute(stmt.group_by(Interview.application_id))
        return {int(a): int(n) for a, n in rows}

    def applications_reached(self) -> int:
        """How many applications got at least one interview round."""
        stmt = select(func.count(func.distinct(Interview.application_id))).where(
            Interview.owner_id == self.owner_id
        )
        return int(self.session.scalar(stmt) or 0)


class EffortRepository(Repository):
    def list(self, app_id: int | None = None) -> builtins.list[Effort]:
        stmt = select(Effort).where(Effort.owner_id == self.owner_id)
        if app_id is not None:
            stmt = stmt.where(Effort.application_id == app_id)
        return list(self.session.scalars(stmt.order_by(Effort.on.desc(), Effort.id.desc())))

    def total_hours(self, app_id: int | None = None) -> float:
        stmt = select(func.coalesce(func.sum(Effort.hours), 0.0)).where(
            Effort.owner_id == self.owner_id
        )
        if app_id is not None:
            stmt = stmt.where(Effort.application_id == app_id)
        return float(self.session.scalar(stmt) or 0.0)

    def hours_by_kind(self, app_id: int | None = None) -> dict[str, float]:
        stmt = select(Effort.kind, func.sum(Effort.hours)).where(Effort.owner_id == self.owner_id)
        if app_id is not None:
            stmt = stmt.where(Effort.application_id == app_id)
        rows = self.session.execute(stmt.group_by(Effort.kind))
        return {k.value if hasattr(k, "value") else str(k): float(h) for k, h in rows}
