"""`nextround growth`: the growth areas your feedback names, ranked, with what you do about them."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success, table


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: rank, key, category, label, count, last_seen, quotes, "
                   "actions.")
@click.pass_context
def growth(ctx: click.Context, as_json: bool) -> None:
    """Growth areas across all your feedback, the most frequent first."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.feedback import collect_feedback, growth_areas

    with unit_of_work(ctx) as uow:
        # Answers to your own messages that name growth areas join by themselves.
        collect_feedback(uow)
        uow.commit()
        items = growth_areas(uow)
    if as_json:
        emit_json(items)
        return
    table(f"{len(items)} growth area(s)", ["#", "Area", "Kind", "Times", "Last", "Actions"],
          [(i["rank"], i["label"], i["category"], i["count"], i["last_seen"] or "",
            "; ".join(f"#{a['id']} {a['title']} ({a['status']})" for a in i["actions"]))
           for i in items],
          empty="No growth areas yet. Record feedback with `nextround feedback add APP TEXT`.")


@growth.group("action")
def action() -> None:
    """Plan and track what you do about a growth area."""


@action.command("add")
@click.argument("area")
@click.argument("title")
@click.option("--kind", type=click.Choice(["course", "project", "practice"]), default="practice",
              show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON; keys: id, area.")
@click.pass_context
def action_add(ctx: click.Context, area: str, title: str, kind: str, as_json: bool) -> None:
    """Add an action to AREA (its number or key from `nextround growth`)."""
    from nextround.services.feedback import add_action

    with unit_of_work(ctx) as uow:
        action_id = add_action(uow, area, kind, title)
        uow.commit()
    if as_json:
        emit_json({"id": action_id, "area": area})
    else:
        success(f"Action #{action_id} added: {title}")


@action.command("status")
@click.argument("action_id", type=int)
@click.argument("status", type=click.Choice(["todo", "doing", "done", "dropped"]))
@click.pass_context
def action_status(ctx: click.Context, action_id: int, status: str) -> None:
    """Set the status of action ACTION_ID."""
    from nextround.services.feedback import set_action_status

    with unit_of_work(ctx) as uow:
        set_action_status(uow, action_id, status)
        uow.commit()
    success(f"Action #{action_id} is now {status}.")
