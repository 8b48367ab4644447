"""Storage on a real temp SQLite file and a real PostgreSQL server, through the services."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from nextround.domain.applications import Origin, Status
from nextround.errors import ConflictError, NotFoundError
from nextround.services import applications as apps
from nextround.services import people


def add(uow: Any, company: str = "Acme", role: str = "Analyst", **kw: Any) -> int:
    return apps.add_application(uow, apps.ApplicationInput(company=company, role=role, **kw))


def test_application_lifecycle_keeps_an_append_only_timeline(any_db: Any) -> None:
    owner = any_db.local_user_id()
    with any_db.uow(owner) as uow:
        app_id = add(uow, applied_on="2026-10-01")
        apps.change_status(uow, app_id, Status.INTERVIEWING)
        apps.change_status(uow, app_id, Status.REJECTED, origin=Origin.EMAIL, note="after panel")
        apps.change_status(uow, app_id, Status.INTERVIEWING, note="they came back")
        uow.commit()
    with any_db.uow(owner) as uow:
        events = uow.applications.events(app_id)
        assert [(e.from_status, e.to_status) for e in events] == [
            (None, Status.APPLIED), (Status.APPLIED, Status.INTERVIEWING),
            (Status.INTERVIEWING, Status.REJECTED), (Status.REJECTED, Status.INTERVIEWING)]
        assert events[2].origin == Origin.EMAIL and events[2].note == "after panel"
        assert all(e.at.tzinfo is not None for e in events)
        assert uow.applications.get(app_id).status == Status.INTERVIEWING


def test_rounds_contacts_and_effort_attach_to_an_application(any_db: Any) -> None:
    owner = any_db.local_user_id()
    with any_db.uow(owner) as uow:
        app_id = add(uow, company="Beta Labs")
        cid = people.add_contact(uow, "Ana Silva", "Beta Labs", "Recruiter", "ana@beta.example",
                                 application_id=app_id, relation="recruiter")
        iv = people.add_interview(uow, app_id, "video", "2026-11-02 10:30", 45,
                                  interviewer_ids=[cid], notes="Talked about SQL")
        people.log_effort(uow, app_id, "resume", 1.5, "2026-11-01")
        people.log_effort(uow, app_id, "assignment", 4, "2026-11-03")
        uow.commit()
    with any_db.uow(owner) as uow:
        assert [c.name for c, _ in uow.applications.contacts(app_id)] == ["Ana Silva"]
        assert [c.name for c in uow.interviews.interviewers(iv)] == ["Ana Silva"]
        assert uow.efforts.total_hours(app_id) == pytest.approx(5.5)
        apps.delete_application(uow, app_id)
        uow.commit()
    with any_db.uow(owner) as uow:
        with pytest.raises(NotFoundError):
            uow.interviews.get(iv)
        assert uow.efforts.total_hours() == 0


def test_search_filter_sort_and_counts(any_db: Any) -> None:
    owner = any_db.local_user_id()
    with any_db.uow(owner) as uow:
        a = add(uow, "Zeta", "Data Analyst", applied_on="2026-01-05")
        b = add(uow, "alpha", "Engineer", applied_on="2026-02-05")
        add(uow, "Mid", "Designer")
        apps.change_status(uow, a, Status.REJECTED)
        uow.commit()
        assert [x.id for x in uow.applications.list(query="analyst")] == [a]
        assert [x.company.name for x in uow.applications.list(sort="company")] == [
            "alpha", "Mid", "Zeta"]
        assert uow.applications.list(sort="applied")[0].id == b
        assert uow.applications.counts_by_status()[Status.REJECTED] == 1
        assert uow.applications.count(status=[Status.SAVED]) == 1


def test_companies_are_shared_and_matched_by_alias(any_db: Any) -> None:
    owner = any_db.local_user_id()
    with any_db.uow(owner) as uow:
        add(uow, "Globex Corporation", "A")
        company = uow.companies.find("globex corporation")
        company.aliases = ["Globex"]
        uow.commit()
    with any_db.uow(owner) as uow:
        add(uow, "Globex", "B")
        assert len(uow.companies.list()) == 1
        assert len(uow.applications.for_company(uow.companies.list()[0].id)) == 2


def test_every_query_is_scoped_to_its_owner(any_db: Any) -> None:
    from nextround.storage.tables.core import User

    owner = any_db.local_user_id()
    with any_db.session() as session:
        other = User(username="someone-else", display_name="")
        session.add(other)
        session.commit()
        other_id = other.id
    with any_db.uow(owner) as uow:
        mine = add(uow)
        uow.commit()
    with any_db.uow(other_id) as uow:
        assert uow.applications.list() == []
        with pytest.raises(NotFoundError):
            uow.applications.get(mine)
        with pytest.raises(NotFoundError):
            apps.change_status(uow, mine, Status.REJECTED)


def test_migrations_match_the_models(any_db: Any) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from nextround.storage.tables import load_all

    with any_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), load_all().metadata)
    assert diff == []


def test_failed_action_leaves_nothing_half_written(any_db: Any) -> None:
    owner = any_db.local_user_id()
    with any_db.uow(owner) as uow:
        app_id = add(uow)
        uow.commit()
    with any_db.uow(owner) as uow:
        apps.change_status(uow, app_id, Status.INTERVIEWING)
        with pytest.raises(ConflictError):
            apps.change_status(uow, app_id, Status.SAVED)
        # not committed: the whole unit of work rolls back
    with any_db.uow(owner) as uow:
        assert uow.applications.get(app_id).status == Status.SAVED
        assert len(uow.applications.events(app_id)) == 1


def test_sqlite_runs_in_wal_with_foreign_keys_and_secure_delete(db: Any) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_concurrent_writers_do_not_fail_with_database_locked(db_url: str) -> None:
    """Several processes writing at once all succeed (BEGIN IMMEDIATE + busy timeout)."""
    import subprocess
    import sys

    from nextround.storage.database import Database

    Database(db_url).ensure_ready()
    script = (
        "import sys\nfrom nextround.storage.database import Database\n"
        "from nextround.services import applications as a\n"
        "db = Database(sys.argv[1]); o = db.local_user_id()\n"
        "for i in range(25):\n"
        "    with db.uow(o) as u:\n"
        "        n = u.applications.count()\n"
        "        a.add_application(u, a.ApplicationInput(company=f'C{sys.argv[2]}-{i}', role=str(n)))\n"
        "        u.commit()\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, db_url, str(k)],
                              stderr=subprocess.PIPE, text=True) for k in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    db = Database(db_url)
    with db.uow(db.local_user_id()) as uow:
        assert uow.applications.count() == 100


def test_timestamps_come_back_as_utc(any_db: Any) -> None:
    owner = any_db.local_user_id()
    fixed = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    with any_db.uow(owner) as uow:
        app_id = apps.add_application(uow, apps.ApplicationInput(company="T", role="R"),
                                      clock=lambda: fixed)
        uow.commit()
    with any_db.uow(owner) as uow:
        assert uow.applications.get(app_id).created_at == fixed
