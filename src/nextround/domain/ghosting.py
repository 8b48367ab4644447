"""Silence rules: when to suggest a follow-up and when to propose marking an application ghosted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# Statuses where nobody owes anybody a reply: not sent yet, or already settled.
QUIET_STATUSES = frozenset(
    {"saved", "rejected", "offer", "accepted", "declined", "withdrawn", "ghosted", "closed"}
)


class Silence(StrEnum):
    FOLLOW_UP = "follow_up"
    GHOSTED = "ghosted"


@dataclass(frozen=True)
class Thresholds:
    """Days of silence before each suggestion; the user can change them in settings."""

    after_applied: int = 14
    after_interview: int = 10
    after_follow_up: int = 14

    def __post_init__(self) -> None:
        for name in ("after_applied", "after_interview", "after_follow_up"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least one day")


@dataclass(frozen=True)
class Timeline:
    """The dated facts about one application that silence is measured from."""

    app_id: str
    company: str
    role: str
    status: str
    applied_at: datetime | None = None
    last_interview_at: datetime | None = None
    follow_up_at: datetime | None = None
    last_heard_at: datetime | None = None
    ghosted_at: datetime | None = None


@dataclass(frozen=True)
class Verdict:
    app_id: str
    company: str
    role: str
    kind: Silence
    days_silent: int
    since: str  # which event the silence is counted from
    since_at: datetime
    reason: str


def _latest(*stamps: datetime | None) -> datetime | None:
    present = [s for s in stamps if s is not None]
    return max(present) if present else None


def judge(line: Timeline, now: datetime, rules: Thresholds | None = None) -> Verdict | None:
    """The silence verdict for one application at `now`, or None if nothing is due."""
    rules = rules or Thresholds()
    if line.status.lower() in QUIET_STATUSES:
        return None
    if line.last_interview_at is not None and line.last_interview_at > now:
        return None  # an interview is still ahead: nobody is silent yet
    heard = line.last_heard_at
    follow = line.follow_up_at
    if follow is not None and (heard is None or heard <= follow):
        days = (now - follow).days
        if days >= rules.after_follow_up:
            return Verdict(
                line.app_id, line.company, line.role, Silence.GHOSTED, days, "follow_up", follow,
                f"no reply {days} days after your follow-up "
                f"(threshold {rules.after_follow_up})",
            )  # fmt: skip
        return None
    interview = line.last_interview_at
    start = _latest(line.applied_at, interview, heard)
    if start is None:
        return None
    # Once they have interviewed you, a shorter silence is already telling.
    interviewed = interview is not None or line.status.lower() == "interviewing"
    limit = rules.after_interview if interviewed else rules.after_applied
    days = (now - start).days
    if days < limit:
        return None
    if heard is not None and heard >= start:
        since, what = "last_reply", "their last email"
    elif start == interview:
        since, what = "interview", "your interview"
    else:
        since, what = "applied", "applying"
    return Verdict(
        line.app_id, line.company, line.role, Silence.FOLLOW_UP, days, since, start,
        f"no news {days} days after {what} (threshold {limit})",
    )  # fmt: skip


def silent(
    lines: Iterable[Timeline], now: datetime, rules: Thresholds | None = None
) -> list[Verdict]:
    """Every application that is due a follow-up or a ghosted proposal, longest silence first."""
    verdicts = [v for v in (judge(line, now, rules) for line in lines) if v is not None]
    verdicts.sort(key=lambda v: (v.kind != Silence.GHOSTED, -v.days_silent, v.company))
    return verdicts


def days_since(stamp: datetime | None, now: datetime) -> int | None:
    return None if stamp is None else max(0, (now - stamp).days)
