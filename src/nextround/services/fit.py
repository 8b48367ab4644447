"""Use cases for fit: the values that matter, a company's scorecard, red flags, a summary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nextround.domain import fit as rules
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock

if TYPE_CHECKING:
    from nextround.storage.uow import UnitOfWork


def weights(uow: UnitOfWork) -> dict[str, int]:
    stored = uow.reflect.fit_weights()
    base = rules.default_weights()
    if stored:
        base.update({k: int(v) for k, v in stored.items() if k in base})
    return base


def set_weights(uow: UnitOfWork, new: Mapping[str, int], clock: Clock = system_clock) -> None:
    problems = rules.validate_weights(new)
    if problems:
        raise UserInputError("Cannot set these weights: " + "; ".join(problems) + ".",
                             "Values: " + ", ".join(v.key for v in rules.values()) + ".")
    merged = weights(uow)
    merged.update(new)
    uow.reflect.set_fit_weights(merged, clock())


def assess(uow: UnitOfWork, application_id: int, scores: Mapping[str, int],
           notes: Mapping[str, str], flags: Mapping[str, str], clear_flags: tuple[str, ...] = (),
           clock: Clock = system_clock) -> None:
    from nextround.storage.tables.reflect import FitAssessment

    uow.reflect.application(application_id)
    problems = rules.validate_scores(scores)
    known_flags = {f.key for f in rules.flags()}
    problems += [f"unknown red flag '{k}'" for k in [*flags, *clear_flags] if k not in known_flags]
    if problems:
        raise UserInputError("Cannot save this scorecard: " + "; ".join(problems) + ".",
                             "See values and flags with `nextround fit APP --json`.")
    now = clock()
    row = uow.reflect.assessment(application_id)
    if row is None:
        row = uow.reflect.add(FitAssessment(owner_id=uow.owner_id, application_id=application_id,
                                            scores={}, notes={}, flags={}, created_at=now,
                                            updated_at=now))
    # JSON columns change only when given a new object.
    row.scores = {**row.scores, **scores}
    row.notes = {**row.notes, **{k: v for k, v in notes.items() if v.strip()}}
    row.flags = {k: v for k, v in {**row.flags, **flags}.items() if k not in clear_flags}
    row.updated_at = now
    uow.flush()


def scorecard(uow: UnitOfWork, application_id: int) -> dict[str, Any]:
    app = uow.reflect.application(application_id)
    w = weights(uow)
    row = uow.reflect.assessment(application_id)
    a = rules.Assessment(
        scores={k: int(v) for k, v in (row.scores if row else {}).items()},
        notes=dict(row.notes) if row else {},
        flags=dict(row.flags) if row else {},
    )
    summary = rules.summarise(w, a, seed=str(application_id))
    rejected = app.status.value in ("rejected", "ghosted", "closed")
    return {
        "application_id": app.id, "company": app.company.name, "role": app.role,
        "status": app.status.value,
        "values": [{"key": v.key, "label": v.label, "prompt": v.prompt, "weight": w[v.key],
                    "score": a.scores.get(v.key), "note": a.notes.get(v.key, "")}
                   for v in rules.values()],
        "flags": [{"key": f.key, "label": f.label, "detail": f.detail, "severity": f.severity,
                   "raised": f.key in a.flags, "note": a.flags.get(f.key, "")}
                  for f in rules.flags()],
        "score": summary.score, "best": summary.best, "worst": summary.worst,
        "raised_flags": [f.key for f in summary.flags], "summary": summary.text,
        "after_rejection": summary.after_rejection if rejected else None,
    }
