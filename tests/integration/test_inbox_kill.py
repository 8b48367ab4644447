"""An import killed at any moment (a real SIGKILL) and run again loses and duplicates nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.integration.inbox_mail import BOMB, email, write_mbox

COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell"]


def build_mbox(path: Path, n: int) -> Path:
    rng = random.Random(7)
    messages: list[bytes] = []
    for i in range(n):
        if i % 10 == 3:
            company = rng.choice(COMPANIES)
            body = (
                f"Hi,\n\nThank you for applying to {company}. Unfortunately we have decided "
                "not to move forward with your application.\n\nRegards"
                if rng.random() < 0.5
                else f"Hi,\n\nThank you for applying to {company}. We have received your "
                "application and will review it shortly.\n\nRegards"
            )
            sender = f"{company} Recruiting <no-reply@hire.lever.co>"
            messages.append(email(sender, "Your application", body, f"<job-{i}@lever.co>"))
        elif i % 500 == 7:
            messages.append(BOMB.replace(b"<bomb@", b"<bomb-%d@" % i))
        else:
            body = f"Issue {i}: this week's deals on garden tools and kitchenware. " * 5
            messages.append(email("Shop <news@shop.example>", f"Deals {i}", body, f"<n-{i}@s>"))
    return write_mbox(path, messages)


def snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        q = con.execute
        return {
            "seen": q("SELECT count(*), count(DISTINCT sha256) FROM inbox_seen").fetchone(),
            "stored": sorted(r[0] for r in q("SELECT sha256 FROM inbox_messages")),
            "quarantined": q("SELECT count(*) FROM inbox_quarantine").fetchone()[0],
            "proposals": sorted(
                q("SELECT kind, company, status, state FROM inbox_proposals").fetchall()
            ),
            "unfiled": q(
                "SELECT count(*) FROM inbox_messages WHERE proposal_id IS NULL"
            ).fetchone()[0],
        }
    finally:
        con.close()


def seen_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db, timeout=0.2)
        try:
            return int(con.execute("SELECT count(*) FROM inbox_seen").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0  # not migrated yet, or busy


def run_import(home: Path, box: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEXTROUND_HOME": str(home)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "nextround", "mail", "import", str(box)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_sigkill_at_random_moments_then_resume(tmp_path: Path) -> None:
    total = 3000
    box = build_mbox(tmp_path / "big.mbox", total)
    clean_home, killed_home = tmp_path / "clean", tmp_path / "killed"
    clean_home.mkdir()
    killed_home.mkdir()
    proc = run_import(clean_home, box)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    expected = snapshot(clean_home / "nextround.db")
    assert expected["seen"] == (total, total)
    assert expected["quarantined"] == 6

    db = killed_home / "nextround.db"
    rng = random.Random(11)
    progress_at_kill: list[int] = []
    for _ in range(6):
        proc = run_import(killed_home, box)
        deadline = time.monotonic() + 120
        before = seen_count(db)
        # Kill once this run has committed something, after a random extra moment.
        while seen_count(db) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        progress_at_kill.append(seen_count(db))
        if progress_at_kill[-1] >= total:
            break
    assert any(0 < n < total for n in progress_at_kill), progress_at_kill

    proc = run_import(killed_home, box)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    assert snapshot(db) == expected
