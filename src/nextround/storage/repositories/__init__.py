"""Repositories: the queries of each area, always scoped to one owner."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.errors import NotFoundError

T = TypeVar("T")


class Repository:
    """Base: a session and the owner every query is scoped to."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _get_owned(self, model: type[T], id_: int, what: str, hint: str | None = None) -> T:
        row: Any = self.session.scalar(
            select(model).where(  # type: ignore[arg-type]
                model.id == id_,  # type: ignore[attr-defined]
                model.owner_id == self.owner_id,  # type: ignore[attr-defined]
            )
        )
        if row is None:
            raise NotFoundError(f"No {what} with id {id_}.", hint)
        return row  # type: ignore[no-any-return]

    def add(self, row: Any) -> Any:
        if hasattr(row, "owner_id") and getattr(row, "owner_id", None) is None:
            row.owner_id = self.owner_id
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: Any) -> None:
        self.session.delete(row)
        self.session.flush()
