"""`nextround plan`: a bounce-back plan for the next days, with a calendar file."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--new", "fresh", is_flag=True, help="Propose a fresh plan from today.")
@click.option("--ics", "ics_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the plan as a calendar file (.ics).")
@click.option("--apps", type=int, help="Your weekly pace: applications per week.")
@click.option("--practice", type=int, help="Your weekly pace: practice sessions per week.")
@click.option("--restore", multiple=True, metavar="ACTIVITY",
              help="What restores you (repeatable): --restore 'a swim' --restore 'a film'.")
@click.option("--done", "done_id", type=int, metavar="ID", help="Mark a plan item as done.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON with stable keys.")
def plan(fresh: bool, ics_path: Path | None, apps: int | None, practice: int | None,
         restore: tuple[str, ...], done_id: int | None, as_json: bool) -> None:
    """Rest first, then reflect, reply and the next applications, at the pace you set.

    After several rejections in a row the plan suggests a lighter week, not a harder one.

    \b
    Examples:
      nextround plan --restore "a long walk" --restore "calling a friend" --apps 4
      nextround plan --ics plan.ics
    """
    from nextround.cli.context import unit_of_work
    from nextround.cli.output import console, emit_json
    from nextround.services import plan as service

    with unit_of_work() as uow:
        changed = apps is not None or practice is not None or bool(restore)
        if changed:
            service.set_pace(uow, applications=apps, practice=practice,
                             restore=list(restore) if restore else None)
        if done_id is not None:
            service.mark_done(uow, done_id)
        current, rows = service.current(uow)
        if current is None or fresh or changed or service.is_over(rows):
            service.propose(uow)
            current, rows = service.current(uow)
        uow.commit()
    assert current is not None
    if ics_path is not None:
        from nextround.calendar_ics import plan_ics

        ics_path.write_bytes(plan_ics(current))
    if as_json:
        data = current.as_dict()
        for item, row in zip(data["items"], rows, strict=True):
            item["id"] = row.id
            item["done"] = row.done
        emit_json(data)
        return
    out = console()
    out.print(current.note + "\n")
    day = None
    for row in rows:
        if row.starts_at.date() != day:
            day = row.starts_at.date()
            out.print(f"[bold]{day:%A %d %B}[/bold]")
        tick = "[green]✓[/green]" if row.done else " "
        out.print(f" {tick} {row.starts_at:%H:%M} [cyan]{row.title}[/cyan]  [dim]#{row.id}[/dim]")
        out.print(f"         [dim]{row.detail}[/dim]")
    if ics_path is not None:
        out.print(f"\nCalendar written to {ics_path} (import it into any calendar app).")
