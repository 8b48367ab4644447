"""`nextround interview` (rounds) and `nextround effort` (hours behind an application)."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success, table
from nextround.domain.applications import EffortKind, InterviewKind, InterviewOutcome

KINDS = [k.value for k in InterviewKind]
OUTCOMES = [o.value for o in InterviewOutcome]


@click.group()
def interview() -> None:
    """Record interview rounds."""


@interview.command("add")
@click.argument("app_id", type=int)
@click.option("--kind", type=click.Choice(KINDS), required=True, help="Kind of round.")
@click.option("--when", metavar="'YYYY-MM-DD HH:MM'", help="Date and time.")
@click.option("--duration", type=int, help="Minutes.")
@click.option("--location", default="", help="Address, video link or 'phone'.")
@click.option("--notes", default="", help="What was discussed.")
@click.option("--interviewer", "interviewers", type=int, multiple=True,
              help="Contact id of an interviewer (repeatable).")
@click.option("--outcome", type=click.Choice(OUTCOMES), default="pending", show_default=True)
@click.option("--final", is_flag=True, help="This is a final round.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def add(ctx: click.Context, app_id: int, kind: str, when: str | None, duration: int | None,
        location: str, notes: str, interviewers: tuple[int, ...], outcome: str, final: bool,
        as_json: bool) -> None:
    """Add an interview round to application APP_ID."""
    from nextround.services.people import add_interview

    with unit_of_work(ctx) as uow:
        iv_id = add_interview(uow, app_id, kind, when, duration, location, notes, interviewers,
                              outcome, final)
        uow.commit()
    if as_json:
        emit_json({"id": iv_id, "application_id": app_id})
    else:
        success(f"Round #{iv_id} added to application #{app_id}.")


@interview.command("list")
@click.option("--app", "app_id", type=int, help="Only rounds of this application.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, application_id, kind, scheduled_at, outcome, ...")
@click.pass_context
def list_(ctx: click.Context, app_id: int | None, as_json: bool) -> None:
    """List interview rounds, soonest first."""
    from nextround.services.views import interview_dict

    with unit_of_work(ctx) as uow:
        rows = uow.interviews.list(app_id)
        apps = {a.id: a for a in uow.applications.all()}
        data = [
            {**interview_dict(iv, uow.interviews.interviewers(iv.id)),
             "company": apps[iv.application_id].company.name,
             "role": apps[iv.application_id].role}
            for iv in rows
        ]
    if as_json:
        emit_json(data)
        return
    table(f"{len(data)} round(s)", ["#", "App", "Company", "When", "Kind", "Outcome"],
          [(d["id"], d["application_id"], d["company"],
            (d["scheduled_at"] or "")[:16].replace("T", " "), d["kind"], d["outcome"])
           for d in data],
          empty="No interview rounds yet. Add one with `nextround interview add APP --kind video`.")


@interview.command("edit")
@click.argument("interview_id", type=int)
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--when", metavar="'YYYY-MM-DD HH:MM'")
@click.option("--duration", type=int)
@click.option("--location")
@click.option("--notes")
@click.option("--outcome", type=click.Choice(OUTCOMES))
@click.option("--final/--not-final", "is_final", default=None)
@click.option("--interviewer", "interviewers", type=int, multiple=True)
@click.pass_context
def edit(ctx: click.Context, /, interview_id: int, interviewers: tuple[int, ...],
         **changes: object) -> None:
    """Change a round: outcome, notes, time, interviewers..."""
    from nextround.services.people import edit_interview

    values = {k: v for k, v in changes.items() if v is not None}
    if interviewers:
        values["interviewers"] = list(interviewers)
    if not values:
        raise click.UsageError("Give at least one change, e.g. --outcome passed.")
    with unit_of_work(ctx) as uow:
        edit_interview(uow, interview_id, values)
        uow.commit()
    success(f"Round #{interview_id} updated.")


@click.group()
def effort() -> None:
    """Log the effort behind an application."""


@effort.command("log")
@click.argument("app_id", type=int)
@click.argument("hours", type=float)
@click.option("--kind", type=click.Choice([k.value for k in EffortKind]), default="preparation",
              show_default=True)
@click.option("--on", "on", metavar="DATE", help="Day of the work (default today).")
@click.option("--note", default="")
@click.pass_context
def log(ctx: click.Context, app_id: int, hours: float, kind: str, on: str | None,
        note: str) -> None:
    """Log HOURS of work on application APP_ID (résumé, cover letter, preparation...)."""
    from nextround.services.people import log_effort

    with unit_of_work(ctx) as uow:
        log_effort(uow, app_id, kind, hours, on, note)
        total = uow.efforts.total_hours(app_id)
        uow.commit()
    success(f"Logged {hours:g} h of {kind.replace('_', ' ')}; {total:g} h on #{app_id} so far.")


@effort.command("list")
@click.option("--app", "app_id", type=int)
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, application_id, kind, hours, on, note.")
@click.pass_context
def effort_list(ctx: click.Context, app_id: int | None, as_json: bool) -> None:
    """List logged effort."""
    from nextround.services.views import effort_dict

    with unit_of_work(ctx) as uow:
        data = [effort_dict(e) for e in uow.efforts.list(app_id)]
    if as_json:
        emit_json(data)
        return
    table(f"{sum(d['hours'] for d in data):g} hours", ["App", "Day", "Kind", "Hours", "Note"],
          [(d["application_id"], d["on"], d["kind"], d["hours"], d["note"]) for d in data])
