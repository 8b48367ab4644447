"""`nextround today`: what to do next today, and one kind note from your record."""

from __future__ import annotations

import click


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON with stable keys.")
def today(as_json: bool) -> None:
    """Replies to send, follow-ups due, quiet applications to close, companies to look at
    again, practice due and today's plan. Quiet when there is nothing to do."""
    from nextround.cli.context import unit_of_work
    from nextround.cli.output import console, emit_json
    from nextround.services import digest as service

    with unit_of_work() as uow:
        digest = service.today(uow)
    if as_json:
        emit_json(digest.as_dict())
        return
    out = console()
    if digest.quiet:
        out.print(digest.quiet_message or "")
    for section in digest.sections:
        out.print(f"[bold]{section.title}[/bold]")
        for item in section.items:
            hint = f"  [dim]{item.command}[/dim]" if item.command else ""
            out.print(f"  • {item.text}{hint}")
        if section.more:
            out.print(f"  [dim]… and {section.more} more[/dim]")
    if digest.note:
        out.print(f"\n[green]{digest.note}[/green]")
