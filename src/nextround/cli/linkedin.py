"""`nextround linkedin`: connection notes within LinkedIn's limit, and each contact's status."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success


@click.group()
def linkedin() -> None:
    """LinkedIn connection notes and connection status."""


@linkedin.command("note")
@click.argument("contact_id", type=int)
@click.option("--max", "limit", type=click.IntRange(40, 300), default=300, show_default=True,
              help="Character limit: 300, or 200 for accounts with the shorter limit.")
@click.option("--app", "app_id", type=int, help="The application the note is about.")
@click.option("--lang", "language", type=click.Choice(["en", "fr"]))
@click.option("--variant", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON; keys: note, length, limit.")
@click.pass_context
def note(ctx: click.Context, contact_id: int, limit: int, app_id: int | None,
         language: str | None, variant: int, as_json: bool) -> None:
    """A personal connection note for contact CONTACT_ID."""
    from nextround.services.linkedin import note_for_contact

    with unit_of_work(ctx) as uow:
        result = note_for_contact(uow, contact_id, limit=limit, language=language,
                                  variant=variant, app_id=app_id)
    if as_json:
        emit_json(result.as_dict())
        return
    click.echo(result.note)
    click.secho(f"{result.length}/{result.limit} characters", dim=True, err=True)


@linkedin.command("set")
@click.argument("contact_id", type=int)
@click.option("--url", help="The contact's LinkedIn profile link.")
@click.option("--status", type=click.Choice(["none", "sent", "connected"]),
              help="Where the connection stands.")
@click.option("--json", "as_json", is_flag=True, help="JSON; keys: linkedin_url, linkedin_status.")
@click.pass_context
def set_(ctx: click.Context, contact_id: int, url: str | None, status: str | None,
         as_json: bool) -> None:
    """Keep a contact's LinkedIn link and connection status."""
    from nextround.services.linkedin import set_linkedin

    if url is None and status is None:
        raise click.UsageError("Give --url, --status or both.")
    with unit_of_work(ctx) as uow:
        data = set_linkedin(uow, contact_id, url=url, status=status)
        uow.commit()
    if as_json:
        emit_json(data)
    else:
        success(f"Contact #{contact_id}: LinkedIn {data['linkedin_status']}"
                + (f", {data['linkedin_url']}" if data["linkedin_url"] else "") + ".")
