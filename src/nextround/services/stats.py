"""Stats: the funnel per month and the effort behind it, from the whole record."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from nextround.domain.stats import EffortFact, FunnelFact, Stats, compute


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


def stats(uow: Any) -> Stats:
    repo = uow.recover
    seen: dict[int, set[str]] = defaultdict(set)
    for event in repo.status_events():
        seen[event.application_id].add(_value(event.to_status))
    rounds: dict[int, int] = defaultdict(int)
    finals: set[int] = set()
    for rnd in repo.interviews():
        if _value(rnd.kind) not in ("assignment", "assessment"):
            rounds[rnd.application_id] += 1
        if rnd.is_final:
            finals.add(rnd.application_id)
    facts = []
    for app, _company in repo.applications():
        statuses = frozenset(seen[app.id] | {_value(app.status)})
        facts.append(FunnelFact(app.applied_on, statuses, rounds[app.id], app.id in finals))
    efforts = [EffortFact(e.on, float(e.hours)) for e in repo.efforts()]
    return compute(facts, efforts)
