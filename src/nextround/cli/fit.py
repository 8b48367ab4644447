"""`nextround fit APP`: score a company on what matters to you and note any red flags."""

from __future__ import annotations

from typing import Any

import click

from nextround.cli.context import interactive, unit_of_work
from nextround.cli.output import console, emit_json


def _pairs(items: tuple[str, ...], what: str, numeric: bool) -> dict[str, Any]:
    from nextround.errors import UserInputError

    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if numeric:
            if not sep or not value.strip().isdigit():
                raise UserInputError(f"Cannot read {what} {item!r}.",
                                     f"Use KEY=NUMBER, e.g. {what} growth=4.")
            out[key.strip()] = int(value)
        else:
            out[key.strip()] = value.strip()
    return out


def _prompt_scorecard(card: dict[str, Any]) -> tuple[dict[str, int], dict[str, str]]:
    scores: dict[str, int] = {}
    flags: dict[str, str] = {}
    click.echo(f"Fit of {card['company']}: score each from 1 (poor) to 5 (great); Enter skips.")
    for v in card["values"]:
        if not v["weight"]:
            continue
        raw = click.prompt(f"  {v['label']}: {v['prompt']}", default="", show_default=False)
        if raw.strip() in {"1", "2", "3", "4", "5"}:
            scores[v["key"]] = int(raw)
    click.echo("Red flags: did you notice any of these?")
    for f in card["flags"]:
        if click.confirm(f"  {f['label']} ({f['detail']})", default=f["raised"]):
            flags[f["key"]] = click.prompt("    Note", default=f["note"], show_default=False)
    return scores, flags


@click.command()
@click.argument("app_id", metavar="APP", type=int)
@click.option("--score", "scores", multiple=True, metavar="KEY=1-5",
              help="Score a value, e.g. --score growth=4 (repeatable).")
@click.option("--note", "notes", multiple=True, metavar="KEY=TEXT", help="A note on a value.")
@click.option("--flag", "flags", multiple=True, metavar="KEY[=NOTE]",
              help="Raise a red flag with an optional note, e.g. --flag pressure='24 h to decide'.")
@click.option("--clear-flag", "clear", multiple=True, metavar="KEY", help="Withdraw a red flag.")
@click.option("--weight", "weights", multiple=True, metavar="KEY=0-5",
              help="How much a value matters to you, for every company (set once).")
@click.option("--json", "as_json", is_flag=True,
              help="JSON; keys: application_id, company, role, status, values, flags, score, "
                   "best, worst, raised_flags, summary, after_rejection.")
@click.pass_context
def fit(ctx: click.Context, app_id: int, scores: tuple[str, ...], notes: tuple[str, ...],
        flags: tuple[str, ...], clear: tuple[str, ...], weights: tuple[str, ...],
        as_json: bool) -> None:
    """Was application APP a good fit? Scores, red flags and a summary."""
    from nextround.services.fit import assess, scorecard, set_weights

    with unit_of_work(ctx) as uow:
        card = scorecard(uow, app_id)
        if weights:
            set_weights(uow, _pairs(weights, "--weight", True))
        score_map = _pairs(scores, "--score", True)
        flag_map = _pairs(flags, "--flag", False)
        if not (scores or notes or flags or clear or weights or as_json) and interactive():
            score_map, flag_map = _prompt_scorecard(card)
        if score_map or notes or flag_map or clear:
            assess(uow, app_id, score_map, _pairs(notes, "--note", False), flag_map, clear)
        uow.commit()
        card = scorecard(uow, app_id)
    if as_json:
        emit_json(card)
        return
    _print(card)


def _print(card: dict[str, Any]) -> None:
    out = console()
    out.print(f"[bold]Fit: {card['company']}[/bold], {card['role']}")
    for v in card["values"]:
        mark = "·" * (v["score"] or 0) or "not scored"
        note = f"  ({v['note']})" if v["note"] else ""
        out.print(f"  {v['label']:<28} weight {v['weight']}  {mark}{note}")
    raised = [f for f in card["flags"] if f["raised"]]
    for f in raised:
        out.print(f"  [red]⚑[/red] {f['label']}" + (f": {f['note']}" if f["note"] else ""))
    if card["summary"]:
        out.print(card["summary"])
    else:
        out.print("Nothing scored yet: `nextround fit APP --score growth=4 ...`, "
                  "or run it at a terminal.")
    if card["after_rejection"]:
        out.print(f"[italic]{card['after_rejection']}[/italic]")
