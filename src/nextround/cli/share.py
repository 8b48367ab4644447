"""`nextround share`: export a reflection for a mentor or peer, and keep their feedback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import success


@click.command()
@click.option("--round", "round_id", type=int, help="One interview round.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Every debriefed round since.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: print Markdown or HTML).")
@click.option("--include", multiple=True,
              help="Sections to include, comma separated: questions, chart, went_well, improve, "
                   "interviewers, stories, growth, fit, notes (default: all). "
                   "The journal is never included.")
@click.option("--add-note", "note", help="Instead of exporting: keep feedback you received.")
@click.option("--from", "source", default="", help="Who the feedback is from (with --add-note).")
@click.pass_context
def share(ctx: click.Context, round_id: int | None, since: object, fmt: str, out: Path | None,
          include: tuple[str, ...], note: str | None, source: str) -> None:
    """Export a reflection as Markdown, HTML or PDF, choosing what goes in."""
    from nextround.errors import UserInputError
    from nextround.services.share import (
        add_note,
        build,
        export,
        parse_include,
        to_html,
        to_markdown,
    )

    if note is not None:
        with unit_of_work(ctx) as uow:
            note_id = add_note(uow, source, note, round_id)
            uow.commit()
        success(f"Feedback from {source.strip()} kept as note #{note_id}.")
        return
    since_date: date | None = since.date() if since is not None else None  # type: ignore[attr-defined]
    sections = parse_include(include)
    with unit_of_work(ctx) as uow:
        reflection = build(uow, round_id, since_date, sections)
    if out is None:
        if fmt == "pdf":
            raise UserInputError("A PDF needs a file.", "Add --out reflection.pdf.")
        click.echo(to_markdown(reflection) if fmt == "md" else to_html(reflection))
        return
    export(reflection, fmt, out)
    success(f"Reflection written to {out}.")
