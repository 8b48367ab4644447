"""`nextround reply`: draft the reply to a rejection, a follow-up after silence, a thank-you."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success, table
from nextround.domain.reply_context import PARTS, PROPOSAL_KINDS, TONES, Language, ProposalKind, Tone

_LANGS = ["en", "fr"]


def _draft_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every draft command shares."""
    options = [
        click.option("--tone", type=click.Choice(TONES), default="warm", show_default=True),
        click.option("--lang", "language", type=click.Choice(_LANGS),
                     help="Language of the draft (default: your profile's)."),
        click.option("--variant", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Another number gives another phrasing of the same message."),
        click.option("--to", "to", multiple=True, metavar="ADDRESS",
                     help="Send to this address instead of the contact's (repeatable)."),
        click.option("--eml", "eml", type=click.Path(dir_okay=False, path_type=Path),
                     help="Also save it as an .eml file your mail program can open."),
        click.option("--mailto", is_flag=True, help="Also print a mailto: link."),
        click.option("--send", is_flag=True,
                     help="Send it through your SMTP account (NEXTROUND_SMTP_* settings)."),
        click.option("--mark-sent", is_flag=True,
                     help="You sent it from your own mail program: note it on the application "
                          "and set the follow-up reminder."),
        click.option("--json", "as_json", is_flag=True,
                     help="JSON; keys: subject, body, to, language, parts, warnings."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group()
def reply() -> None:
    """Draft replies: after a rejection, follow-ups to silence, thank-you notes."""


def _split_parts(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        raise click.BadParameter(f"unknown part {unknown[0]!r}; choose from {', '.join(PARTS)}",
                                 param_hint="--parts")
    return parts


def _options(uow: Any, tone: Tone, language: Language | None, variant: int,
             parts: tuple[str, ...] | None = None, proposal: ProposalKind | None = None) -> Any:
    from nextround.domain.reply_context import DraftOptions
    from nextround.services.replies import default_language

    return DraftOptions(parts=parts, proposal=proposal, tone=tone,
                        language=language or default_language(uow), variant=variant)


def _finish(uow: Any, app_id: int, draft: Any, ctx: Any, *, to: tuple[str, ...],
            eml: Path | None, mailto: bool, send: bool, as_json: bool,
            mark_sent: bool = False, interview_id: int | None = None) -> None:
    """Output the draft, save or send it as asked, and commit what was recorded."""
    from nextround.domain.reply_context import Draft

    if to:
        draft = Draft(**{**draft.__dict__, "to": tuple(a.strip() for a in to)})
    data: dict[str, Any] = draft.as_dict()
    if eml is not None:
        from nextround.mail.compose import write_eml
        from nextround.services.replies import message_for

        saved = message_for(uow, draft, ctx, to=draft.to, require_recipient=False)
        write_eml(saved, eml)
        data["eml"] = str(eml)
        data["message_id"] = str(saved["Message-ID"])
    if mailto:
        from nextround.mail.compose import mailto_link

        thread = ctx.thread if draft.kind != "thanks_note" else None
        data["mailto"] = mailto_link(draft, thread)
    if mark_sent and not send:
        from nextround.services.replies import record_sent

        recorded = record_sent(uow, app_id, draft, message_id=data.get("message_id"),
                               channel="eml" if eml else "manual", interview_id=interview_id)
        uow.commit()
        data["sent"] = {"to": list(draft.to), "follow_up_on": recorded.reminder_due.isoformat()
                        if recorded.reminder_due else None}
    if send:
        from nextround.errors import ConfigError
        from nextround.mail.smtp import account_from_env, resolve_password
        from nextround.services.replies import send_draft

        account = account_from_env()
        if account is None:
            raise ConfigError(
                "No SMTP account is set up for sending.",
                hint="Set NEXTROUND_SMTP_HOST (and NEXTROUND_SMTP_USER, NEXTROUND_SMTP_PASSWORD "
                "or the keyring), or use --eml to send it from your mail program.",
            )
        recorded, accepted = send_draft(uow, app_id, draft, ctx, account=account,
                                        password=resolve_password(account),
                                        interview_id=interview_id, to=draft.to)
        uow.commit()
        data["sent"] = {"to": accepted, "follow_up_on": recorded.reminder_due.isoformat()
                        if recorded.reminder_due else None}
    if as_json:
        emit_json(data)
        return
    click.echo(f"To: {', '.join(draft.to) or '(no address known)'}")
    click.echo(f"Subject: {draft.subject}\n")
    click.echo(draft.body)
    for warning in draft.warnings:
        click.secho(f"! {warning}", fg="yellow", err=True)
    if "eml" in data:
        success(f"Saved {data['eml']}")
    if "mailto" in data:
        click.echo(data["mailto"])
    if "sent" in data:
        follow = data["sent"]["follow_up_on"]
        what = "Sent to" if send else "Noted as sent to"
        success(f"{what} {', '.join(data['sent']['to']) or 'the company'}."
                + (f" A follow-up reminder is set for {follow}." if follow else ""))


@reply.command("draft")
@click.argument("app_id", type=int)
@click.option("--parts", help=f"Comma-separated parts: {','.join(PARTS)} "
              "(default: chosen from the rejection).")
@click.option("--proposal", type=click.Choice(PROPOSAL_KINDS),
              help="Offer freelance, internship or part-time work (adds the proposal part).")
@click.option("--topic", "topics", multiple=True,
              help="Something you discussed in the interview (repeatable).")
@click.option("--door-open/--door-closed", "door_open", default=None,
              help="Whether the rejection left the door open (default: read from the email).")
@click.option("--stage", type=click.Choice(["application", "interview"]),
              help="When the rejection came (default: read from the email or the rounds).")
@_draft_options
@click.pass_context
def draft(ctx: click.Context, app_id: int, parts: str | None, proposal: ProposalKind | None,
          topics: tuple[str, ...], door_open: bool | None, stage: str | None, tone: Tone,
          language: Language | None, variant: int, to: tuple[str, ...], eml: Path | None,
          mailto: bool, send: bool, mark_sent: bool, as_json: bool) -> None:
    """Draft the reply to the rejection of application APP_ID."""
    from nextround.services.replies import draft_for_application

    chosen = _split_parts(parts)
    with unit_of_work(ctx) as uow:
        options = _options(uow, tone, language, variant, chosen, proposal)
        result, context = draft_for_application(uow, app_id, options, topics,
                                                door_open=door_open, stage=stage)
        _finish(uow, app_id, result, context, to=to, eml=eml, mailto=mailto, send=send,
                as_json=as_json, mark_sent=mark_sent)


@reply.command("followup")
@click.argument("app_id", type=int)
@click.option("--step", type=click.IntRange(1, 2),
              help="1: polite follow-up; 2: closing the loop "
              "(default: 2 once a follow-up went out).")
@_draft_options
@click.pass_context
def followup(ctx: click.Context, app_id: int, step: int | None, tone: Tone,
             language: Language | None, variant: int, to: tuple[str, ...], eml: Path | None,
             mailto: bool, send: bool, mark_sent: bool, as_json: bool) -> None:
    """Draft a follow-up for application APP_ID after silence, then a closing note."""
    from nextround.services.replies import followup_for_application

    with unit_of_work(ctx) as uow:
        options = _options(uow, tone, language, variant)
        result, context = followup_for_application(uow, app_id, options, step)
        _finish(uow, app_id, result, context, to=to, eml=eml, mailto=mailto, send=send,
                as_json=as_json, mark_sent=mark_sent)


@reply.command("thanks")
@click.argument("interview_id", type=int)
@click.option("--topic", "topics", multiple=True,
              help="Something you discussed in the interview (repeatable).")
@_draft_options
@click.pass_context
def thanks(ctx: click.Context, interview_id: int, topics: tuple[str, ...], tone: Tone,
           language: Language | None, variant: int, to: tuple[str, ...], eml: Path | None,
           mailto: bool, send: bool, mark_sent: bool, as_json: bool) -> None:
    """Draft a thank-you note after interview round INTERVIEW_ID."""
    from nextround.services.replies import thanks_for_interview

    with unit_of_work(ctx) as uow:
        options = _options(uow, tone, language, variant)
        result, context, app_id = thanks_for_interview(uow, interview_id, options, topics)
        _finish(uow, app_id, result, context, to=to, eml=eml, mailto=mailto, send=send,
                as_json=as_json, mark_sent=mark_sent, interview_id=interview_id)


@reply.command("due")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: kind (follow_up or thanks), id, application_id, company, "
                   "role, due_on, sent_subject, sent_on.")
@click.pass_context
def due(ctx: click.Context, as_json: bool) -> None:
    """What to send now: thank-you notes after recent rounds, follow-ups that got no answer."""
    from nextround.services.replies import due_reminders, thanks_due

    with unit_of_work(ctx) as uow:
        items = thanks_due(uow) + due_reminders(uow)
        uow.commit()
    if as_json:
        emit_json(items)
        return
    table(f"{len(items)} message(s) to send", ["What", "App", "Company", "Role", "By",
                                               "Command"],
          [("Thank-you note" if i["kind"] == "thanks" else "Follow-up", i["application_id"],
            i["company"], i["role"], i["due_on"],
            f"nextround reply thanks {i['id']}" if i["kind"] == "thanks"
            else f"nextround reply followup {i['application_id']}") for i in items],
          empty="Nothing to send right now.")
    if items and sys.stdout.isatty():
        click.echo("Each draft is one command away; add --send or --eml to get it out.")
