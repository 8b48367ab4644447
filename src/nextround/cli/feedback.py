"""`nextround feedback`: record feedback you received and see the growth areas it names."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success, table


@click.group()
def feedback() -> None:
    """Record feedback you received."""


def _read(path: Path | None) -> str:
    assert path is not None
    return path.read_text(encoding="utf-8", errors="replace")


@feedback.command("add")
@click.argument("app_id", type=int)
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the feedback from a text file.")
@click.option("--email", "message_ref", type=int,
              help="Use the text of imported email #ID (source: email).")
@click.option("--on", "received_on", type=click.DateTime(["%Y-%m-%d"]),
              help="When you received it (default today).")
@click.option("--json", "as_json", is_flag=True,
              help="JSON; keys: id, application_id, areas (key, category, label, quote).")
@click.pass_context
def add(ctx: click.Context, app_id: int, text: str | None, file: Path | None,
        message_ref: int | None, received_on: datetime | None, as_json: bool) -> None:
    """Attach feedback to application APP_ID: TEXT, --file F or --email ID."""
    from nextround.services.feedback import add_feedback, feedback_from_email

    given = [x for x in (text, file, message_ref) if x is not None]
    if len(given) != 1:
        raise click.UsageError("Give the feedback as TEXT, --file F or --email ID (one of them).")
    with unit_of_work(ctx) as uow:
        if message_ref is not None:
            if uow.inbox.message(message_ref).application_id != app_id:
                raise click.UsageError(f"Email #{message_ref} is not linked to application "
                                       f"#{app_id}.")
            feedback_id, areas = feedback_from_email(uow, message_ref)
        else:
            body = text if text is not None else _read(file)
            day = received_on.date() if received_on is not None else None
            feedback_id, areas = add_feedback(uow, app_id, body, received_on=day)
        uow.commit()
    if as_json:
        emit_json({"id": feedback_id, "application_id": app_id,
                   "areas": [{"key": a.key, "category": a.category, "label": a.label,
                              "quote": a.quote} for a in areas]})
        return
    success(f"Feedback #{feedback_id} saved on application #{app_id}.")
    if areas:
        table("Growth areas it names", ["Area", "Kind", "From"],
              [(a.label, a.category, a.quote) for a in areas])
    else:
        click.echo("No specific growth area found in it; it is kept as written.")


@feedback.command("list")
@click.option("--app", "app_id", type=int, help="Only feedback on this application.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, application_id, company, role, source, received_on, "
                   "text, areas.")
@click.pass_context
def list_(ctx: click.Context, app_id: int | None, as_json: bool) -> None:
    """All feedback received, oldest first."""
    from nextround.services.feedback import list_feedback

    with unit_of_work(ctx) as uow:
        items = list_feedback(uow, app_id)
    if as_json:
        emit_json(items)
        return
    table(f"{len(items)} piece(s) of feedback", ["#", "App", "Company", "Received", "Source",
                                                "Areas"],
          [(i["id"], i["application_id"], i["company"], i["received_on"], i["source"],
            ", ".join(a["label"] for a in i["areas"]) or "—") for i in items],
          empty="No feedback yet. When some arrives: `nextround feedback add APP \"text\"`.")




@feedback.command("collect")
@click.option("--json", "as_json", is_flag=True,
              help="JSON; keys: attached (feedback_id, email_id, application_id, areas), "
                   "replies_without_areas (email_id, application_id, subject).")
@click.pass_context
def collect(ctx: click.Context, as_json: bool) -> None:
    """Attach imported answers to your messages that name growth areas."""
    from nextround.services.feedback import collect_feedback

    with unit_of_work(ctx) as uow:
        result = collect_feedback(uow)
        uow.commit()
    if as_json:
        emit_json(result)
        return
    for item in result["attached"]:
        success(f"Email #{item['email_id']} attached as feedback #{item['feedback_id']} "
                f"(application #{item['application_id']}): {', '.join(item['areas'])}.")
    for item in result["replies_without_areas"]:
        click.echo(f"Email #{item['email_id']} answers you (application "
                   f"#{item['application_id']}) but names no growth area; attach it with "
                   f"`nextround feedback add {item['application_id']} --email {item['email_id']}`.")
    if not result["attached"] and not result["replies_without_areas"]:
        click.echo("No new answers to your messages.")
