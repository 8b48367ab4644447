"""`nextround watch`: companies that left the door open, and when to look at them again."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success, table


@click.group(invoke_without_command=True)
@click.option("--all", "include_closed", is_flag=True, help="Include entries done or dismissed.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, company, company_id, application_id, role, "
                   "look_again_on, due, state, reason, website.")
@click.pass_context
def watch(ctx: click.Context, include_closed: bool, as_json: bool) -> None:
    """The watch list: companies to check again, soonest first."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.watch import refresh, watch_list

    with unit_of_work(ctx) as uow:
        refresh(uow)
        items = watch_list(uow, include_closed=include_closed)
        uow.commit()
    if as_json:
        emit_json(items)
        return
    table(f"{len(items)} compan(ies) on the watch list", ["#", "Company", "Role", "Look again",
                                                          "State"],
          [(i["id"], i["company"], i["role"],
            i["look_again_on"] + (" (now)" if i["due"] else ""), i["state"]) for i in items],
          empty="Nobody on the watch list. Add a company with `nextround watch add APP`.")


@watch.command("add")
@click.argument("app_id", type=int)
@click.option("--months", type=click.IntRange(1, 36), default=3, show_default=True,
              help="Look again after this many months.")
@click.option("--reason", default="", help="Why, in a few words.")
@click.pass_context
def add(ctx: click.Context, app_id: int, months: int, reason: str) -> None:
    """Watch the company of application APP_ID."""
    from nextround.services.watch import watch_company, watch_list

    with unit_of_work(ctx) as uow:
        entry_id = watch_company(uow, app_id, months=months, reason=reason)
        uow.commit()
        entry = next(i for i in watch_list(uow) if i["id"] == entry_id)
    success(f"Watching {entry['company']}: look again on {entry['look_again_on']}.")


@watch.command("done")
@click.argument("entry_id", type=int)
@click.option("--dismiss", is_flag=True, help="Stop watching without having looked.")
@click.pass_context
def done(ctx: click.Context, entry_id: int, dismiss: bool) -> None:
    """Mark watch-list entry ENTRY_ID as looked at (or dismissed)."""
    from nextround.services.watch import set_state

    with unit_of_work(ctx) as uow:
        set_state(uow, entry_id, "dismissed" if dismiss else "done")
        uow.commit()
    success(f"Entry #{entry_id} {'dismissed' if dismiss else 'done'}.")


@watch.command("snooze")
@click.argument("entry_id", type=int)
@click.option("--months", type=click.IntRange(1, 36), default=3, show_default=True)
@click.pass_context
def snooze_(ctx: click.Context, entry_id: int, months: int) -> None:
    """Look at entry ENTRY_ID again later."""
    from nextround.services.watch import snooze

    with unit_of_work(ctx) as uow:
        day = snooze(uow, entry_id, months)
        uow.commit()
    success(f"Entry #{entry_id}: look again on {day}.")
