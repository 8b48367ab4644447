"""The database handle: engine, migrations, the local user, and units of work."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from nextround.errors import ConfigError
from nextround.storage import migrate
from nextround.storage.engine import make_engine
from nextround.storage.tables.core import User
from nextround.storage.uow import UnitOfWork

LOCAL_USERNAME = "local"


class Database:
    """One per process (or per test): owns the engine and hands out units of work."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def upgrade(self) -> None:
        """Create or migrate the schema; safe to run on every start."""
        try:
            migrate.upgrade(self.engine)
        except OperationalError as exc:
            raise ConfigError(
                f"Cannot open the database at {self.engine.url.render_as_string()}: {exc.orig}",
                "Check the path or URL, or set NEXTROUND_HOME to a writable folder.",
            ) from exc

    def is_initialised(self) -> bool:
        try:
            return inspect(self.engine).has_table("users")
        except OperationalError:
            return False

    def ensure_ready(self) -> int:
        """Migrate if needed and return the local user's id (created on first use)."""
        if not self.is_initialised() or migrate.pending(self.engine):
            self.upgrade()
        return self.local_user_id()

    def local_user_id(self) -> int:
        with self._sessions.begin() as session:
            user_id = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
            if user_id is None:
                user = User(username=LOCAL_USERNAME, display_name="", role="owner")
                session.add(user)
                session.flush()
                user_id = user.id
            return int(user_id)

    def session(self) -> Session:
        return self._sessions()

    def uow(self, owner_id: int) -> UnitOfWork:
        return UnitOfWork(self._sessions, owner_id)

    def dispose(self) -> None:
        self.engine.dispose()
