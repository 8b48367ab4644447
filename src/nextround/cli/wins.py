"""`nextround wins`: the steps you deserve credit for, and `wins add` for your own."""

from __future__ import annotations

import click


class _WinsGroup(click.Group):
    """`nextround wins` lists; `nextround wins add TEXT` adds one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_WinsGroup)
def wins() -> None:
    """The steps you deserve credit for: interviews reached, final rounds, assignments,
    feedback asked and received, stories, practice streaks, growth, and your own wins.

    \b
    Examples:
      nextround wins
      nextround wins --json
      nextround wins add "Gave my first lightning talk"
    """


@wins.command("list")
@click.option("--limit", default=30, show_default=True, help="How many, newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON with stable keys.")
def list_(limit: int, as_json: bool) -> None:
    """List your wins, newest first."""
    from nextround.cli.context import unit_of_work
    from nextround.cli.output import console, emit_json
    from nextround.services import wins as service

    with unit_of_work() as uow:
        found = service.list_wins(uow)[:limit]
    if as_json:
        emit_json([w.as_dict() for w in found])
        return
    out = console()
    if not found:
        out.print("No wins recorded yet. Every application counts: add one with "
                  "`nextround app add`, or note your own with `nextround wins add`.")
        return
    for win in found:
        out.print(f"[bold]{win.on:%d %b %Y}[/bold]  [green]{win.title}[/green]")
        out.print(f"    {win.credit}")


@wins.command("add")
@click.argument("title")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), help="The day (default today).")
@click.option("--note", default="", help="A few more words, for you.")
def add(title: str, on: object, note: str) -> None:
    """Note a win of your own."""
    from datetime import datetime

    from nextround.cli.context import unit_of_work
    from nextround.cli.output import success
    from nextround.services import wins as service

    day = on.date() if isinstance(on, datetime) else None
    with unit_of_work() as uow:
        row = service.add_win(uow, title, on=day, note=note)
        uow.commit()
        ident = row.id
    success(f"Win noted ({ident}): {title}")
