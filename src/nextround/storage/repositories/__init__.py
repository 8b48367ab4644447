"""Repositories: the queries of each area, always scoped to one owner."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.errors import NotFoundError
from nextround.storage.tables.base import Base

T = TypeVar("T", bound=Base)
R = TypeVar("R")


class Repository:
    """Base: a session and the owner every query is scoped to."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _get_owned(self, model: type[T], id_: int, what: str, hint: str | None = None) -> T:
        columns = model.__table__.c
        row = self.session.scalar(
            select(model).where(columns.id == id_, columns.owner_id == self.owner_id)
        )
        if row is None:
            raise NotFoundError(f"No {what} with id {id_}.", hint)
        return row

    def add(self, row: R) -> R:
        if hasattr(row, "owner_id") and getattr(row, "owner_id", None) is None:
            owned: Any = row
            owned.owner_id = self.owner_id
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: Any) -> None:
        self.session.delete(row)
        self.session.flush()
