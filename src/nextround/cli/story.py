"""`nextround story`: your STAR stories, the STAR check, and links to questions."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import console, emit_json, success, table

PART_OPTIONS = [
    click.option("--title", help="A short name for the story."),
    click.option("--situation", help="S: the context."),
    click.option("--task", help="T: what you had to achieve."),
    click.option("--action", help="A: what you did (say 'I')."),
    click.option("--result", help="R: the outcome, ideally with a number."),
    click.option("--learned", help="What you learned."),
    click.option("--numbers", help="Figures you can quote."),
]


def parts(func: click.decorators.FC) -> click.decorators.FC:
    for option in reversed(PART_OPTIONS):
        func = option(func)
    return func


@click.group()
def story() -> None:
    """Your STAR stories: situation, task, action, result."""


def _print_check(report: dict[str, object]) -> None:
    out = console()
    marks = {"ok": "[green]✓[/green]", "suggest": "[yellow]•[/yellow]", "missing": "[red]✗[/red]"}
    out.print(f"STAR check: {report['score']}/100, about {report['words']} words "
              f"(~{report['spoken_seconds']} s spoken)")
    for f in report["findings"]:  # type: ignore[attr-defined]
        out.print(f"  {marks[f['level']]} [bold]{f['part']}[/bold]: {f['message']}")


@story.command("add")
@parts
@click.option("--competency", "competencies", multiple=True, help="e.g. leadership (repeatable).")
@click.option("--question", "questions", multiple=True,
              help="A question key this story answers (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the story and its check as JSON.")
@click.pass_context
def add(ctx: click.Context, /, competencies: tuple[str, ...], questions: tuple[str, ...],
        as_json: bool, **values: str | None) -> None:
    """Add a story. Parts left out can be filled in later with `story edit`."""
    from nextround.cli.context import interactive
    from nextround.services.stories import add_story, story_dict

    if not values.get("title") and interactive():
        for name in ("title", "situation", "task", "action", "result", "learned"):
            values[name] = click.prompt(name.capitalize(), default="", show_default=False)
    with unit_of_work(ctx) as uow:
        story_id = add_story(uow, {k: v or "" for k, v in values.items()}, competencies,
                             questions)
        uow.commit()
        data = story_dict(uow.reflect.story(story_id))
    if as_json:
        emit_json(data)
        return
    success(f"Story #{story_id} saved.")
    _print_check(data["check"])


@story.command("edit")
@click.argument("story_id", type=int)
@parts
@click.option("--competency", "competencies", multiple=True, help="Replace the competencies.")
@click.option("--link", multiple=True, help="Link to a question key (repeatable).")
@click.option("--unlink", multiple=True, help="Unlink a question key (repeatable).")
@click.pass_context
def edit(ctx: click.Context, /, story_id: int, competencies: tuple[str, ...], link: tuple[str, ...],
         unlink: tuple[str, ...], **values: str | None) -> None:
    """Change parts of story STORY_ID (only the options you give)."""
    from nextround.services.stories import edit_story, story_dict

    with unit_of_work(ctx) as uow:
        edit_story(uow, story_id, values, list(competencies) or None, link, unlink)
        uow.commit()
        data = story_dict(uow.reflect.story(story_id))
    success(f"Story #{story_id} updated.")
    _print_check(data["check"])


@story.command("list")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, title, situation, task, action, result, learned, "
                   "numbers, competencies, questions, updated_at, check.")
@click.pass_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """List your stories with their STAR score and linked questions."""
    from nextround.services.clock import today
    from nextround.services.stories import coverage, story_dict

    with unit_of_work(ctx) as uow:
        data = [story_dict(s) for s in uow.reflect.stories()]
        gaps = coverage(uow, today())
    if as_json:
        emit_json(data)
        return
    table(f"{len(data)} story(ies)", ["#", "Title", "STAR", "Questions", "Competencies"],
          [(d["id"], d["title"], f"{d['check']['score']}/100", len(d["questions"]),
            ", ".join(d["competencies"])) for d in data],
          empty="No stories yet. Add one: `nextround story add --title ...`.")
    if gaps["without_story"]:
        click.echo("Top questions with no story yet:")
        for g in gaps["without_story"][:5]:
            click.echo(f"  - {g['question']}  (key: {g['key']})")
    for o in gaps["overused"]:
        click.echo(f"Story #{o['id']} '{o['title']}' answers {o['questions']} questions: "
                   "interviewers may hear it twice. Consider another story for some.")


@story.command("show")
@click.argument("story_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The story and its check as JSON.")
@click.pass_context
def show(ctx: click.Context, story_id: int, as_json: bool) -> None:
    """Show story STORY_ID in full."""
    from nextround.services.stories import story_dict

    with unit_of_work(ctx) as uow:
        data = story_dict(uow.reflect.story(story_id))
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]#{data['id']} {data['title']}[/bold]")
    for part in ("situation", "task", "action", "result", "learned", "numbers"):
        if data[part]:
            out.print(f"[bold]{part.capitalize()}[/bold]: {data[part]}")
    if data["questions"]:
        out.print("Answers: " + ", ".join(data["questions"]))
    _print_check(data["check"])


@story.command("check")
@click.argument("story_id", type=int, required=False)
@parts
@click.option("--json", "as_json", is_flag=True,
              help="JSON; keys: complete, score, words, spoken_seconds, first_person, "
                   "measurable, findings (part, level, message).")
@click.pass_context
def check(ctx: click.Context, /, story_id: int | None, as_json: bool, **values: str | None) -> None:
    """STAR check of story STORY_ID, or of the parts given as options (nothing is saved)."""
    from nextround.services.stories import check_fields, story_dict

    if story_id is not None:
        with unit_of_work(ctx) as uow:
            report = story_dict(uow.reflect.story(story_id))["check"]
    else:
        report = check_fields({k: v or "" for k, v in values.items()}).as_dict()
    if as_json:
        emit_json(report)
        return
    _print_check(report)
