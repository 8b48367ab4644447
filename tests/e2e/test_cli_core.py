"""The tracker through the real `nextround` entry point, on a temp home, stdin closed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.timeout(600)
def test_full_tracker_journey(cli: Any, home: Path) -> None:
    assert cli("init", "--name", "Alex Doe", "--email", "alex@example.org").code == 0
    added = cli("app", "add", "--company", "Acme", "--role", "Data Analyst",
                "--applied", "2026-10-01", "--url", "https://acme.example/jobs/1", "--json")
    assert added.code == 0, added.err
    app_id = added.json()["id"]
    assert added.json()["status"] == "applied"

    listing = cli("app", "list", "--json").json()
    assert {"id", "company", "role", "status", "applied_on"} <= set(listing[0])
    assert listing[0]["company"] == "Acme"

    contact = cli("contact", "add", "Priya Okafor", "--company", "Acme", "--title", "Recruiter",
                  "--email", "priya@acme.example", "--app", str(app_id), "--json").json()["id"]
    iv = cli("interview", "add", str(app_id), "--kind", "video", "--when", "2026-10-08 10:00",
             "--interviewer", str(contact), "--json")
    assert iv.code == 0, iv.err
    assert cli("interview", "edit", str(iv.json()["id"]), "--outcome", "passed").code == 0
    assert cli("effort", "log", str(app_id), "2.5", "--kind", "preparation").code == 0
    assert cli("app", "status", str(app_id), "interviewing").code == 0
    assert cli("app", "status", str(app_id), "rejected", "--note", "email").code == 0
    assert cli("app", "note", str(app_id), "Ask for feedback on the SQL task").code == 0
    assert cli("app", "edit", str(app_id), "--location", "Remote").code == 0

    shown = cli("app", "show", str(app_id), "--json").json()
    assert [e["to_status"] for e in shown["timeline"]] == ["applied", "interviewing", "rejected"]
    assert shown["rounds"][0]["outcome"] == "passed"
    assert shown["rounds"][0]["interviewers"][0]["name"] == "Priya Okafor"
    assert shown["effort_hours"] == 2.5
    assert shown["location"] == "Remote"
    assert cli("interview", "list", "--json").json()[0]["company"] == "Acme"
    assert cli("contact", "show", str(contact), "--json").json()["email"] == "priya@acme.example"

    human = cli("app", "show", str(app_id))
    assert "Data Analyst" in human.out and "rejected" in human.out

    assert cli("app", "delete", str(app_id)).code != 0  # needs --yes off a terminal
    assert cli("app", "delete", str(app_id), "--yes").code == 0
    assert cli("app", "list", "--json").json() == []


def test_errors_say_what_to_do_next_and_use_their_exit_codes(cli: Any) -> None:
    missing = cli("app", "show", "999")
    assert missing.code == 3
    assert "No application with id 999" in missing.err and "nextround app list" in missing.err
    assert "Traceback" not in missing.err
    bad_date = cli("app", "add", "--company", "A", "--role", "B", "--applied", "someday")
    assert bad_date.code == 2 and "YYYY-MM-DD" in bad_date.err
    bad_url = cli("app", "add", "--company", "A", "--role", "B", "--url", "javascript:alert(1)")
    assert bad_url.code == 2
    no_role = cli("app", "add", "--company", "A")  # no prompt when stdin is not a terminal
    assert no_role.code == 2 and "role is required" in no_role.err
    cli("app", "add", "--company", "A", "--role", "B", "--applied", "2026-01-01")
    back = cli("app", "status", "1", "saved")
    assert back.code == 4 and "withdrawn" in back.err
    bad_db = cli("--db", "mysql://x", "app", "list")
    assert bad_db.code == 5 and "SQLite" in bad_db.err


def test_export_import_json_and_csv(cli: Any, home: Path, tmp_path: Path) -> None:
    for n in range(3):
        cli("app", "add", "--company", f"Co{n}", "--role", "R", "--applied", "2026-02-0" + str(n + 1))
    backup = tmp_path / "b.json"
    assert cli("export", str(backup)).code == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    restored = cli("--db", other, "import", str(backup))
    assert restored.code == 0, restored.err
    assert len(cli("--db", other, "app", "list", "--json").json()) == 3
    again = cli("--db", other, "import", str(backup))
    assert again.code == 4 and "empty" in again.err

    csv_path = tmp_path / "apps.csv"
    assert cli("export", str(csv_path)).code == 0
    assert csv_path.read_text().startswith("id,company,role,status")
    third = f"sqlite:///{tmp_path / 'third.db'}"
    assert cli("--db", third, "import", str(csv_path)).code == 0
    assert len(cli("--db", third, "app", "list", "--json").json()) == 3

    bad = tmp_path / "bad.csv"
    bad.write_text("company,role,status\nA,B,applied\nC,,applied\nD,E,wondering\n")
    result = cli("--db", third, "import", str(bad))
    assert result.code == 7
    assert "row 3" in result.err and "row 4" in result.err and "nothing was imported" in result.err
    assert len(cli("--db", third, "app", "list", "--json").json()) == 3
    assert json.loads(cli("export").out)["format"] == "nextround-backup"


def test_demo_goes_to_its_own_database_unless_one_is_named(cli: Any, home: Path,
                                                          tmp_path: Path) -> None:
    assert cli("demo").code == 0
    assert (home / "demo.db").exists()
    assert cli("app", "list", "--json").json() == []
    demo = cli("--db", f"sqlite:///{home / 'demo.db'}", "app", "list", "--json").json()
    assert len(demo) == 40
    statuses = {a["status"] for a in demo}
    assert {"rejected", "ghosted", "interviewing", "applied", "saved", "offer"} <= statuses
    named = f"sqlite:///{tmp_path / 'named.db'}"
    assert cli("--db", named, "demo").code == 0
    assert len(cli("--db", named, "app", "list", "--json").json()) == 40


def test_profile_and_db_commands(cli: Any, home: Path) -> None:
    assert cli("profile", "--name", "Alex", "--skills", "SQL, Python", "--country", "gb").code == 0
    data = cli("profile", "--json").json()
    assert data["skills"] == ["SQL", "Python"] and data["country"] == "GB"
    assert cli("profile", "--language", "de").code == 2
    assert cli("db", "upgrade").code == 0
    assert cli("db", "where").out.strip().endswith("nextround.db")


def test_every_command_has_help(cli: Any) -> None:
    from nextround.cli import COMMANDS

    top = cli("--help")
    assert top.code == 0
    for name in ("init", "profile", "demo", "serve", "app", "interview", "contact", "effort",
                 "export", "import", "db"):
        assert name in top.out
        assert name in COMMANDS
        assert cli(name, "--help").code == 0


def test_company_aliases_and_domain(cli: Any) -> None:
    cli("app", "add", "--company", "Globex Corporation", "--role", "Analyst")
    assert cli("company", "edit", "1", "--alias", "Globex", "--domain", "@Globex.com").code == 0
    data = cli("company", "list", "--json").json()[0]
    assert data["aliases"] == ["Globex"] and data["domain"] == "globex.com"
    # an application under the alias joins the same company
    cli("app", "add", "--company", "globex", "--role", "Engineer")
    assert cli("company", "show", "1", "--json").json()["applications_list"][1]["role"] == "Engineer"
    assert cli("company", "edit", "1").code == 2
