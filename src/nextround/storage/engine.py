"""Engines for SQLite and PostgreSQL, tuned so that writes never lose to a lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from nextround.errors import ConfigError

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=15000",
    # Deleted journal entries must not linger in free pages of the file.
    "PRAGMA secure_delete=ON",
    "PRAGMA trusted_schema=OFF",
)


def make_engine(url: str, echo: bool = False) -> Engine:
    """Build an engine; for SQLite, create the folder and set WAL, FKs and BEGIN IMMEDIATE."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError with a terse text
        raise ConfigError(
            f"The database URL {url!r} is not valid.",
            "Use sqlite:///path/to/file.db or postgresql+psycopg://user:pass@host/db.",
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database, echo)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, echo=echo, pool_pre_ping=True, future=True)
    raise ConfigError(
        f"Unsupported database {parsed.get_backend_name()!r}.",
        "nextround works with SQLite (default) and PostgreSQL.",
    )


def _sqlite_engine(url: str, database: str | None, echo: bool) -> Engine:
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo, connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front, so a read-then-write transaction waits
        # for the busy timeout instead of failing at once with "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
