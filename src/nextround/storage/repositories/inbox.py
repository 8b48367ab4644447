"""Queries for the inbox: dedupe lookups, stored job emails, the review queue and sync state."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select

from nextround.storage.repositories import Repository
from nextround.storage.tables.inbox import (
    LearnedSender,
    Proposal,
    QuarantinedItem,
    SeenMessage,
    StoredMessage,
    SyncState,
    ThreadMark,
)

# Well under every backend's limit on bound parameters in one statement.
_IN_CHUNK = 900


def _chunks(values: Sequence[str], size: int = _IN_CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


class InboxRepository(Repository):
    # -- dedupe -----------------------------------------------------------------------------

    def seen(self, hashes: Sequence[str], message_ids: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these raw hashes and Message-IDs were imported before."""
        got_hashes: set[str] = set()
        got_ids: set[str] = set()
        for part in _chunks(list(dict.fromkeys(hashes))):
            got_hashes.update(
                self.session.scalars(
                    select(SeenMessage.sha256).where(
                        SeenMessage.owner_id == self.owner_id, SeenMessage.sha256.in_(part)
                    )
                )
            )
        for part in _chunks(list(dict.fromkeys(message_ids))):
            got_ids.update(
                m
                for m in self.session.scalars(
                    select(SeenMessage.message_id).where(
                        SeenMessage.owner_id == self.owner_id, SeenMessage.message_id.in_(part)
                    )
                )
                if m
            )
        return got_hashes, got_ids

    def mark_seen(self, rows: Sequence[dict[str, Any]]) -> None:
        """Record hashes in one statement (rows: sha256, message_id, job, seen_at)."""
        if rows:
            # Core insert: thousands of rows per chunk, no ORM objects needed.
            self.session.execute(
                insert(cast(Table, SeenMessage.__table__)),
                [{**r, "owner_id": self.owner_id} for r in rows],
            )

    def stage(self, row: Any) -> Any:
        """Add a row without flushing; it is written with the next flush or commit."""
        self.session.add(row)
        return row

    def seen_count(self) -> int:
        stmt = select(func.count(SeenMessage.id)).where(SeenMessage.owner_id == self.owner_id)
        return int(self.session.scalar(stmt) or 0)

    # -- messages ---------------------------------------------------------------------------

    def message(self, message_id: int) -> StoredMessage:
        return self._get_owned(
            StoredMessage, message_id, "stored email", "Run `nextround review` to see them."
        )

    def messages(
        self, application_id: int | None = None, limit: int = 200, offset: int = 0
    ) -> list[StoredMessage]:
        stmt = select(StoredMessage).where(StoredMessage.owner_id == self.owner_id)
        if application_id is not None:
            stmt = stmt.where(StoredMessage.application_id == application_id)
        stmt = stmt.order_by(StoredMessage.sent_at.desc().nulls_last(), StoredMessage.id.desc())
        return list(self.session.scalars(stmt.limit(limit).offset(offset)))

    def message_count(self) -> int:
        stmt = select(func.count(StoredMessage.id)).where(StoredMessage.owner_id == self.owner_id)
        return int(self.session.scalar(stmt) or 0)

    def thread_index(self) -> dict[str, int]:
        """Message-ID -> application, for every mail the app sent or stored with an application."""
        index: dict[str, int] = {}
        rows = self.session.execute(
            select(StoredMessage.message_id, StoredMessage.application_id).where(
                StoredMessage.owner_id == self.owner_id,
                StoredMessage.application_id.is_not(None),
                StoredMessage.message_id.is_not(None),
            )
        )
        for mid, app_id in rows:
            if app_id is not None:
                index[str(mid)] = int(app_id)
        marks = self.session.execute(
            select(ThreadMark.message_id, ThreadMark.application_id).where(
                ThreadMark.owner_id == self.owner_id, ThreadMark.message_id.is_not(None)
            )
        )
        for mid, app_id in marks:
            index[str(mid)] = int(app_id)
        return index

    def last_heard(self) -> dict[int, datetime]:
        """Per application, the date of the latest email received about it."""
        rows = self.session.execute(
            select(StoredMessage.application_id, func.max(StoredMessage.sent_at))
            .where(
                StoredMessage.owner_id == self.owner_id,
                StoredMessage.application_id.is_not(None),
            )
            .group_by(StoredMessage.application_id)
        )
        return {int(a): _aware(d) for a, d in rows if a is not None and d is not None}

    def follow_ups(self) -> dict[int, datetime]:
        rows = self.session.execute(
            select(ThreadMark.application_id, func.max(ThreadMark.at))
            .where(ThreadMark.owner_id == self.owner_id, ThreadMark.kind == "follow_up")
            .group_by(ThreadMark.application_id)
        )
        return {int(a): _aware(d) for a, d in rows if d is not None}

    def add_thread_mark(
        self, application_id: int, message_id: str | None, kind: str, at: datetime
    ) -> ThreadMark:
        mark = ThreadMark(
            owner_id=self.owner_id, application_id=application_id,
            message_id=message_id, kind=kind, at=at, created_at=at,
        )  # fmt: skip
        return self.add(mark)

    # -- quarantine -------------------------------------------------------------------------

    def quarantined(self, limit: int = 200) -> list[QuarantinedItem]:
        stmt = (
            select(QuarantinedItem)
            .where(QuarantinedItem.owner_id == self.owner_id)
            .order_by(QuarantinedItem.id.desc())
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    # -- review queue -----------------------------------------------------------------------

    def proposal(self, proposal_id: int) -> Proposal:
        return self._get_owned(
            Proposal, proposal_id, "proposal", "Run `nextround review` to see the pending ones."
        )

    def proposals(self, state: str | None = "pending", limit: int | None = None) -> list[Proposal]:
        stmt = select(Proposal).where(Proposal.owner_id == self.owner_id)
        if state is not None:
            stmt = stmt.where(Proposal.state == state)
        stmt = stmt.order_by(Proposal.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def pending_count(self) -> int:
        stmt = select(func.count(Proposal.id)).where(
            Proposal.owner_id == self.owner_id, Proposal.state == "pending"
        )
        return int(self.session.scalar(stmt) or 0)

    def messages_of_proposal(self, proposal_id: int) -> list[StoredMessage]:
        """The email behind a proposal and any later ones merged into it."""
        stmt = select(StoredMessage).where(
            StoredMessage.owner_id == self.owner_id, StoredMessage.proposal_id == proposal_id
        )
        return list(self.session.scalars(stmt.order_by(StoredMessage.sent_at, StoredMessage.id)))

    # -- learned corrections ----------------------------------------------------------------

    def learned(self) -> dict[str, str]:
        rows = self.session.execute(
            select(LearnedSender.sender_key, LearnedSender.company).where(
                LearnedSender.owner_id == self.owner_id
            )
        )
        return {str(k): str(c) for k, c in rows}

    def remember(self, sender_key: str, company: str, at: datetime) -> None:
        row = self.session.scalar(
            select(LearnedSender).where(
                LearnedSender.owner_id == self.owner_id, LearnedSender.sender_key == sender_key
            )
        )
        if row is None:
            self.add(
                LearnedSender(
                    owner_id=self.owner_id, sender_key=sender_key, company=company, created_at=at
                )
            )
        else:
            row.company = company
            self.session.flush()

    # -- IMAP sync state --------------------------------------------------------------------

    def sync_state(self, account: str) -> SyncState:
        row = self.session.scalar(
            select(SyncState).where(
                SyncState.owner_id == self.owner_id, SyncState.account == account
            )
        )
        if row is None:
            row = self.add(SyncState(owner_id=self.owner_id, account=account, last_uid=0))
        return row


def _aware(value: datetime) -> datetime:
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)
