"""`nextround stats`: the funnel per month and the effort behind it."""

from __future__ import annotations

import click


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON with stable keys.")
def stats(as_json: bool) -> None:
    """Applications → replies → interviews → final rounds → offers, with rates per month."""
    from nextround.cli.context import unit_of_work
    from nextround.cli.output import console, emit_json, table
    from nextround.domain.stats import STAGE_NAMES, STAGES
    from nextround.services import stats as service

    with unit_of_work() as uow:
        result = service.stats(uow)
    if as_json:
        emit_json(result.as_dict())
        return
    out = console()
    funnel = result.funnel
    top = max(funnel.counts["applications"], 1)
    for stage in STAGES:
        count = funnel.counts[stage]
        bar = "█" * max(1 if count else 0, round(30 * count / top))
        rate = "" if stage == "applications" else f"  ({_pct(funnel.rate(stage))} of previous)"
        out.print(f"{STAGE_NAMES[stage]:>13} {count:>4} [cyan]{bar}[/cyan]{rate}")
    out.print(f"\nEffort invested: [bold]{result.effort_hours:.1f} hours[/bold]")
    rows = [
        (month, f.counts["applications"], f.counts["replies"], f.counts["interviews"],
         f.counts["final_rounds"], f.counts["offers"], _pct(f.rate("replies")),
         f"{result.effort_by_month.get(month, 0):.1f}")
        for month, f in sorted(result.months.items())
    ]
    table("By month applied", ["month", "apps", "replies", "interviews", "finals", "offers",
                               "reply rate", "hours"], rows, empty="")
