"""Shared command plumbing: the database for this invocation and the unit of work."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from nextround.config import Settings, load_settings

if TYPE_CHECKING:
    from nextround.storage.database import Database
    from nextround.storage.uow import UnitOfWork


def settings(ctx: click.Context | None = None, demo: bool = False) -> Settings:
    ctx = ctx or click.get_current_context()
    obj = ctx.find_root().obj or {}
    return load_settings(obj.get("database_url"), demo=demo, debug=bool(obj.get("debug")))


def open_database(ctx: click.Context | None = None, demo: bool = False) -> tuple[Database, int]:
    """Open (and create or migrate if needed) the database; return it and the owner id."""
    from nextround.storage.database import Database

    db = Database(settings(ctx, demo).database_url)
    return db, db.ensure_ready()


@contextmanager
def unit_of_work(ctx: click.Context | None = None) -> Iterator[UnitOfWork]:
    """A unit of work for the local user; the caller commits."""
    db, owner = open_database(ctx)
    try:
        with db.uow(owner) as uow:
            yield uow
    finally:
        db.dispose()


def interactive() -> bool:
    """Prompts only when a person is at a terminal; never wait on a pipe."""
    return sys.stdin.isatty() and sys.stdout.isatty()
