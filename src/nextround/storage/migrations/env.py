"""Alembic environment: runs on the engine handed in by nextround.storage.migrate."""

from __future__ import annotations

from typing import Any

from alembic import context

from nextround.storage.tables import load_all
from nextround.storage.tables.base import UTCDateTime

target_metadata = load_all().metadata
engine = context.config.attributes["engine"]


def render_item(type_: str, obj: Any, autogen_context: Any) -> Any:
    # Migrations must not import app types: render our UTC wrapper as a plain DateTime.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
    )
    context.run_migrations()
