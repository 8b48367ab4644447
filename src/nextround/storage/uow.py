"""Unit of work: one transaction, the owner it acts for, and the repositories over it."""

from __future__ import annotations

import importlib
from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

# Repositories of each area, imported on first use so that a command loads only its own.
REPOSITORIES: dict[str, str] = {
    "applications": "nextround.storage.repositories.applications:ApplicationRepository",
    "companies": "nextround.storage.repositories.people:CompanyRepository",
    "contacts": "nextround.storage.repositories.people:ContactRepository",
    "profiles": "nextround.storage.repositories.people:ProfileRepository",
    "interviews": "nextround.storage.repositories.applications:InterviewRepository",
    "efforts": "nextround.storage.repositories.applications:EffortRepository",
    "backup": "nextround.storage.repositories.backup:BackupRepository",
    "inbox": "nextround.storage.repositories.inbox:InboxRepository",
    "respond": "nextround.storage.repositories.respond:RespondRepository",
    "reflect": "nextround.storage.repositories.reflect:ReflectRepository",
    "recover": "nextround.storage.repositories.recover:RecoverRepository",
}


class UnitOfWork:
    """``with db.uow(owner) as uow: ...; uow.commit()`` — anything not committed rolls back."""

    def __init__(self, sessions: sessionmaker[Session], owner_id: int) -> None:
        self._sessions = sessions
        self.owner_id = owner_id
        self._session: Session | None = None
        self._repos: dict[str, Any] = {}

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("Use the unit of work inside a `with` block.")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._sessions()
        self._repos = {}
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def flush(self) -> None:
        self.session.flush()

    def __getattr__(self, name: str) -> Any:
        target = REPOSITORIES.get(name)
        if target is None:
            raise AttributeError(name)
        repo = self._repos.get(name)
        if repo is None:
            module, _, cls = target.partition(":")
            repo = getattr(importlib.import_module(module), cls)(self.session, self.owner_id)
            self._repos[name] = repo
        return repo
