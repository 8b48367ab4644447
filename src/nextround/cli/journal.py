"""`nextround journal`: a private check-in with kind reframes, plus list, delete and analyze."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from nextround.errors import ConfigError, UserInputError


class _DefaultGroup(click.Group):
    """`journal "text"` writes an entry; `journal list` and friends are subcommands."""

    default = "write"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = [self.default, *args]
        return super().parse_args(ctx, args)


def _country(option: str | None) -> str | None:
    return option or os.environ.get("NEXTROUND_COUNTRY") or None


@click.group(cls=_DefaultGroup)
def journal() -> None:
    """A private check-in: mood 1-5, emotion words and a few lines of text.

    nextround reads the text for harsh self-talk and answers with a kind reframe grounded in
    your own record. Entries never leave this machine: not in exports for mentors, not in
    share links, not in logs.

    \b
    Examples:
      nextround journal "I bombed it, I'm such a failure" --mood 2
      nextround journal list
      nextround journal analyze notes.txt --json
    """


@journal.command("write")
@click.argument("text", required=False)
@click.option("--mood", type=click.IntRange(1, 5), help="How you feel, 1 (low) to 5 (good).")
@click.option("--feel", "emotions", multiple=True, metavar="WORD",
              help="An emotion word (repeatable): --feel tired --feel hopeful.")
@click.option("--country", metavar="CC", help="Country code for helplines (e.g. US, GB, IE).")
@click.option("--json", "as_json", is_flag=True, help="Print the entry and reply as JSON.")
def write(text: str | None, mood: int | None, emotions: tuple[str, ...], country: str | None,
          as_json: bool) -> None:
    """Write a journal entry (TEXT, or read from a pipe)."""
    from nextround.cli.context import interactive, unit_of_work
    from nextround.cli.journal_render import show_entry
    from nextround.cli.output import emit_json
    from nextround.services import journal as service

    if text is None:
        if not sys.stdin.isatty():
            text = sys.stdin.read().strip()
        elif interactive():
            text = click.prompt("How are you doing? (a few words)")
    if not text and mood is None:
        raise UserInputError(
            "Nothing to write.", hint='Try: nextround journal "how it went" --mood 3'
        )
    with unit_of_work() as uow:
        result = service.write_entry(
            uow, text=text or "", mood=mood, emotions=list(emotions), country=_country(country)
        )
        uow.commit()
    if as_json:
        emit_json(result.as_dict())
    else:
        show_entry(result)


@journal.command("list")
@click.option("--limit", default=20, show_default=True, help="How many entries, newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON with stable keys.")
def list_(limit: int, as_json: bool) -> None:
    """Your recent entries, newest first."""
    from nextround.cli.context import unit_of_work
    from nextround.cli.output import emit_json, table
    from nextround.services import journal as service

    with unit_of_work() as uow:
        entries = service.list_entries(uow, limit=limit)
    if as_json:
        emit_json([entry.as_dict() for entry in entries])
        return
    table("Journal", ["id", "when", "mood", "feeling", "label", "text"],
          [(e.id, e.created_at.strftime("%Y-%m-%d %H:%M"), e.mood or "", ", ".join(e.emotions),
            e.label, e.text if len(e.text) < 70 else e.text[:67] + "...") for e in entries],
          empty="No entries yet. Write one: nextround journal \"how it went\" --mood 3")


@journal.command("delete")
@click.argument("entry_id", type=int)
def delete(entry_id: int) -> None:
    """Delete an entry for good (no copy is kept in the database file)."""
    from nextround.cli.context import unit_of_work
    from nextround.cli.output import success
    from nextround.services import journal as service

    with unit_of_work() as uow:
        service.delete_entry(uow, entry_id)
        uow.commit()
    success(f"Deleted journal entry {entry_id}.")


@journal.command("analyze")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per input line (index, label, distortions, spans, "
                   "reframe, resources).")
@click.option("--country", metavar="CC", help="Country code for helplines (e.g. US, GB, IE).")
@click.option("--model/--no-model", "use_model", default=None,
              help="The sentence model backs up the patterns whenever it is installed; "
                   "--model insists on it (an error without it), --no-model reads with the "
                   "patterns and the light reader alone.")
def analyze(source: Any, as_json: bool, country: str | None, use_model: bool | None) -> None:
    """Read statements, one per line, from FILE (or - for standard input). Nothing is saved."""
    from nextround.cli.output import emit_jsonl
    from nextround.domain.reframes import Responder
    from nextround.domain.selftalk import analyse
    from nextround.selftalk_model import default_reader

    responder = Responder(country=_country(country))
    # Without an option the sentence model is used when installed (and not switched off).
    learned = default_reader(switch=use_model is None) if use_model is not False else None
    if use_model and learned is None:
        raise ConfigError("The sentence model is not installed.",
                          "Install it with `make setup`, or run without --model.")
    rows: list[dict[str, Any]] = []
    for index, line in enumerate(source):
        statement = line.rstrip("\n")
        found = analyse(statement, *learned) if learned else analyse(statement)
        reply = responder.reply(found)
        rows.append({
            "index": index,
            "text": statement,
            "label": found.label.value,
            "distortions": list(found.distortions),
            "spans": [[start, end] for start, end in found.spans],
            "reframe": reply.reframe,
            "encouragement": reply.encouragement,
            "message": reply.crisis.message if reply.crisis else None,
            "resources": reply.resources(),
        })
    if as_json:
        emit_jsonl(rows)
        return
    from nextround.cli.journal_render import show_analysis

    show_analysis(rows)
