"""Silence rules: follow-up suggestions and ghosted proposals at the configured thresholds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nextround.domain.ghosting import Silence, Thresholds, Timeline, judge, silent

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


def days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


def line(**kw: object) -> Timeline:
    base: dict[str, object] = {"app_id": "1", "company": "Acme", "role": "Dev", "status": "applied"}
    base.update(kw)
    return Timeline(**base)  # type: ignore[arg-type]


def test_fourteen_days_after_applying_suggests_a_follow_up() -> None:
    assert judge(line(applied_at=days_ago(13)), NOW) is None
    verdict = judge(line(applied_at=days_ago(14)), NOW)
    assert verdict is not None
    assert verdict.kind is Silence.FOLLOW_UP
    assert verdict.days_silent == 14 and verdict.since == "applied"


def test_ten_days_after_an_interview_suggests_a_follow_up() -> None:
    tl = line(status="interviewing", applied_at=days_ago(40), last_interview_at=days_ago(9))
    assert judge(tl, NOW) is None
    tl = line(status="interviewing", applied_at=days_ago(40), last_interview_at=days_ago(10))
    verdict = judge(tl, NOW)
    assert verdict is not None and verdict.since == "interview" and verdict.days_silent == 10


def test_fourteen_days_after_the_follow_up_proposes_ghosted() -> None:
    tl = line(applied_at=days_ago(40), follow_up_at=days_ago(13))
    assert judge(tl, NOW) is None  # the follow-up resets the clock
    verdict = judge(line(applied_at=days_ago(40), follow_up_at=days_ago(14)), NOW)
    assert verdict is not None and verdict.kind is Silence.GHOSTED


def test_a_reply_after_the_follow_up_stops_the_ghosted_proposal() -> None:
    tl = line(applied_at=days_ago(60), follow_up_at=days_ago(30), last_heard_at=days_ago(20))
    verdict = judge(tl, NOW)
    assert verdict is not None
    assert verdict.kind is Silence.FOLLOW_UP and verdict.since == "last_reply"
    assert verdict.days_silent == 20


def test_upcoming_interview_and_closed_applications_are_never_silent() -> None:
    upcoming = line(applied_at=days_ago(30), last_interview_at=NOW + timedelta(days=2))
    assert judge(upcoming, NOW) is None
    for status in ("rejected", "offer", "accepted", "withdrawn", "ghosted"):
        assert judge(line(status=status, applied_at=days_ago(90)), NOW) is None


def test_thresholds_are_configurable() -> None:
    rules = Thresholds(after_applied=7, after_interview=3, after_follow_up=5)
    assert judge(line(applied_at=days_ago(7)), NOW, rules) is not None
    tl = line(applied_at=days_ago(7), follow_up_at=days_ago(5))
    verdict = judge(tl, NOW, rules)
    assert verdict is not None and verdict.kind is Silence.GHOSTED
    with pytest.raises(ValueError):
        Thresholds(after_applied=0)


def test_listing_puts_ghosted_first_then_longest_silence() -> None:
    lines = [
        line(app_id="a", company="A", applied_at=days_ago(20)),
        line(app_id="b", company="B", applied_at=days_ago(50)),
        line(app_id="c", company="C", applied_at=days_ago(60), follow_up_at=days_ago(15)),
        line(app_id="d", company="D", applied_at=days_ago(2)),
    ]
    assert [v.app_id for v in silent(lines, NOW)] == ["c", "b", "a"]


def test_no_dates_no_verdict() -> None:
    assert judge(line(status="saved"), NOW) is None
