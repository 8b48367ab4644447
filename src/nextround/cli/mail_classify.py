"""`nextround mail classify PATH...`: label every message, store nothing."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from nextround.domain.emails import Classification, InboundEmail, QuarantinedMessage

Item = tuple[InboundEmail | QuarantinedMessage, Classification]


def record(message: InboundEmail | QuarantinedMessage, result: Classification) -> dict[str, Any]:
    """The stable JSON shape of one classified message."""
    rejection = None
    if result.rejection is not None:
        rejection = {
            "reason_given": result.rejection.reason_given,
            "reason": result.rejection.reason,
            "door_open": result.rejection.door_open,
            "stage": result.rejection.stage.value,
        }
    return {
        "index": message.index,
        "message_id": message.message_id,
        "subject": message.subject,
        "from": message.from_text,
        "date": message.date.isoformat() if message.date else None,
        "label": result.label.value,
        "confidence": result.confidence,
        "company": result.company,
        "role": result.role,
        "rejection": rejection,
        "evidence": list(result.evidence),
    }


def _with_progress(items: Iterator[Item]) -> Iterator[Item]:
    """A live count and rate on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>8} msg/s"),
    )
    progress = Progress(*columns, console=Console(stderr=True), transient=True)
    with progress:
        task = progress.add_task("Reading mail", total=None, rate="")
        started = time.perf_counter()
        for n, item in enumerate(items, 1):
            if n % 500 == 0:
                rate = n / max(time.perf_counter() - started, 1e-9)
                progress.update(task, completed=n, rate=f"{rate:,.0f}")
            yield item


def _summary(total: int, job: int, quarantined: list[QuarantinedMessage]) -> None:
    err = sys.stderr
    err.write(f"{total} messages read, {job} about your applications")
    err.write(f", {len(quarantined)} quarantined\n" if quarantined else "\n")
    for item in quarantined[:50]:
        err.write(f"  quarantined #{item.index} ({item.origin}): {item.reason}\n")
    if len(quarantined) > 50:
        err.write(f"  ... and {len(quarantined) - 50} more\n")


@click.command("classify")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message (JSON Lines).")
@click.option(
    "--all", "show_all", is_flag=True, help="In the table, also list mail that is not about a job."
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 16),
    default=1,
    show_default=True,
    help="Worker processes; 2 can help on an idle multi-core machine with a large archive.",
)
def classify(paths: tuple[Path, ...], as_json: bool, show_all: bool, jobs: int) -> None:
    """Label every message in PATH... (mbox, .eml, Maildir or a folder) without storing it.

    Labels: rejection, interview, offer, acknowledgement, assessment, other. Unreadable
    messages are labelled "other" with evidence "quarantined: <reason>" and listed on
    stderr at the end.
    """
    from nextround.mail.parallel import iter_classified_parallel

    # One process by default: on a busy machine extra workers cost more than they bring.
    items = _with_progress(iter_classified_parallel(paths, jobs or 1, hashes=False))
    quarantined: list[QuarantinedMessage] = []
    total = job = 0
    rows: list[dict[str, Any]] = []
    out = sys.stdout
    # Lines are written in batches: one write per message costs a system call each when
    # output is unbuffered (PYTHONUNBUFFERED), which dominated the run time.
    pending: list[str] = []
    for message, result in items:
        total += 1
        if isinstance(message, QuarantinedMessage):
            quarantined.append(message)
        if result.job_related:
            job += 1
        if as_json:
            pending.append(json.dumps(record(message, result), ensure_ascii=False))
            if len(pending) >= 500:
                out.write("\n".join(pending) + "\n")
                pending.clear()
        elif result.job_related or show_all or isinstance(message, QuarantinedMessage):
            rows.append(record(message, result))
    if pending:
        out.write("\n".join(pending) + "\n")
    out.flush()
    if not as_json:
        _table(rows, total - job)
    _summary(total, job, quarantined)


def _table(rows: list[dict[str, Any]], others: int) -> None:
    from nextround.cli.output import console, table

    def detail(row: dict[str, Any]) -> str:
        rej = row["rejection"]
        parts = []
        if rej:
            parts.append(f"stage: {rej['stage']}")
            parts.append("reason given" if rej["reason_given"] else "no reason")
            if rej["door_open"]:
                parts.append("door open")
        if row["evidence"]:
            parts.append(str(row["evidence"][0])[:160])
        return "\n".join(parts)

    table(
        "Mail about your applications",
        ["#", "date", "from", "subject", "label", "conf.", "company / role", "why"],
        (
            [
                r["index"],
                (r["date"] or "")[:10],
                r["from"][:40],
                r["subject"][:60],
                r["label"],
                f"{r['confidence']:.2f}",
                " / ".join(x for x in (r["company"], r["role"]) if x),
                detail(r),
            ]
            for r in rows
        ),
        empty="No message about your applications was found.",
    )
    if others and not any(r["label"] == "other" for r in rows):
        console().print(
            f"{others} other messages (newsletters, alerts, personal mail...) not shown; "
            "use --all to list them."
        )
