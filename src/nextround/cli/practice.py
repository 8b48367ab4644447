"""`nextround practice`: answer the questions that matter, timed, then rate yourself (FSRS)."""

from __future__ import annotations

import threading
import time
from typing import Any

import click

from nextround.cli.context import interactive, unit_of_work
from nextround.cli.output import console, emit_json, say, table

ANSWER_SECONDS = 120
KEYS = {"a": "again", "h": "hard", "g": "good", "e": "easy", "1": "again", "2": "hard",
        "3": "good", "4": "easy"}


def _timed_answer(out: Any) -> int:
    """Count down two minutes on screen while the user answers aloud; Enter stops it."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    done = threading.Event()
    start = time.monotonic()

    def tick(progress: Progress, task: Any) -> None:
        while not done.is_set():
            elapsed = time.monotonic() - start
            progress.update(task, completed=min(elapsed, ANSWER_SECONDS))
            if elapsed >= ANSWER_SECONDS:
                progress.update(task, description="Time! Wrap up and press Enter")
            done.wait(0.25)

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn(),
                  console=out, transient=True) as progress:
        task = progress.add_task("Answer aloud, Enter when done", total=ANSWER_SECONDS)
        worker = threading.Thread(target=tick, args=(progress, task), daemon=True)
        worker.start()
        try:
            input()
        finally:
            done.set()
            worker.join()
    return round(time.monotonic() - start)


@click.command()
@click.option("--minutes", type=click.IntRange(1, 240), help="How long you have (3 min each).")
@click.option("--timer/--no-timer", default=True, show_default=True,
              help="Show a 2-minute countdown while you answer aloud.")
@click.option("--json", "as_json", is_flag=True,
              help="Due counts and progress as JSON; keys: due_now, new, due_today, "
                   "due_this_week, total, next_interview, reviews_per_day, grades, session.")
@click.option("--rate", nargs=2, metavar="KEY GRADE",
              help="Record a rating without a session, e.g. --rate greatest-weakness good.")
@click.pass_context
def practice(ctx: click.Context, minutes: int | None, timer: bool, as_json: bool,
             rate: tuple[str, str] | None) -> None:
    """Practise your top questions with spaced repetition, paced to your next interview."""
    from nextround.services.practice import record, session, status

    if rate:
        with unit_of_work(ctx) as uow:
            due = record(uow, rate[0], rate[1])
            uow.commit()
        say(f"Saved. '{rate[0]}' comes back on {due.date().isoformat()}.")
        return
    with unit_of_work(ctx) as uow:
        plan = session(uow, minutes)
        info = status(uow)
    if as_json:
        emit_json({**info, "session": [{"key": p["key"], "question": p["question"],
                                        "new": p["new"]} for p in plan]})
        return
    if not info["total"]:
        say("Nothing to practise yet. Log the questions you were asked: `nextround debrief ROUND`.")
        return
    done = sum(d["reviews"] for d in info["reviews_per_day"])
    nxt = f"; next interview {info['next_interview']}" if info["next_interview"] else ""
    say(f"{done} answer(s) practised in the last {info['reviews_last_days']} days "
        f"({info['due_this_week']} due this week{nxt}).")
    if not plan:
        say("Nothing is due right now. Well done: come back when the next one is due.")
        return
    if not interactive():
        table(f"{info['due_now']} due, {info['new']} new", ["Key", "Question", "New"],
              [(p["key"], p["question"], "yes" if p["new"] else "") for p in plan])
        click.echo("Run `nextround practice` at a terminal, or rate with --rate KEY GRADE.")
        return
    _run_session(ctx, plan, timer)


def _run_session(ctx: click.Context, plan: list[dict[str, Any]], timer: bool) -> None:
    from nextround.services.practice import record

    out = console()
    done = 0
    for n, item in enumerate(plan, 1):
        out.rule(f"{n}/{len(plan)}")
        out.print(f"[bold]{item['question']}[/bold]")
        choice = click.prompt("Enter to answer aloud, t to type, s to skip, q to stop",
                              default="", show_default=False).strip().lower()
        if choice == "q":
            break
        if choice == "s":
            continue
        answer, seconds = "", None
        if choice == "t":
            answer = click.prompt("Your answer", default="", show_default=False)
        elif timer:
            seconds = _timed_answer(out)
        else:
            start = time.monotonic()
            click.prompt("Answer aloud; Enter when done", default="", show_default=False)
            seconds = round(time.monotonic() - start)
        if seconds is not None:
            over = " (over two minutes: tighten it)" if seconds > ANSWER_SECONDS else ""
            out.print(f"You spoke for about {seconds} s{over}.")
        for story in item["stories"]:
            out.print(f"[dim]Your story #{story['id']}: {story['title']}[/dim]")
            for part in ("situation", "task", "action", "result"):
                if story[part]:
                    out.print(f"  [bold]{part[0].upper()}[/bold] {story[part]}")
        if not item["stories"]:
            out.print("[dim]No story linked yet: `nextround story add --question "
                      f"{item['key']}`.[/dim]")
        while True:
            key = click.prompt("How did it go? (a)gain (h)ard (g)ood (e)asy",
                               default="g").strip().lower()
            if key in KEYS:
                break
        with unit_of_work(ctx) as uow:
            due = record(uow, item["key"], KEYS[key], answer=answer, seconds=seconds)
            uow.commit()
        out.print(f"Next time: {due.date().isoformat()}")
        done += 1
    say(f"Session done: {done} question(s) practised.")
