"""Settings: where the data lives and how the app runs, from the environment and flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

APP_NAME = "nextround"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def default_home() -> Path:
    """The folder for the database and caches: NEXTROUND_HOME, else the user data dir."""
    env = os.environ.get("NEXTROUND_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))


@dataclass(frozen=True)
class Settings:
    """Everything that varies between installations; built once per process or test."""

    home: Path
    database_url: str
    demo: bool = False
    server_mode: bool = False
    secret_key: str | None = None
    debug: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def with_database(self, url: str) -> Settings:
        return replace(self, database_url=url)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(
    database_url: str | None = None, demo: bool = False, debug: bool = False
) -> Settings:
    """Resolve settings: explicit URL, then NEXTROUND_DATABASE_URL, then a file in the home.

    With ``demo`` and no explicit database, the demo database (a file of its own) is used so
    that demo records never mix with the user's real ones.
    """
    home = default_home()
    url = database_url or os.environ.get("NEXTROUND_DATABASE_URL")
    if not url:
        url = sqlite_url(home / ("demo.db" if demo else "nextround.db"))
    server = os.environ.get("NEXTROUND_SERVER_MODE", "").lower() in {"1", "true", "yes"}
    return Settings(
        home=home,
        database_url=url,
        demo=demo,
        server_mode=server,
        secret_key=os.environ.get("NEXTROUND_SECRET_KEY"),
        debug=debug,
    )


def database_explicit(database_url: str | None) -> bool:
    """True when the user named a database (flag or environment) rather than the default."""
    return bool(database_url or os.environ.get("NEXTROUND_DATABASE_URL"))
