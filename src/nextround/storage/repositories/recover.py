"""Queries for the journal, wins, plan and settings, plus read-only views of the core record."""

from __future__ import annotations

from datetime import date
from typing import cast

from sqlalchemy import Engine, delete, select

from nextround.domain.applications import Status
from nextround.errors import NotFoundError
from nextround.storage.repositories import Repository
from nextround.storage.tables.core import Application, Effort, Interview, StatusEvent
from nextround.storage.tables.recover import JournalEntry, PlanEntry, RecoverSettings, UserWin


class RecoverRepository(Repository):
    # --- journal -------------------------------------------------------------------------
    def add_entry(self, entry: JournalEntry) -> JournalEntry:
        result: JournalEntry = self.add(entry)
        return result

    def entries(self, limit: int = 20) -> list[JournalEntry]:
        stmt = (
            select(JournalEntry)
            .where(JournalEntry.owner_id == self.owner_id)
            .order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc())
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def entry(self, entry_id: int) -> JournalEntry:
        return self._get_owned(JournalEntry, entry_id, "journal entry",
                               "Run `nextround journal list` to see the ids.")

    def delete_entry(self, entry_id: int) -> None:
        self.entry(entry_id)  # raises NotFoundError for other people's ids too
        self.session.execute(
            delete(JournalEntry).where(
                JournalEntry.id == entry_id, JournalEntry.owner_id == self.owner_id
            )
        )
        self.session.flush()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (SQLite) so deleted bytes go too.

        Call after commit: a checkpoint cannot run inside a transaction, so it uses a raw
        connection from the pool in autocommit mode.
        """
        # Sessions are always made by the Database's sessionmaker, bound to its engine.
        engine = cast(Engine, self.session.get_bind())
        if engine.dialect.name != "sqlite":
            return
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()

    # --- settings ------------------------------------------------------------------------
    def settings(self) -> RecoverSettings:
        row = self.session.scalar(
            select(RecoverSettings).where(RecoverSettings.owner_id == self.owner_id)
        )
        if row is None:
            row = RecoverSettings(owner_id=self.owner_id, applications_per_week=5,
                                  practice_per_week=3, restore=[], country="", last_reply="")
            self.add(row)
        return row

    def profile_country(self) -> str:
        from nextround.storage.tables.core import Profile

        value = self.session.scalar(
            select(Profile.country).where(Profile.owner_id == self.owner_id)
        )
        return value or ""

    # --- wins ----------------------------------------------------------------------------
    def add_win(self, on: date, title: str, note: str = "") -> UserWin:
        row: UserWin = self.add(UserWin(owner_id=self.owner_id, on=on, title=title, note=note))
        return row

    def user_wins(self) -> list[UserWin]:
        stmt = select(UserWin).where(UserWin.owner_id == self.owner_id).order_by(UserWin.on.desc())
        return list(self.session.scalars(stmt))

    def delete_win(self, win_id: int) -> None:
        row = self._get_owned(UserWin, win_id, "win", "Run `nextround wins --json` to see ids.")
        self.delete(row)

    # --- plan ----------------------------------------------------------------------------
    def replace_plan(self, rows: list[PlanEntry]) -> None:
        self.session.execute(delete(PlanEntry).where(PlanEntry.owner_id == self.owner_id))
        for row in rows:
            row.owner_id = self.owner_id
            self.session.add(row)
        self.session.flush()

    def plan(self) -> list[PlanEntry]:
        stmt = (
            select(PlanEntry)
            .where(PlanEntry.owner_id == self.owner_id)
            .order_by(PlanEntry.starts_at, PlanEntry.id)
        )
        return list(self.session.scalars(stmt))

    def plan_entry(self, entry_id: int) -> PlanEntry:
        row = self.session.scalar(
            select(PlanEntry).where(PlanEntry.id == entry_id, PlanEntry.owner_id == self.owner_id)
        )
        if row is None:
            raise NotFoundError(f"No plan item with id {entry_id}.", "Run `nextround plan`.")
        return row

    # --- the record, read-only -----------------------------------------------------------
    def applications(self) -> list[tuple[Application, str]]:
        stmt = (
            select(Application)
            .where(Application.owner_id == self.owner_id)
            .order_by(Application.id)
        )
        # Application.company is loaded by the same query (a joined relationship).
        return [(app, app.company.name) for app in self.session.scalars(stmt).unique()]

    def status_events(self, to_status: Status | None = None) -> list[StatusEvent]:
        stmt = (
            select(StatusEvent)
            .where(StatusEvent.owner_id == self.owner_id)
            .order_by(StatusEvent.at, StatusEvent.id)
        )
        if to_status is not None:
            stmt = stmt.where(StatusEvent.to_status == to_status)
        return list(self.session.scalars(stmt))

    def interviews(self) -> list[Interview]:
        stmt = (
            select(Interview)
            .where(Interview.owner_id == self.owner_id)
            .order_by(Interview.scheduled_at, Interview.id)
        )
        return list(self.session.scalars(stmt))

    def efforts(self) -> list[Effort]:
        stmt = select(Effort).where(Effort.owner_id == self.owner_id)
        return list(self.session.scalars(stmt))
