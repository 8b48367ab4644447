"""The inbox migrations keep stored emails: bytes to base64 and back, proposal links intact."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from nextround.storage.engine import make_engine
from nextround.storage.migrate import alembic_config, upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_upgrade_converts_bytes_and_links_then_downgrades(url: str) -> None:
    engine = make_engine(url)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "inbox_0001")
    raw = b"From: a@b.example\r\nSubject: \xe9t\xe9\r\n\r\n\x00binary\xff"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, username, display_name, role, is_active, "
                          "created_at) VALUES (1, 'me', '', 'owner', true, :t)"),
                     {"t": "2026-01-01 00:00:00"})  # fmt: skip
        conn.execute(text("INSERT INTO inbox_proposals (id, owner_id, kind, state, company, "
                          "role, label, confidence, evidence, sender_key, created_at) VALUES "
                          "(5, 1, 'new_application', 'pending', 'Acme', '', 'rejection', 0.9, "
                          "'[]', '', :t)"), {"t": "2026-01-01 00:00:00"})  # fmt: skip
        conn.execute(
            text("INSERT INTO inbox_messages (id, owner_id, proposal_id, sha256, origin, subject, "
                 "sender, sender_addr, label, confidence, evidence, company, role, text, "
                 "\"references\", defects, attachments, match_evidence, raw, created_at) VALUES "
                 "(7, 1, 5, 'h', '', 's', '', '', 'rejection', 0.9, '[]', '', '', '', '[]', "
                 "'[]', '[]', '[]', :raw, :t)"),
            {"raw": raw, "t": "2026-01-01 00:00:00"},
        )  # fmt: skip
        conn.execute(text("UPDATE inbox_proposals SET message_id = 7 WHERE id = 5"))
    upgrade(engine)
    with engine.connect() as conn:
        stored, link = conn.execute(
            text("SELECT raw_base64, proposal_id FROM inbox_messages WHERE id = 7")
        ).one()
    assert base64.b64decode(stored) == raw and link == 5
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM inbox_proposals")).scalar_one() == 1
    command.downgrade(cfg, "inbox_0001")
    with engine.connect() as conn:
        back = conn.execute(text("SELECT raw FROM inbox_messages WHERE id = 7")).scalar_one()
    assert bytes(back) == raw
    engine.dispose()


def test_stored_emails_survive_a_json_backup(cli: Any, tmp_path: Path) -> None:
    from tests.integration.inbox_mail import ACME_ACK, ACME_REJECTION, BOMB, write_mbox

    box = write_mbox(tmp_path / "m.mbox", [ACME_ACK, ACME_REJECTION, BOMB])
    assert cli("mail", "import", str(box)).code == 0
    backup = tmp_path / "backup.json"
    res = cli("export", str(backup))
    assert res.code == 0, res.err
    assert base64.b64encode(ACME_ACK).decode() in backup.read_text()
    other = tmp_path / "other-home"
    other.mkdir()
    restored = cli("import", str(backup), env={"NEXTROUND_HOME": str(other)})
    assert restored.code == 0, restored.err
    queue = cli("review", "--json", env={"NEXTROUND_HOME": str(other)}).json()
    assert len(queue) == 1 and len(queue[0]["messages"]) == 2  # links survive the id remapping
    again = cli("mail", "import", str(box), "--json", env={"NEXTROUND_HOME": str(other)})
    assert again.json()["duplicates_skipped"] == 3  # and so do the fingerprints
