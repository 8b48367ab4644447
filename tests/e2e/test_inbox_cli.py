"""The inbox commands through the real entry point: import, review, ghosted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.integration.inbox_mail import (
    ACME_ACK,
    ACME_REJECTION,
    ANON_REJECTION,
    BOMB,
    GLOBEX_INTERVIEW,
    NEWSLETTER,
    write_mbox,
)


def test_import_review_accept_and_rerun(cli: Any, tmp_path: Path) -> None:
    assert cli("app", "add", "--company", "Globex", "--role", "Data Analyst",
               "--applied", "2026-02-01").code == 0  # fmt: skip
    box = write_mbox(
        tmp_path / "m.mbox", [ACME_ACK, NEWSLETTER, GLOBEX_INTERVIEW, ACME_REJECTION, BOMB]
    )
    dry = cli("mail", "import", str(box), "--dry-run", "--json")
    assert dry.code == 0, dry.err
    assert dry.json()["dry_run"] is True and dry.json()["new_proposals"] == 2
    assert cli("review", "--json").json() == []

    res = cli("mail", "import", str(box))
    assert res.code == 0, res.err
    assert "Read 5 messages" in res.out and "1 quarantined" in res.out
    assert "nested" in res.out
    assert "nextround review" in res.out

    queue = cli("review", "--json").json()
    assert {p["kind"] for p in queue} == {"new_application", "new_round"}
    assert set(queue[0]) >= {"id", "kind", "company", "proposed_status", "evidence", "messages"}
    shown = cli("review", "show", str(queue[0]["id"]))
    assert "Thank you for applying" in shown.out

    acc = cli("review", "accept", "--all", "--json")
    assert acc.code == 0 and len(acc.json()["accepted"]) == 2
    apps = {a["company"]: a for a in cli("app", "list", "--json").json()}
    assert apps["Acme"]["status"] == "rejected"
    assert apps["Globex"]["status"] == "interviewing"

    again = cli("mail", "import", str(box), "--json").json()
    assert again["duplicates_skipped"] == 5 and again["new_proposals"] == 0

    quarantine = cli("mail", "quarantine", "--json").json()
    assert len(quarantine) == 1 and "nested" in quarantine[0]["reason"]


def test_correct_and_dismiss(cli: Any, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "m.mbox", [ANON_REJECTION, NEWSLETTER, ACME_ACK])
    cli("mail", "import", str(box))
    queue = cli("review", "--json").json()
    anon = next(p for p in queue if p["company"] == "")
    bad = cli("review", "accept", str(anon["id"]))
    assert bad.code == 2 and "--company" in bad.err  # no company: the hint says how to fix
    fixed = cli("review", "correct", str(anon["id"]), "--company", "Initech", "--role", "QA")
    assert fixed.code == 0, fixed.err
    others = [p["id"] for p in cli("review", "--json").json()]
    assert cli("review", "dismiss", *map(str, others)).code == 0
    assert cli("review", "--json").json() == []
    apps = cli("app", "list", "--json").json()
    assert [(a["company"], a["status"]) for a in apps] == [("Initech", "rejected")]
    again = cli("review", "dismiss", str(anon["id"]))
    assert again.code == 4  # already decided


def test_missing_path_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    res = cli("mail", "import", str(tmp_path / "nope.mbox"))
    assert res.code == 3 and "nope.mbox" in res.err


def test_fetch_without_password_fails_fast_when_not_a_terminal(cli: Any) -> None:
    res = cli("mail", "fetch", "--imap", "127.0.0.1", "--port", "1", "--user", "me@example.org",
              env={"NEXTROUND_IMAP_PASSWORD": "", "PYTHON_KEYRING_BACKEND":
                   "keyring.backends.fail.Keyring"})  # fmt: skip
    assert res.code == 5
    assert "No password" in res.err and "NEXTROUND_IMAP_PASSWORD" in res.err


def test_ghosted_list_mark_undo(cli: Any) -> None:
    cli("app", "add", "--company", "Hooli", "--role", "SRE", "--applied", "2020-01-01")
    rows = cli("ghosted", "--json").json()
    assert rows[0]["company"] == "Hooli" and rows[0]["suggestion"] == "follow_up"
    assert rows[0]["days_silent"] > 14
    assert cli("ghosted", "followed-up", "1", "--on", "2020-02-01").code == 0
    assert cli("ghosted", "--json").json()[0]["suggestion"] == "ghosted"
    assert cli("ghosted", "mark", "1").code == 0
    assert cli("app", "list", "--json").json()[0]["status"] == "ghosted"
    assert cli("ghosted", "--json").json() == []
    marked = cli("ghosted", "--marked", "--json").json()
    assert marked[0]["application_id"] == 1 and marked[0]["days_silent"] > 14
    assert cli("ghosted", "undo", "1").code == 0
    assert cli("app", "list", "--json").json()[0]["status"] == "applied"
    assert (
        cli("ghosted", "thresholds", "--after-applied", "30", "--json").json()["after_applied"]
        == 30
    )
