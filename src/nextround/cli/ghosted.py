"""`nextround ghosted`: applications gone silent, with the days of silence; mark and undo."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import console, emit_json, success, table


def _threshold_options(func: click.decorators.FC) -> click.decorators.FC:
    for name, help_ in reversed(
        [
            ("--after-applied", "Days without news after applying (default 14)."),
            ("--after-interview", "Days without news after an interview (default 10)."),
            ("--after-follow-up", "Days without a reply after your follow-up (default 14)."),
        ]
    ):
        func = click.option(name, type=click.IntRange(1, 365), help=help_)(func)
    return func


@click.group(invoke_without_command=True)
@_threshold_options
@click.option("--marked", is_flag=True, help="List the applications already marked ghosted.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: application_id, company, role, suggestion (follow_up or "
                   "ghosted), days_silent, since, since_date, reason.")  # fmt: skip
@click.pass_context
def ghosted(
    ctx: click.Context, after_applied: int | None, after_interview: int | None,
    after_follow_up: int | None, marked: bool, as_json: bool,
) -> None:  # fmt: skip
    """Applications that went silent: follow up, or mark them ghosted (reversible)."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services import ghosting as svc

    with unit_of_work(ctx) as uow:
        if marked:
            rows = svc.ghosted_applications(uow)
        else:
            rules = svc.thresholds(
                uow, after_applied=after_applied, after_interview=after_interview,
                after_follow_up=after_follow_up,
            )  # fmt: skip
            rows = svc.silent_applications(uow, rules=rules)
    if as_json:
        emit_json(rows)
        return
    if marked:
        table(
            "Marked ghosted",
            ["app", "company", "role", "days silent", "marked on"],
            [
                (r["application_id"], r["company"], r["role"], r["days_silent"], r["marked_on"])
                for r in rows
            ],  # fmt: skip
            empty="No application is marked ghosted.",
        )
        return
    table(
        "Silent applications",
        ["app", "company", "role", "days silent", "suggestion", "why"],
        [
            (
                r["application_id"],
                r["company"],
                r["role"],
                r["days_silent"],
                "mark ghosted?" if r["suggestion"] == "ghosted" else "follow up",
                r["reason"],
            )  # fmt: skip
            for r in rows
        ],
        empty="No application has gone silent. Nice.",
    )
    if rows:
        console().print(
            "Draft a follow-up with `nextround reply`, record it with "
            "`nextround ghosted followed-up APP`, or `nextround ghosted mark APP`."
        )


@ghosted.command("mark")
@click.argument("app_id", type=int)
@click.pass_context
def mark(ctx: click.Context, app_id: int) -> None:
    """Mark an application ghosted (undo with `nextround ghosted undo APP`)."""
    from nextround.services.ghosting import mark_ghosted

    with unit_of_work(ctx) as uow:
        mark_ghosted(uow, app_id)
        uow.commit()
    success(f"Application {app_id} marked ghosted. `nextround ghosted undo {app_id}` reverses it.")


@ghosted.command("undo")
@click.argument("app_id", type=int)
@click.pass_context
def undo(ctx: click.Context, app_id: int) -> None:
    """Put a ghosted application back where it was."""
    from nextround.services.ghosting import undo_ghosted

    with unit_of_work(ctx) as uow:
        previous = undo_ghosted(uow, app_id)
        uow.commit()
    success(f"Application {app_id} is {previous.value} again.")


@ghosted.command("followed-up")
@click.argument("app_id", type=int)
@click.option("--on", "on", metavar="DATE", help="When you followed up (default: today).")
@click.pass_context
def followed_up(ctx: click.Context, app_id: int, on: str | None) -> None:
    """Record that you followed up; the silence clock restarts from then."""
    from datetime import UTC, datetime, time

    from nextround.domain.applications import parse_date
    from nextround.services.ghosting import record_follow_up

    day = parse_date(on, "follow-up date") if on else None
    when = datetime.combine(day, time(12), tzinfo=UTC) if day else None
    with unit_of_work(ctx) as uow:
        record_follow_up(uow, app_id, when)
        uow.commit()
    success(f"Follow-up recorded for application {app_id}.")


@ghosted.command("thresholds")
@_threshold_options
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="JSON object; keys: after_applied, after_interview, after_follow_up.",
)
@click.pass_context
def thresholds(
    ctx: click.Context, after_applied: int | None, after_interview: int | None,
    after_follow_up: int | None, as_json: bool,
) -> None:  # fmt: skip
    """Show the silence thresholds, or save new ones."""
    from nextround.services import ghosting as svc

    with unit_of_work(ctx) as uow:
        rules = svc.thresholds(
            uow, after_applied=after_applied, after_interview=after_interview,
            after_follow_up=after_follow_up,
        )  # fmt: skip
        changed = any(v is not None for v in (after_applied, after_interview, after_follow_up))
        if changed:
            svc.save_thresholds(uow, rules)
            uow.commit()
    data = {
        "after_applied": rules.after_applied,
        "after_interview": rules.after_interview,
        "after_follow_up": rules.after_follow_up,
    }
    if as_json:
        emit_json(data)
        return
    if changed:
        success("Saved.")
    table(None, ["rule", "days"], [(k.replace("_", " "), v) for k, v in data.items()])
