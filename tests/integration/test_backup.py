"""JSON backups round-trip to identical data; CSV imports are all or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nextround.errors import ConflictError, DataError
from nextround.services import applications as apps
from nextround.services import backup, csv_io, demo, people
from nextround.storage.database import Database

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
long_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                           blacklist_characters="\x00"), max_size=3000)
names = text.map(str.strip).filter(bool)


def _fresh(tmp: Path, name: str) -> Database:
    db = Database(f"sqlite:///{tmp / name}")
    db.ensure_ready()
    return db


@settings(max_examples=20, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(names, names, long_text, text), min_size=0, max_size=6))
def test_backup_round_trips_identically(tmp_path_factory: Any, rows: list[tuple[str, ...]]) -> None:
    tmp = tmp_path_factory.mktemp("bk")
    src = _fresh(tmp, "src.db")
    owner = src.local_user_id()
    with src.uow(owner) as uow:
        for company, role, notes, title in rows:
            app_id = apps.add_application(
                uow, apps.ApplicationInput(company=company, role=role, notes=notes))
            apps.add_note(uow, app_id, notes if notes.strip() else "n")
            people.add_contact(uow, role, company, title=title[:100], application_id=app_id)
        people.update_profile(uow, {"name": rows[0][0] if rows else "", "skills": "SQL, Python"})
        uow.commit()
    with src.uow(owner) as uow:
        exported = json.dumps(backup.export_backup(uow))
    dst = _fresh(tmp, "dst.db")
    with dst.uow(dst.local_user_id()) as uow:
        backup.import_backup(uow, exported)
        uow.commit()
    with dst.uow(dst.local_user_id()) as uow:
        again = backup.export_backup(uow)
    assert again["tables"] == json.loads(exported)["tables"]


def test_demo_backup_restores_into_postgres(db: Any, pg_url: str) -> None:
    with db.uow(db.local_user_id()) as uow:
        demo.load_demo(uow)
        uow.commit()
        data = backup.export_backup(uow)
    pg = Database(pg_url)
    owner = pg.ensure_ready()
    with pg.uow(owner) as uow:
        counts = backup.import_backup(uow, json.dumps(data))
        uow.commit()
    assert counts["applications"] == 40
    with pg.uow(owner) as uow:
        assert backup.export_backup(uow)["tables"]["status_events"] == data["tables"][
            "status_events"]
    pg.dispose()


def test_restore_refuses_a_database_with_records(uow: Any) -> None:
    apps.add_application(uow, apps.ApplicationInput(company="A", role="B"))
    data = json.dumps(backup.export_backup(uow))
    with pytest.raises(ConflictError):
        backup.import_backup(uow, data)


@pytest.mark.parametrize("bad", [
    "not json", "[]", '{"format": "other"}', '{"format": "nextround-backup", "version": 1,'
    ' "tables": {"applications": [{"id": 1, "x": NaN}]}}',
    '{"format": "nextround-backup", "version": 1, "tables": {"applications": [{"id": 1e400}]}}',
    "[" * 5000 + "]" * 5000,
    '{"format": "nextround-backup", "version": 1, "tables": {"applications": '
    '[{"id": 1, "company_id": 99, "role": "x"}]}}',
])
def test_bad_backups_are_rejected_and_nothing_is_written(uow: Any, bad: str) -> None:
    with pytest.raises(DataError):
        backup.import_backup(uow, bad)
    uow.rollback()
    assert uow.applications.count() == 0


GOOD = "company,role,status,applied_on\nAcme,Analyst,applied,2026-01-02\nBeta,Dev,Not Selected,\n"


def test_csv_import_and_export_round_trip(uow: Any) -> None:
    layout, count = csv_io.import_csv(uow, GOOD)
    assert (layout, count) == ("generic", 2)
    apps.add_application(uow, apps.ApplicationInput(company="=cmd|' /C calc'!A0", role="@SUM(1)"))
    out = csv_io.export_csv(uow)
    assert "'=cmd" in out and "'@SUM(1)" in out
    _, rows = csv_io.read_rows(out)
    assert {r.company for r in rows} == {"Acme", "Beta", "=cmd|' /C calc'!A0"}


def test_bad_csv_lists_every_problem_row_and_imports_nothing(uow: Any) -> None:
    bad = ("Company,Job Title,List,Date Applied\nAcme,Analyst,Applied,2026-01-02\n"
           ",Dev,Applied,2026-01-03\nBeta,QA,Dreaming,2026-01-04\nGamma,PM,Applied,soon\n")
    with pytest.raises(DataError) as err:
        csv_io.import_csv(uow, bad)
    problems = err.value.problems
    assert [p.split(":")[0] for p in problems] == ["row 3", "row 4", "row 5"]
    assert "Dreaming" in problems[1]
    assert uow.applications.count() == 0


def test_missing_required_column_is_explained(uow: Any) -> None:
    with pytest.raises(DataError, match="role"):
        csv_io.import_csv(uow, "company,notes\nAcme,x\n")


def test_teal_and_huntr_exports_and_custom_mapping(uow: Any) -> None:
    teal = "Company,Job Position,Status,Date Applied,Location\nAcme,Analyst,No Response,2026-01-02,Remote\n"
    assert csv_io.import_csv(uow, teal) == ("teal", 1)
    huntr = "Company,Job Title,List,Date Applied\nBeta;x,Dev,Interview,2026-02-01\n"
    assert csv_io.import_csv(uow, huntr) == ("huntr", 1)
    custom = "Employer Name,Position Title\nGamma,QA\n"
    mapping = csv_io.parse_mapping(["company=Employer Name"])
    assert csv_io.import_csv(uow, custom, mapping=mapping)[1] == 1
    statuses = {a.company.name: a.status.value for a in uow.applications.list()}
    assert statuses == {"Acme": "ghosted", "Beta;x": "interviewing", "Gamma": "saved"}


def test_csv_with_bom_semicolons_and_latin1() -> None:
    data = "\ufeffcompany;role\nCafé;Barista\n".encode()
    assert csv_io.read_rows(csv_io.decode_csv(data))[1][0].company == "Café"
    latin = "company,role\nSoci\xe9t\xe9,Analyste\n".encode("cp1252")
    assert csv_io.read_rows(csv_io.decode_csv(latin))[1][0].company == "Société"
