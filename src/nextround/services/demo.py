"""A realistic demo data set: about 40 applications over three months, across the pipeline."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from nextround.data import load_toml
from nextround.domain.applications import InterviewKind, InterviewOutcome, Origin, Status
from nextround.errors import ConflictError
from nextround.services import applications as apps
from nextround.services import people
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

# Final status of each demo application, so every feature has something to show.
OUTCOMES: list[Status] = (
    [Status.REJECTED] * 11 + [Status.GHOSTED] * 5 + [Status.APPLIED] * 9
    + [Status.SCREENING] * 3 + [Status.INTERVIEWING] * 5 + [Status.OFFER] * 1
    + [Status.SAVED] * 4 + [Status.WITHDRAWN] * 1 + [Status.CLOSED] * 1 + [Status.ACCEPTED] * 0
)
ROUND_KINDS = [InterviewKind.PHONE_SCREEN, InterviewKind.VIDEO, InterviewKind.TECHNICAL,
               InterviewKind.ASSIGNMENT, InterviewKind.PANEL, InterviewKind.ONSITE]


def load_demo(uow: UnitOfWork, seed: int = 7, clock: Clock = system_clock) -> int:
    """Fill an empty database with demo records; returns the number of applications."""
    if uow.applications.count() > 0:
        raise ConflictError(
            "This database already has applications; demo data goes into an empty one.",
            "Run `nextround demo` without --db to use the separate demo database.",
        )
    data = load_toml("demo.toml")
    rng = random.Random(seed)
    now = clock()
    start = now - timedelta(days=92)
    people.update_profile(uow, dict(data["profile"]), clock=clock)
    outcomes = list(OUTCOMES)
    rng.shuffle(outcomes)
    for index, final in enumerate(outcomes):
        name, domain = data["companies"][index % len(data["companies"])]
        rounds = _rounds_for(final, rng)
        # Long processes start early enough to have finished by today.
        needed = 0 if final in {Status.INTERVIEWING, Status.SAVED} else 14 + 11 * len(rounds)
        applied = min(start + timedelta(days=int(index * 2.1) + rng.randint(0, 2)),
                      now - timedelta(days=needed + rng.randint(1, 4)))
        applied_at = datetime.combine(applied.date(), time(9 + rng.randint(0, 8)), UTC)

        def at(days: float, base: datetime = applied_at) -> Clock:
            moment = min(base + timedelta(days=days), now - timedelta(hours=1))
            return lambda: moment

        item = apps.ApplicationInput(
            company=name, role=rng.choice(data["roles"]), location=rng.choice(data["locations"]),
            url=f"https://{domain}/careers/{1000 + index}",
            source=rng.choice(["job_board", "company_site", "referral", "career_fair", "linkedin"]),
            applied_on=None if final == Status.SAVED else applied_at.date(),
            salary_min=rng.choice([None, 52000, 58000, 65000]), notes=rng.choice(data["app_notes"]),
        )
        item.status = "saved" if final == Status.SAVED else "applied"
        app_id = apps.add_application(uow, item, origin=Origin.MANUAL, clock=at(0))
        company = uow.companies.get_or_create(name)
        company.domain = domain
        company.website = f"https://{domain}"
        if final == Status.SAVED:
            continue
        people.log_effort(uow, app_id, "resume", rng.choice([0.5, 1.0, 1.5]), applied_at.date())
        people.log_effort(uow, app_id, "cover_letter", rng.choice([0.5, 1.0, 2.0]),
                          applied_at.date())
        recruiter = people.add_contact(
            uow, f"{rng.choice(data['first_names'])} {rng.choice(data['last_names'])}",
            company=name, title=rng.choice(data["titles"][:2]),
            email=f"talent@{domain}", how_met=rng.choice(data["how_met"]),
            application_id=app_id, relation="recruiter",
        )
        day = 6.0 + rng.randint(0, 4)
        if rounds:
            apps.change_status(uow, app_id, Status.SCREENING, clock=at(day - 1))
        for n, kind in enumerate(rounds):
            when = applied_at + timedelta(days=day)
            interviewer = recruiter if n == 0 else people.add_contact(
                uow, f"{rng.choice(data['first_names'])} {rng.choice(data['last_names'])}",
                company=name, title=rng.choice(data["titles"][2:]), application_id=app_id,
                relation="interviewer",
            )
            last = n == len(rounds) - 1
            outcome = InterviewOutcome.PASSED
            if last and final == Status.REJECTED:
                outcome = InterviewOutcome.REJECTED
            if when > now or (last and final in {Status.INTERVIEWING, Status.GHOSTED}):
                outcome = InterviewOutcome.PENDING
            people.add_interview(
                uow, app_id, kind.value, when.strftime("%Y-%m-%d %H:%M"), 45,
                notes=rng.choice(data["round_notes"]), interviewer_ids=[interviewer],
                outcome=outcome.value, is_final=last and len(rounds) >= 3,
            )
            people.log_effort(uow, app_id, "preparation", rng.choice([1.0, 2.0, 3.0]), when.date())
            if kind == InterviewKind.ASSIGNMENT:
                people.log_effort(uow, app_id, "assignment", rng.choice([4.0, 6.0]), when.date())
            if n == 0:
                apps.change_status(uow, app_id, Status.INTERVIEWING, clock=at(day))
            day += 5 + rng.randint(0, 6)
        if final in {Status.REJECTED, Status.GHOSTED, Status.OFFER, Status.WITHDRAWN,
                     Status.CLOSED, Status.SCREENING}:
            if final == Status.SCREENING and rounds:
                continue
            origin = Origin.EMAIL if final == Status.REJECTED else Origin.MANUAL
            apps.change_status(uow, app_id, final, origin=origin, clock=at(day + 3))
    uow.flush()
    from nextround.services.demo_extras import load_extras

    load_extras(uow, rng, clock)
    return len(outcomes)


def _rounds_for(final: Status, rng: random.Random) -> list[InterviewKind]:
    if final in {Status.APPLIED, Status.SAVED, Status.CLOSED}:
        return []
    if final == Status.SCREENING:
        return []
    if final == Status.GHOSTED:
        return ROUND_KINDS[: rng.choice([0, 1, 1, 2])]
    if final == Status.REJECTED:
        return ROUND_KINDS[: rng.choice([0, 0, 1, 2, 2, 3, 4])]
    if final == Status.OFFER:
        return ROUND_KINDS[:5]
    return ROUND_KINDS[: rng.choice([1, 2, 3])]
