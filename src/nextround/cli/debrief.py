"""`nextround debrief ROUND`: log the questions and lessons of an interview round."""

from __future__ import annotations

import random
import sys
from typing import IO, Any

import click

from nextround.cli.context import interactive, unit_of_work
from nextround.cli.output import emit_json, say, success


def _prompts() -> dict[str, Any]:
    from nextround.data import load_toml

    prompts: dict[str, Any] = load_toml("reflect/prompts.toml")["debrief"]
    return prompts


def _ask_rating(label: str) -> int | None:
    while True:
        raw = click.prompt(label, default="", show_default=False).strip()
        if not raw:
            return None
        if raw in {"1", "2", "3", "4", "5"}:
            return int(raw)
        click.echo("  Please type a number from 1 to 5, or press Enter.")


def _interactive_debrief(what: str) -> tuple[list[Any], dict[str, str]]:
    from nextround.services.debrief import QuestionLine

    p = _prompts()
    say(random.choice(p["intro"]).format(what=what))
    click.echo(p["questions"])
    texts: list[str] = []
    while True:
        line = click.prompt("  ?", default="", show_default=False, prompt_suffix=" ").strip()
        if not line:
            break
        texts.append(line)
    lines = []
    for text in texts:
        short = text if len(text) < 50 else text[:47] + "..."
        lines.append(QuestionLine(text, _ask_rating(p["difficulty"].format(q=short)),
                                  _ask_rating(p["quality"])))
    fields = {}
    for name in ("went_well", "do_differently", "interviewers", "cared_about", "notes"):
        fields[name] = click.prompt(p[name], default="", show_default=False).strip()
    return lines, fields


@click.command()
@click.argument("round_id", metavar="ROUND", type=int)
@click.option("-q", "--question", "questions", multiple=True,
              help="A question asked (repeatable). Optionally 'text | difficulty | how well'.")
@click.option("--questions-file", type=click.File("r", encoding="utf-8-sig"),
              help="Questions, one per line ('-' for stdin).")
@click.option("--went-well", help="What went well.")
@click.option("--do-differently", help="What to do differently next time.")
@click.option("--interviewers", help="Who interviewed you.")
@click.option("--cared-about", help="What the interviewers seemed to care about.")
@click.option("--notes", help="Anything else.")
@click.option("--rate", "rates", multiple=True, metavar="ID=D/Q",
              help="Rate a logged question: difficulty/how well, e.g. 12=4/2 (repeatable).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the debrief as JSON; keys: interview_id, company, role, questions, "
                   "went_well, do_differently, interviewers, cared_about, notes, incomplete.")
@click.pass_context
def debrief(ctx: click.Context, round_id: int, questions: tuple[str, ...],
            questions_file: IO[str] | None, went_well: str | None, do_differently: str | None,
            interviewers: str | None, cared_about: str | None, notes: str | None,
            rates: tuple[str, ...], as_json: bool) -> None:
    """Debrief interview round ROUND: questions asked, how hard, how it went, lessons.

    On a terminal with no options it asks, step by step. Otherwise give options, a file, or
    pipe the questions in, one per line. Partial debriefs are fine: run it again to add more."""
    from nextround.services.debrief import debrief_view, parse_lines, rate_question, save_debrief
    from nextround.services.questions import default_embed

    fields = {"went_well": went_well, "do_differently": do_differently,
              "interviewers": interviewers, "cared_about": cared_about, "notes": notes}
    lines = parse_lines("\n".join(questions))
    if questions_file is not None:
        lines += parse_lines(questions_file.read())
    nothing_given = not lines and not any(fields.values()) and not rates
    with unit_of_work(ctx) as uow:
        view = debrief_view(uow, round_id)  # fails early if the round does not exist
        if nothing_given and interactive():
            what = f"your {view['kind']} round with {view['company']}"
            lines, prompted = _interactive_debrief(what)
            fields = {k: v or None for k, v in prompted.items()}
        elif not lines and not questions_file and not sys.stdin.isatty() and not rates:
            # Piped input is the question list: `pbpaste | nextround debrief 3`.
            lines = parse_lines(sys.stdin.read())
        for spec in rates:
            asked_id, difficulty, quality = _parse_rate(spec)
            rate_question(uow, asked_id, difficulty, quality)
        if lines or any(fields.values()) or view["debrief_id"] is None:
            save_debrief(uow, round_id, lines, default_embed(), fields)
        uow.commit()
        view = debrief_view(uow, round_id)
    if as_json:
        emit_json(view)
        return
    p = _prompts()
    success(random.choice(p["saved"]).format(count=len(view["questions"])))
    if view["incomplete"]:
        say(p["partial"].format(missing=", ".join(m.replace("_", " ")
                                                  for m in view["incomplete"]),
                                round=round_id))


def _parse_rate(spec: str) -> tuple[int, int | None, int | None]:
    from nextround.errors import UserInputError

    try:
        left, _, right = spec.partition("=")
        d, _, q = right.partition("/")
        return int(left), int(d) if d else None, int(q) if q else None
    except ValueError:
        raise UserInputError(f"Cannot read --rate {spec!r}.",
                             "Use ID=DIFFICULTY/HOW_WELL, e.g. --rate 12=4/2.") from None
