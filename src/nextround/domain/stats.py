"""The funnel (applications, replies, interviews, final rounds, offers) per month, and effort."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

STAGES = ("applications", "replies", "interviews", "final_rounds", "offers")
STAGE_NAMES = {
    "applications": "Applications",
    "replies": "Replies",
    "interviews": "Interviews",
    "final_rounds": "Final rounds",
    "offers": "Offers",
}
_REPLIED = {"screening", "interviewing", "offer", "accepted", "rejected"}
_INTERVIEWED = {"interviewing", "offer", "accepted"}
_OFFERED = {"offer", "accepted"}


@dataclass(frozen=True)
class FunnelFact:
    """One application as the funnel sees it: the statuses it ever reached and its rounds."""

    applied_on: date | None
    statuses: frozenset[str]
    rounds: int = 0
    final_round: bool = False

    def stages(self) -> tuple[str, ...]:
        seen = self.statuses
        if self.applied_on is None and seen <= {"saved"}:
            return ()
        reached = ["applications"]
        if seen & _REPLIED or self.rounds:
            reached.append("replies")
        if seen & _INTERVIEWED or self.rounds:
            reached.append("interviews")
        if self.final_round or seen & _OFFERED:
            reached.append("final_rounds")
        if seen & _OFFERED:
            reached.append("offers")
        return tuple(reached)


@dataclass(frozen=True)
class EffortFact:
    on: date
    hours: float


@dataclass
class Funnel:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))

    def rate(self, stage: str) -> float | None:
        """Share of the previous stage that reached ``stage`` (None when nothing to divide)."""
        index = STAGES.index(stage)
        if index == 0:
            return None
        before = self.counts[STAGES[index - 1]]
        return self.counts[stage] / before if before else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": dict(self.counts),
            "rates": {s: _round(self.rate(s)) for s in STAGES[1:]},
        }


@dataclass
class Stats:
    funnel: Funnel
    months: dict[str, Funnel]
    effort_hours: float
    effort_by_month: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return {
            "funnel": self.funnel.as_dict(),
            "months": [
                {"month": month, **funnel.as_dict()}
                for month, funnel in sorted(self.months.items())
            ],
            "effort": {
                "hours": round(self.effort_hours, 1),
                "by_month": {m: round(h, 1) for m, h in sorted(self.effort_by_month.items())},
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def compute(apps: Iterable[FunnelFact], efforts: Iterable[EffortFact] = ()) -> Stats:
    """Whole funnel plus one per month of application (cohorts, so rates stay honest)."""
    total = Funnel()
    months: dict[str, Funnel] = defaultdict(Funnel)
    for app in apps:
        stages = app.stages()
        for stage in stages:
            total.counts[stage] += 1
            if app.applied_on is not None:
                months[month_of(app.applied_on)].counts[stage] += 1
    by_month: dict[str, float] = defaultdict(float)
    hours = 0.0
    for effort in efforts:
        hours += effort.hours
        by_month[month_of(effort.on)] += effort.hours
    return Stats(funnel=total, months=dict(months), effort_hours=hours,
                 effort_by_month=dict(by_month))
