"""The recover commands through the real entry point on a temp home."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from icalendar import Calendar


def test_journal_analyze_reads_a_pipe_and_prints_one_object_per_line(cli: Any) -> None:
    lines = [
        "I'm such a failure, I'll never get a job.",
        "How do I kill a Python process?",
        "I want to die.",
        "I'm proud I reached the final round.",
    ]
    result = cli("journal", "analyze", "-", "--json", input="\n".join(lines) + "\n")
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [r["index"] for r in rows] == [0, 1, 2, 3]
    assert [r["label"] for r in rows] == ["harsh", "neutral", "crisis", "kind"]
    harsh, quiet, crisis, kind = rows
    assert harsh["reframe"] and harsh["resources"] is None
    start, end = harsh["spans"][0]
    assert "failure" in lines[0][start:end]
    assert crisis["reframe"] is None and crisis["resources"]
    assert quiet["resources"] is None and kind["reframe"] is None
    assert set(harsh) >= {"index", "label", "distortions", "spans", "reframe", "resources"}


def test_journal_write_list_delete(cli: Any) -> None:
    wrote = cli("journal", "I bombed it, what's wrong with me", "--mood", "2", "--json")
    assert wrote.code == 0, wrote.err
    entry = wrote.json()
    assert entry["label"] == "harsh" and entry["reframe"]
    listed = cli("journal", "list", "--json").json()
    assert [e["id"] for e in listed] == [entry["id"]]
    assert cli("journal", "delete", str(entry["id"])).code == 0
    assert cli("journal", "list", "--json").json() == []
    missing = cli("journal", "delete", str(entry["id"]))
    assert missing.code == 3 and "journal list" in missing.err


def test_empty_journal_entry_is_refused_without_waiting_for_input(cli: Any) -> None:
    result = cli("journal")
    assert result.code == 2
    assert "Nothing to write" in result.err


def test_wins_stats_plan_today_on_a_fresh_home(cli: Any, tmp_path: Path) -> None:
    assert cli("today", "--json").json()["quiet"] is True
    assert cli("wins", "add", "Gave a lightning talk").code == 0
    wins = cli("wins", "--json").json()
    assert wins[0]["title"] == "Gave a lightning talk" and wins[0]["credit"]
    stats = cli("stats", "--json").json()
    assert stats["funnel"]["counts"]["applications"] == 0
    ics = tmp_path / "plan.ics"
    planned = cli("plan", "--restore", "a swim", "--apps", "4", "--ics", str(ics), "--json")
    assert planned.code == 0, planned.err
    data = planned.json()
    assert data["items"][0]["kind"] == "rest" and "swim" in data["items"][0]["title"] + \
        data["items"][0]["detail"]
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert len(events) == len(data["items"])


def test_today_lists_a_reply_to_send_after_a_rejection(cli: Any) -> None:
    added = cli("app", "add", "--company", "Acme", "--role", "Data Analyst",
                "--applied", "2026-01-05", "--json")
    assert added.code == 0, added.err
    app_id = added.json()["id"]
    moved = cli("app", "status", str(app_id), "rejected")
    assert moved.code == 0, moved.err
    digest = cli("today", "--json").json()
    assert digest["quiet"] is False
    items = digest["sections"]["replies"]["items"]
    assert any("Acme" in item["text"] for item in items)
    plan = cli("plan", "--json").json()
    assert plan["company"] == "Acme"
    assert any(i["kind"] == "reply" and "Acme" in i["title"] for i in plan["items"])


def test_journal_never_reaches_a_shared_reflection(cli: Any, home: Path) -> None:
    assert cli("demo").code == 0
    db = ["--db", f"sqlite:///{home / 'demo.db'}"]
    marker = "PRIVATE-MARKER-4242"
    assert cli(*db, "journal", f"{marker} I'm such a failure", "--mood", "2").code == 0
    for fmt in ("md", "html"):
        shared = cli(*db, "share", "--since", "2000-01-01", "--format", fmt)
        assert shared.code == 0, shared.err
        assert "Reflection" in shared.out or "reflection" in shared.out
        assert marker not in shared.out


def test_analyze_never_repeats_a_reframe_on_consecutive_lines(cli: Any) -> None:
    lines = ["I'm such a failure."] * 6 + ["I always mess up."] * 4
    result = cli("journal", "analyze", "-", "--json", input="\n".join(lines) + "\n")
    reframes = [json.loads(line)["reframe"] for line in result.out.splitlines()]
    assert all(reframes)
    assert all(a != b for a, b in zip(reframes, reframes[1:], strict=False))


def test_analyze_reads_with_or_without_the_sentence_model(cli: Any) -> None:
    line = "I probably came across as desperate and they could tell.\n"
    alone = cli("journal", "analyze", "-", "--json", "--no-model", input=line)
    assert alone.code == 0, alone.err
    assert json.loads(alone.out)["label"] == "neutral"
    switched_off = cli("journal", "analyze", "-", "--json", input=line,
                       env={"NEXTROUND_SELFTALK_MODEL": "0"})
    assert json.loads(switched_off.out)["label"] == "neutral"
    default = cli("journal", "analyze", "-", "--json", input=line)
    assert default.code == 0, default.err
    from nextround.selftalk_model import installed

    if installed():
        assert json.loads(default.out)["label"] == "harsh"
