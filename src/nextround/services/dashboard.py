"""The pipeline at a glance: counts per status, recent activity and upcoming rounds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from nextround.domain.applications import ACTIVE, ENDINGS, PIPELINE, Status
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork


@dataclass
class Dashboard:
    counts: dict[str, int]
    total: int
    active: int
    interviews_reached: int
    effort_hours: float
    recent: list[dict[str, Any]] = field(default_factory=list)
    upcoming: list[dict[str, Any]] = field(default_factory=list)
    has_profile: bool = False

    @property
    def empty(self) -> bool:
        return self.total == 0


def build_dashboard(uow: UnitOfWork, clock: Clock = system_clock) -> Dashboard:
    by_status = uow.applications.counts_by_status()
    counts = {s.value: by_status.get(s, 0) for s in (*PIPELINE, *sorted(ENDINGS))}
    total = sum(counts.values())
    now = clock()
    recent = [
        {
            "application_id": e.application_id,
            "company": e.application.company.name,
            "role": e.application.role,
            "from": e.from_status.value if e.from_status else None,
            "to": e.to_status.value,
            "at": e.at,
            "origin": e.origin.value if hasattr(e.origin, "value") else e.origin,
        }
        for e in uow.applications.recent_events(8)
    ]
    upcoming = []
    for iv in uow.interviews.list(upcoming_after=now - timedelta(hours=2), limit=5):
        app = uow.applications.get(iv.application_id)
        upcoming.append({"id": iv.id, "application_id": app.id, "company": app.company.name,
                         "role": app.role, "kind": iv.kind.value, "at": iv.scheduled_at})
    return Dashboard(
        counts=counts,
        total=total,
        active=sum(by_status.get(s, 0) for s in ACTIVE),
        interviews_reached=uow.interviews.applications_reached(),
        effort_hours=uow.efforts.total_hours(),
        recent=recent,
        upcoming=upcoming,
        has_profile=uow.profiles.exists(),
    )


def relative_day(moment: datetime, now: datetime) -> str:
    days = (now.date() - moment.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 0:
        return f"in {-days} days" if days < -1 else "tomorrow"
    return f"{days} days ago"


STATUS_COLOURS: dict[str, str] = {
    Status.SAVED.value: "#ced4da", Status.APPLIED.value: "#74a0ff",
    Status.SCREENING.value: "#38d9a9", Status.INTERVIEWING.value: "#b197fc",
    Status.OFFER.value: "#51cf66", Status.ACCEPTED.value: "#2b8a3e",
    Status.REJECTED.value: "#ff8787", Status.GHOSTED.value: "#adb5bd",
    Status.WITHDRAWN.value: "#ffc078", Status.CLOSED.value: "#ffd8a8",
}
