"""`nextround app`: add, list, show, edit, move through the pipeline, note, delete."""

from __future__ import annotations

import click

from nextround.cli.context import interactive, unit_of_work
from nextround.cli.output import console, emit_json, success, table
from nextround.domain.applications import Source, Status

STATUS_CHOICES = [s.value for s in Status]
SOURCE_CHOICES = [s.value for s in Source]


@click.group()
def app() -> None:
    """Track job applications."""


def _fields(func: click.decorators.FC) -> click.decorators.FC:
    options = [
        click.option("--company", help="Company name."),
        click.option("--role", help="Job title."),
        click.option("--location", help="City, 'Remote', ..."),
        click.option("--url", help="Link to the job posting."),
        click.option("--source", type=click.Choice(SOURCE_CHOICES), help="How you found it."),
        click.option("--applied", "applied_on", metavar="DATE", help="Date applied (YYYY-MM-DD)."),
        click.option("--salary-min", help="Salary range, low end (e.g. 55000 or 55k)."),
        click.option("--salary-max", help="Salary range, high end."),
        click.option("--currency", "salary_currency", help="Currency code, e.g. USD, EUR."),
        click.option("--notes", help="Notes about the role."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@app.command("add")
@_fields
@click.option("--status", type=click.Choice(STATUS_CHOICES),
              help="Starting status (default: applied when a date is given, else saved).")
@click.option("--json", "as_json", is_flag=True, help="Print the new application as JSON.")
@click.pass_context
def add(ctx: click.Context, /, as_json: bool, **fields: str | None) -> None:
    """Add an application. Example: nextround app add --company Acme --role Analyst --applied 2026-03-01"""
    from nextround.services.applications import ApplicationInput, add_application
    from nextround.services.views import application_dict

    values = {k: v for k, v in fields.items() if v is not None}
    if interactive() and not values.get("company"):
        values["company"] = click.prompt("Company")
    if interactive() and not values.get("role"):
        values["role"] = click.prompt("Role")
    with unit_of_work(ctx) as uow:
        app_id = add_application(uow, ApplicationInput(**values))
        uow.commit()
        row = uow.applications.get(app_id)
        data = application_dict(row)
    if as_json:
        emit_json(data)
    else:
        success(f"Added #{app_id}: {data['role']} at {data['company']} ({data['status']}).")


@app.command("list")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUS_CHOICES),
              help="Only these statuses (repeatable).")
@click.option("--active", is_flag=True, help="Only applications still in progress.")
@click.option("-q", "--search", help="Search company, role and location.")
@click.option("--sort", type=click.Choice(["applied", "applied_asc", "updated", "company",
                                            "status", "role"]), default="applied",
              show_default=True)
@click.option("--limit", type=int, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, company, role, status, applied_on, location, url, ...")
@click.pass_context
def list_(ctx: click.Context, statuses: tuple[str, ...], active: bool, search: str | None,
          sort: str, limit: int | None, as_json: bool) -> None:
    """List applications, newest first."""
    from nextround.domain.applications import ACTIVE
    from nextround.services.views import application_dict

    wanted = [Status(s) for s in statuses] or (sorted(ACTIVE) if active else None)
    with unit_of_work(ctx) as uow:
        rows = uow.applications.list(status=wanted, query=search, sort=sort, limit=limit)
        rounds = uow.interviews.count_by_application([a.id for a in rows])
        data = [application_dict(a, interviews=rounds.get(a.id, 0)) for a in rows]
    if as_json:
        emit_json(data)
        return
    table(
        f"{len(data)} application(s)",
        ["#", "Company", "Role", "Status", "Applied", "Rounds"],
        [(d["id"], d["company"], d["role"], d["status"], d["applied_on"] or "—",
          d["interviews"] or "") for d in data],
        empty="No applications yet. Add one with `nextround app add` or load `nextround demo`.",
    )


@app.command("show")
@click.argument("app_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (with timeline, rounds).")
@click.pass_context
def show(ctx: click.Context, app_id: int, as_json: bool) -> None:
    """Show one application with its timeline, rounds, contacts, effort and notes."""
    from nextround.services.views import (
        application_dict,
        contact_dict,
        effort_dict,
        event_dict,
        interview_dict,
    )

    with unit_of_work(ctx) as uow:
        a = uow.applications.get(app_id)
        data = application_dict(a)
        data["timeline"] = [event_dict(e) for e in uow.applications.events(app_id)]
        data["rounds"] = [
            interview_dict(iv, uow.interviews.interviewers(iv.id))
            for iv in uow.interviews.list(app_id)
        ]
        data["contacts"] = [
            {**contact_dict(c), "relation": rel} for c, rel in uow.applications.contacts(app_id)
        ]
        data["effort"] = [effort_dict(e) for e in uow.efforts.list(app_id)]
        data["effort_hours"] = uow.efforts.total_hours(app_id)
        data["notes_log"] = [
            {"id": n.id, "text": n.text, "at": n.created_at.isoformat(), "source": n.source}
            for n in uow.applications.notes(app_id)
        ]
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]#{data['id']} {data['role']}[/bold] at [bold]{data['company']}[/bold]"
              f"  ·  {data['status']}")
    details = [("Applied", data["applied_on"]), ("Location", data["location"]),
               ("Link", data["url"]), ("Source", data["source"]),
               ("Effort", f"{data['effort_hours']:.1f} h")]
    if data["salary_min"] or data["salary_max"]:
        details.append(("Salary", f"{data['salary_min'] or '?'}–{data['salary_max'] or '?'} "
                                  f"{data['salary_currency']}"))
    for label, value in details:
        if value:
            out.print(f"  {label}: {value}")
    if data["notes"]:
        out.print(f"  Notes: {data['notes']}")
    table("Timeline", ["When", "Change", "Origin"],
          [(e["at"][:16].replace("T", " "), f"{e['from_status'] or 'new'} → {e['to_status']}",
            e["origin"]) for e in data["timeline"]])
    if data["rounds"]:
        table("Interview rounds", ["#", "When", "Kind", "Outcome", "Interviewers"],
              [(r["id"], (r["scheduled_at"] or "")[:16].replace("T", " "), r["kind"],
                r["outcome"], ", ".join(i["name"] for i in r["interviewers"]))
               for r in data["rounds"]])
    if data["contacts"]:
        table("Contacts", ["#", "Name", "Title", "Relation"],
              [(c["id"], c["name"], c["title"], c["relation"]) for c in data["contacts"]])
    for note in data["notes_log"]:
        out.print(f"  [dim]{note['at'][:10]}[/dim] {note['text']}")


@app.command("edit")
@click.argument("app_id", type=int)
@_fields
@click.pass_context
def edit(ctx: click.Context, /, app_id: int, **fields: str | None) -> None:
    """Change fields of an application (only the options you give)."""
    from nextround.services.applications import edit_application

    changes = {k: v for k, v in fields.items() if v is not None}
    if not changes:
        raise click.UsageError("Give at least one field to change, e.g. --role 'Data Analyst'.")
    with unit_of_work(ctx) as uow:
        edit_application(uow, app_id, changes)
        uow.commit()
    success(f"Updated #{app_id}.")


@app.command("status")
@click.argument("app_id", type=int)
@click.argument("new_status", type=click.Choice(STATUS_CHOICES, case_sensitive=False))
@click.option("--note", default="", help="Why, or what happened.")
@click.pass_context
def status(ctx: click.Context, app_id: int, new_status: str, note: str) -> None:
    """Move an application to a new status (endings can be reopened)."""
    from nextround.services.applications import change_status

    with unit_of_work(ctx) as uow:
        old, new = change_status(uow, app_id, new_status, note=note)
        uow.commit()
    success(f"#{app_id}: {old.value} → {new.value}.")


@app.command("note")
@click.argument("app_id", type=int)
@click.argument("text")
@click.pass_context
def note(ctx: click.Context, app_id: int, text: str) -> None:
    """Add a dated note to an application."""
    from nextround.services.applications import add_note

    with unit_of_work(ctx) as uow:
        add_note(uow, app_id, text)
        uow.commit()
    success(f"Note added to #{app_id}.")


@app.command("delete")
@click.argument("app_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def delete(ctx: click.Context, app_id: int, yes: bool) -> None:
    """Delete an application with its rounds, notes and timeline."""
    from nextround.services.applications import delete_application

    if not yes:
        if not interactive():
            raise click.UsageError("Deleting needs --yes when not at a terminal.")
        click.confirm(f"Delete application #{app_id} and everything attached to it?", abort=True)
    with unit_of_work(ctx) as uow:
        label = delete_application(uow, app_id)
        uow.commit()
    success(f"Deleted {label}.")
