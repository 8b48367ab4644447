"""Queries for replies sent, reminders, feedback, growth actions and the watch list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from nextround.storage.repositories import Repository
from nextround.storage.tables.core import Company
from nextround.storage.tables.respond import (
    Feedback,
    FeedbackArea,
    FollowUpReminder,
    GrowthAction,
    SentReply,
    WatchEntry,
)


class RespondRepository(Repository):
    # -- sent messages and reminders ------------------------------------------------------

    def sent(
        self, app_id: int | None = None, kinds: Sequence[str] | None = None
    ) -> list[SentReply]:
        stmt = select(SentReply).where(SentReply.owner_id == self.owner_id)
        if app_id is not None:
            stmt = stmt.where(SentReply.application_id == app_id)
        if kinds:
            stmt = stmt.where(SentReply.kind.in_(list(kinds)))
        return list(self.session.scalars(stmt.order_by(SentReply.sent_at, SentReply.id)))

    def reminders(
        self, state: str | None = "pending", due_by: date | None = None, app_id: int | None = None
    ) -> list[FollowUpReminder]:
        stmt = select(FollowUpReminder).where(FollowUpReminder.owner_id == self.owner_id)
        if state is not None:
            stmt = stmt.where(FollowUpReminder.state == state)
        if due_by is not None:
            stmt = stmt.where(FollowUpReminder.due_on <= due_by)
        if app_id is not None:
            stmt = stmt.where(FollowUpReminder.application_id == app_id)
        return list(self.session.scalars(stmt.order_by(FollowUpReminder.due_on)))

    def reminder(self, reminder_id: int) -> FollowUpReminder:
        return self._get_owned(FollowUpReminder, reminder_id, "reminder")

    # -- feedback and growth --------------------------------------------------------------

    def feedback(self, feedback_id: int) -> Feedback:
        return self._get_owned(
            Feedback, feedback_id, "feedback", hint="List feedback with `nextround feedback list`."
        )

    def feedback_list(self, app_id: int | None = None) -> list[Feedback]:
        stmt = select(Feedback).where(Feedback.owner_id == self.owner_id)
        if app_id is not None:
            stmt = stmt.where(Feedback.application_id == app_id)
        return list(self.session.scalars(stmt.order_by(Feedback.created_at, Feedback.id)))

    def areas(self, feedback_ids: Sequence[int] | None = None) -> list[FeedbackArea]:
        stmt = select(FeedbackArea).where(FeedbackArea.owner_id == self.owner_id)
        if feedback_ids is not None:
            stmt = stmt.where(FeedbackArea.feedback_id.in_(list(feedback_ids)))
        return list(self.session.scalars(stmt.order_by(FeedbackArea.id)))

    def feedback_from_message(self, message_ref: int) -> Feedback | None:
        return self.session.scalar(
            select(Feedback).where(
                Feedback.owner_id == self.owner_id, Feedback.message_ref == message_ref
            )
        )

    def actions(self, area_key: str | None = None) -> list[GrowthAction]:
        stmt = select(GrowthAction).where(GrowthAction.owner_id == self.owner_id)
        if area_key is not None:
            stmt = stmt.where(GrowthAction.area_key == area_key)
        return list(self.session.scalars(stmt.order_by(GrowthAction.id)))

    def action(self, action_id: int) -> GrowthAction:
        return self._get_owned(
            GrowthAction, action_id, "growth action", hint="See them with `nextround growth`."
        )

    # -- watch list -----------------------------------------------------------------------

    def watch_entries(self, state: str | None = "watching") -> list[tuple[WatchEntry, Company]]:
        stmt = (
            select(WatchEntry, Company)
            .join(Company, Company.id == WatchEntry.company_id)
            .where(WatchEntry.owner_id == self.owner_id, Company.owner_id == self.owner_id)
        )
        if state is not None:
            stmt = stmt.where(WatchEntry.state == state)
        rows = self.session.execute(stmt.order_by(WatchEntry.look_again_on, WatchEntry.id))
        return [(w, c) for w, c in rows]

    def watch_for_company(self, company_id: int) -> WatchEntry | None:
        return self.session.scalar(
            select(WatchEntry).where(
                WatchEntry.owner_id == self.owner_id, WatchEntry.company_id == company_id
            )
        )

    def watch_entry(self, entry_id: int) -> WatchEntry:
        return self._get_owned(
            WatchEntry, entry_id, "watch-list entry", hint="See them with `nextround watch`."
        )
