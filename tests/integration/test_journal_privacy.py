"""Journal entries are stored privately and deleting one really removes it from the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nextround.errors import NotFoundError
from nextround.services import journal


def _files(db: Any) -> list[Path]:
    base = Path(db.engine.url.database)
    return [p for p in (base, Path(f"{base}-wal")) if p.exists()]


def test_deleted_entry_leaves_no_bytes_behind(db: Any) -> None:
    owner = db.local_user_id()
    marker = "ZEBRA-MARKER-7781 I am such a failure"
    with db.uow(owner) as uow:
        keep = journal.write_entry(uow, "An ordinary day, nothing special.", mood=3)
        gone = journal.write_entry(uow, marker, mood=1, emotions=["ashamed"])
        uow.commit()
    with db.uow(owner) as uow:
        uow.recover.checkpoint()
    assert any(marker.encode() in p.read_bytes() for p in _files(db))

    with db.uow(owner) as uow:
        journal.delete_entry(uow, gone.entry.id)
    for path in _files(db):
        assert marker.encode() not in path.read_bytes(), path.name
    with db.uow(owner) as uow:
        assert [e.id for e in journal.list_entries(uow)] == [keep.entry.id]
        with pytest.raises(NotFoundError):
            journal.delete_entry(uow, gone.entry.id)


def test_entry_keeps_its_analysis_and_reply(db: Any) -> None:
    with db.uow(db.local_user_id()) as uow:
        result = journal.write_entry(uow, "I always mess up interviews.", mood=2,
                                     emotions=["Tired", "tired", "  hopeful "])
        uow.commit()
    with db.uow(db.local_user_id()) as uow:
        (entry,) = journal.list_entries(uow)
    assert entry.label == "harsh"
    assert "overgeneralizing" in entry.distortions
    assert entry.reply == result.reply.reframe
    assert entry.emotions == ["tired", "hopeful"]


def test_the_same_reframe_is_not_shown_twice_in_a_row_across_sessions(db: Any) -> None:
    owner = db.local_user_id()
    seen = []
    for _ in range(8):
        with db.uow(owner) as uow:
            seen.append(journal.write_entry(uow, "I'm a failure.").reply.id)
            uow.commit()
    assert all(a != b for a, b in zip(seen, seen[1:], strict=False))


def test_crisis_entry_gets_helplines_for_the_chosen_country(db: Any) -> None:
    with db.uow(db.local_user_id()) as uow:
        result = journal.write_entry(uow, "I keep thinking about ending my life.", country="IE")
    assert result.reply.reframe is None
    contacts = " ".join(r["contact"] for r in result.reply.resources() or [])
    assert "116 123" in contacts and "50808" in contacts


def test_journal_wins_and_plan_on_sqlite_and_postgresql(any_db: Any) -> None:
    from nextround.services import plan, wins

    owner = any_db.local_user_id()
    with any_db.uow(owner) as uow:
        entry = journal.write_entry(uow, "I'll never get a job.", mood=2, emotions=["low"])
        wins.add_win(uow, "Finished the portfolio")
        plan.set_pace(uow, applications=3, restore=["a swim"])
        proposed = plan.propose(uow)
        uow.commit()
    with any_db.uow(owner) as uow:
        assert [e.label for e in journal.list_entries(uow)] == ["harsh"]
        assert any(w.title == "Finished the portfolio" for w in wins.list_wins(uow))
        current, rows = plan.current(uow)
        assert current is not None and len(rows) == len(proposed.items)
        journal.delete_entry(uow, entry.entry.id)
    with any_db.uow(owner) as uow:
        assert journal.list_entries(uow) == []


def test_a_plan_that_has_run_out_is_replaced(db: Any) -> None:
    from datetime import UTC, datetime, timedelta

    from nextround.services import plan

    start = datetime(2026, 3, 2, 12, tzinfo=UTC)
    with db.uow(db.local_user_id()) as uow:
        plan.propose(uow, clock=lambda: start)
        _current, rows = plan.current(uow, clock=lambda: start)
        assert not plan.is_over(rows, clock=lambda: start)
        later = start + timedelta(days=30)
        assert plan.is_over(rows, clock=lambda: later)
