"""`nextround questions`: what keeps coming up, grouping any list, confirming uncertain matches."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import emit_json, success, table

if TYPE_CHECKING:
    from nextround.domain.grouping import EmbedFn


def _embed() -> EmbedFn:
    from nextround.nlp.embedder import default_embedder, model_available

    if not model_available():
        from nextround.nlp.embedder import MISSING_MODEL_HINT

        click.echo(f"Note: the sentence model is not installed. {MISSING_MODEL_HINT}", err=True)
    return default_embedder().embed


@click.group(invoke_without_command=True)
@click.option("--top", "top_n", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="How many questions to show.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: key, question, canonical_id, times_asked, interviews, "
                   "difficulty, answer_quality, last_asked, score, wordings, uncertain, stories.")
@click.pass_context
def questions(ctx: click.Context, top_n: int, as_json: bool) -> None:
    """The questions you were asked most, hardest and worst answered first: prepare these next."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.clock import today
    from nextround.services.questions import ranked

    with unit_of_work(ctx) as uow:
        rows = ranked(uow, today())[:top_n]
    if as_json:
        emit_json([r.as_dict() for r in rows])
        return
    table(
        "Prepare next",
        ["#", "Question", "Asked", "Hard", "Went", "Last", "Story"],
        [(n, r.text + (f"  (+{len(r.wordings) - 1} wordings)" if len(r.wordings) > 1 else ""),
          r.times_asked, _fmt(r.difficulty), _fmt(r.answer_quality),
          r.last_asked.isoformat() if r.last_asked else "",
          ", ".join(f"#{s}" for s in r.story_ids) or "none yet")
         for n, r in enumerate(rows, 1)],
        empty="No questions logged yet. Debrief a round: `nextround debrief ROUND`.",
    )


@contextmanager
def _progress() -> Iterator[None]:
    """A bar on stderr while new questions are embedded, only when a person is watching."""
    from nextround.nlp.embedder import default_embedder

    embedder = default_embedder()
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading questions", total=None)
        embedder.progress = lambda done, total: bar.update(task, completed=done, total=total)
        try:
            yield
        finally:
            embedder.progress = None


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


@questions.command("group")
@click.argument("source", type=click.File("r", encoding="utf-8-sig"))
@click.option("--json", "as_json", is_flag=True,
              help='One object: {"groups": [{"canonical": text or null, "members": [lines]}]}.')
@click.option("--detail", is_flag=True, help="With --json, add canonical_id and uncertain.")
def group_cmd(source: IO[str], as_json: bool, detail: bool) -> None:
    """Group the questions in SOURCE (a file, or - for stdin), one per line.

    Members are 0-based line numbers; every line is in exactly one group."""
    from nextround.services.questions import group_lines

    lines = source.read().splitlines()
    with _progress():
        result = group_lines(lines, _embed())
    if as_json:
        emit_json(result.as_json(detail))
        return
    data = result.as_json(True)["groups"]
    table(f"{len(data)} group(s) from {len(lines)} line(s)", ["Canonical", "Lines", "Questions"],
          [(g["canonical"] or "(not in the bank)", ", ".join(str(m + 1) for m in g["members"]),
            " / ".join(lines[m].strip() for m in g["members"])[:200]) for g in data])


@questions.command("uncertain")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list, one entry per wording; keys: id, question, suggested_id, "
                   "suggested, score, times (how often that wording was logged).")
@click.pass_context
def uncertain_cmd(ctx: click.Context, as_json: bool) -> None:
    """Matches nextround is unsure about: confirm or split them."""
    from nextround.services.questions import uncertain

    with unit_of_work(ctx) as uow:
        rows = uncertain(uow)
    if as_json:
        emit_json(rows)
        return
    table("Unsure matches", ["#", "You were asked", "Probably the same as"],
          [(r["id"], r["question"], r["suggested"]) for r in rows],
          empty="Nothing to confirm.")
    if rows:
        click.echo("Confirm with `nextround questions confirm ID`, or `... split ID`.")


@questions.command("confirm")
@click.argument("asked_id", type=int)
@click.option("--as", "canonical_id", help="The bank question id (default: the suggestion).")
@click.pass_context
def confirm_cmd(ctx: click.Context, asked_id: int, canonical_id: str | None) -> None:
    """Confirm that logged question ASKED_ID is its suggested bank question (or --as ID)."""
    from nextround.services.questions import confirm

    with unit_of_work(ctx) as uow:
        target = confirm(uow, asked_id, canonical_id, _embed())
        uow.commit()
    success(f"Question #{asked_id} now counts as '{target}'; its wording teaches the bank.")


@questions.command("split")
@click.argument("asked_id", type=int)
@click.pass_context
def split_cmd(ctx: click.Context, asked_id: int) -> None:
    """Take logged question ASKED_ID out of the group it was put in."""
    from nextround.services.questions import split

    with unit_of_work(ctx) as uow:
        split(uow, asked_id, _embed())
        uow.commit()
    success(f"Question #{asked_id} now stands on its own.")


@questions.command("bank")
@click.option("--category", help="Only this category (behavioural, technical, ...).")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, question, category, field, competencies, wordings.")
def bank_cmd(category: str | None, as_json: bool) -> None:
    """The question bank nextround maps your questions to."""
    from nextround.domain.question_bank import load_bank

    rows = [q for q in load_bank().questions if not category or q.category == category]
    if as_json:
        emit_json([{"id": q.id, "question": q.text, "category": q.category, "field": q.field,
                    "competencies": list(q.competencies), "wordings": list(q.wordings)}
                   for q in rows])
        return
    table(f"{len(rows)} bank question(s)", ["Id", "Question", "Category"],
          [(q.id, q.text, q.category + (f" / {q.field}" if q.field else "")) for q in rows])
