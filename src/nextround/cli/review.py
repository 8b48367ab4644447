"""`nextround review`: the changes your email suggests, to accept, correct or dismiss."""

from __future__ import annotations

from typing import Any

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import console, emit_json, success, table
from nextround.domain.applications import Status

STATUS_CHOICES = [s.value for s in Status]


def _what(p: dict[str, Any]) -> str:
    if p["kind"] == "new_application":
        return f"new application ({p['proposed_status'] or 'applied'})"
    parts = []
    if p["new_round"]:
        parts.append(f"new {p['new_round'].replace('_', ' ')} round")
    if p["proposed_status"]:
        parts.append(f"{p['current_status']} → {p['proposed_status']}")
    return ", ".join(parts) or "file the email"


def _why(evidence: list[str]) -> str:
    line = evidence[1] if len(evidence) > 1 else (evidence[0] if evidence else "")
    line = line.split(": ", 1)[-1]
    return line if len(line) <= 90 else line[:89] + "…"


def _list(ctx: click.Context, as_json: bool, limit: int | None) -> None:
    from nextround.services.review import pending

    with unit_of_work(ctx) as uow:
        items = pending(uow, limit)
    if as_json:
        emit_json(items)
        return
    table(
        f"{len(items)} proposals to review",
        ["id", "change", "company", "role", "email", "sure", "why"],
        [
            (
                p["id"],
                _what(p),
                p["company"] or "?",
                p["role"],
                p["subject"],
                f"{p['confidence']:.0%}",
                _why(p["evidence"]),
            )  # fmt: skip
            for p in items
        ],
        empty="Nothing to review. Import mail with `nextround mail import PATH`.",
    )
    if items:
        console().print(
            "Accept with `nextround review accept ID` (or `--all`), fix with "
            "`nextround review correct ID --app N`, drop with `nextround review dismiss ID`."
        )


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, kind, state, label, confidence, application_id, "
                   "application, company, role, current_status, proposed_status, new_round, "
                   "evidence, messages, subject, from, date.")  # fmt: skip
@click.option("--limit", type=int, help="Show at most this many.")
@click.pass_context
def review(ctx: click.Context, as_json: bool, limit: int | None) -> None:
    """Review the changes proposed from your email (lists them when run alone)."""
    if ctx.invoked_subcommand is None:
        _list(ctx, as_json, limit)


@review.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON list (same keys as `review --json`).")
@click.option("--limit", type=int, help="Show at most this many.")
@click.pass_context
def list_(ctx: click.Context, as_json: bool, limit: int | None) -> None:
    """List pending proposals with their evidence."""
    _list(ctx, as_json, limit)


@review.command("show")
@click.argument("proposal_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The proposal as JSON.")
@click.pass_context
def show(ctx: click.Context, proposal_id: int, as_json: bool) -> None:
    """Show one proposal: the change, the evidence and the email text."""
    from nextround.services.review import proposal_view

    with unit_of_work(ctx) as uow:
        data = proposal_view(uow, uow.inbox.proposal(proposal_id))
        texts = [m.text for m in uow.inbox.messages_of_proposal(proposal_id)]
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]#{data['id']}[/bold] {_what(data)} — {data['company']} {data['role']}")
    for line in data["evidence"]:
        out.print(f"  • {line}", markup=False)
    for m, text in zip(data["messages"], texts, strict=False):
        out.print()
        out.print(m["subject"], style="bold", markup=False)
        out.print(f"{m['from']}  {m['date'] or ''}", style="dim", markup=False)
        out.print(text[:3000], markup=False)


@review.command("accept")
@click.argument("proposal_ids", nargs=-1, type=int)
@click.option("--all", "all_", is_flag=True, help="Accept every pending proposal.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="JSON list; keys: proposal_id, application_id, action (and skipped).",
)
@click.pass_context
def accept(ctx: click.Context, proposal_ids: tuple[int, ...], all_: bool, as_json: bool) -> None:
    """Accept proposals: the application, its status and rounds are updated."""
    from nextround.errors import UserInputError
    from nextround.services import review as svc

    if not proposal_ids and not all_:
        raise UserInputError("Name the proposals to accept.", "Give their ids, or --all.")
    with unit_of_work(ctx) as uow:
        if all_:
            done, skipped = svc.accept_all(uow)
        else:
            done, skipped = [svc.accept(uow, pid) for pid in proposal_ids], []
        uow.commit()
    if as_json:
        emit_json(
            {
                "accepted": [
                    {
                        "proposal_id": o.proposal_id,
                        "application_id": o.application_id,
                        "action": o.action,
                    }  # fmt: skip
                    for o in done
                ],
                "skipped": skipped,
            }
        )
        return
    for o in done:
        success(f"#{o.proposal_id}: {o.action}.")
    for line in skipped:
        click.echo(f"Skipped {line}", err=True)
    if not done and not skipped:
        click.echo("Nothing was pending.")


@review.command("dismiss")
@click.argument("proposal_ids", nargs=-1, type=int)
@click.option("--all", "all_", is_flag=True, help="Dismiss every pending proposal.")
@click.pass_context
def dismiss(ctx: click.Context, proposal_ids: tuple[int, ...], all_: bool) -> None:
    """Dismiss proposals: nothing changes; the emails stay stored."""
    from nextround.errors import UserInputError
    from nextround.services import review as svc

    if not proposal_ids and not all_:
        raise UserInputError("Name the proposals to dismiss.", "Give their ids, or --all.")
    with unit_of_work(ctx) as uow:
        if all_:
            count = svc.dismiss_all(uow)
        else:
            for pid in proposal_ids:
                svc.dismiss(uow, pid)
            count = len(proposal_ids)
        uow.commit()
    success(f"Dismissed {count} proposal{'s' if count != 1 else ''}.")


@review.command("correct")
@click.argument("proposal_id", type=int)
@click.option(
    "--app", "application_id", type=int, help="The application this email is really about."
)
@click.option("--company", help="The company, when the email is about a new application.")
@click.option("--role", help="The job title.")
@click.option("--status", type=click.Choice(STATUS_CHOICES), help="The right status.")
@click.pass_context
def correct(
    ctx: click.Context, proposal_id: int, application_id: int | None, company: str | None,
    role: str | None, status: str | None,
) -> None:  # fmt: skip
    """Fix a proposal and apply it. The sender is remembered for next time."""
    from nextround.services import review as svc

    with unit_of_work(ctx) as uow:
        outcome = svc.correct(
            uow, proposal_id, application_id=application_id, company=company, role=role,
            status=status,
        )  # fmt: skip
        uow.commit()
    success(f"#{outcome.proposal_id}: {outcome.action}. Mail from this sender will follow.")
