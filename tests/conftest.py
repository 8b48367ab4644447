"""Shared fixtures: temp homes, real databases, the CLI entry point, the web app, Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("NEXTROUND_CHROMIUM", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-quic"]


def missing(reason: str) -> None:
    """Skip locally; under CI a missing server, browser or data set is a failure."""
    if CI:
        pytest.fail(f"{reason} (required under CI=true)")
    pytest.skip(reason)


def shared_data_dir() -> Path:
    env = os.environ.get("NEXTROUND_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    path = shared_data_dir()
    if not (path / "eval").is_dir():
        missing(f"evaluation data not found at {path}")
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("NEXTROUND_HOME", str(path))
    monkeypatch.delenv("NEXTROUND_DATABASE_URL", raising=False)
    return path


@pytest.fixture
def db_url(home: Path) -> str:
    return f"sqlite:///{home / 'test.db'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Any]:
    from nextround.storage.database import Database

    database = Database(db_url)
    database.ensure_ready()
    yield database
    database.dispose()


@pytest.fixture
def uow(db: Any) -> Iterator[Any]:
    with db.uow(db.local_user_id()) as unit:
        yield unit


# PostgreSQL -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server() -> Iterator[str | None]:
    url = os.environ.get("TEST_PG_URL")
    if url:
        yield url
        return
    from tests.support.postgres import LocalPostgres

    server = LocalPostgres()
    started = server.start()
    yield started
    server.stop()


@pytest.fixture
def pg_url(pg_server: str | None) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    if not pg_server:
        missing("PostgreSQL is not available (set TEST_PG_URL or install postgresql)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert pg_server is not None
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    name = f"nr_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, home: Path) -> Iterator[Any]:
    """The same test on a temp SQLite file and on a real PostgreSQL database."""
    from nextround.storage.database import Database

    if request.param == "sqlite":
        url = f"sqlite:///{home / 'any.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    database = Database(url)
    database.ensure_ready()
    yield database
    database.dispose()


# CLI ------------------------------------------------------------------------------------

@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(home: Path) -> Any:
    """Run the real entry point (`python -m nextround`) on the temp home, stdin closed."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> CliResult:
        full_env = {**os.environ, "NEXTROUND_HOME": str(home), "COLUMNS": "200",
                    **(env or {})}
        full_env.pop("NEXTROUND_DATABASE_URL", None) if "NEXTROUND_DATABASE_URL" not in (
            env or {}) else None
        proc = subprocess.run(
            [sys.executable, "-m", "nextround", *args], input=input, capture_output=True,
            text=True, env=full_env, timeout=timeout,
            stdin=subprocess.DEVNULL if input is None else None,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


# Web ------------------------------------------------------------------------------------

@pytest.fixture
def app(db: Any, home: Path) -> Any:
    from nextround.config import Settings
    from nextround.web.app import create_app

    return create_app(Settings(home=home, database_url=db.url), db)


@pytest.fixture
def client(app: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(app, headers={"accept": "text/html"}) as test_client:
        test_client.get("/")
        test_client.csrf = test_client.cookies.get("nr_csrf")  # type: ignore[attr-defined]
        yield test_client


@pytest.fixture
def live_server(app: Any) -> Iterator[str]:
    import uvicorn

    from tests.support.postgres import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        missing("headless Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()
