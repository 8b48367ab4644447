"""Output for people (Rich tables) and for scripts (JSON with stable keys)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_jsonl(items: Iterable[Any]) -> None:
    for item in items:
        click.echo(json.dumps(item, ensure_ascii=False, default=str))


def console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]],
          empty: str = "Nothing here yet.") -> None:
    from rich.table import Table

    rows = list(rows)
    out = console()
    if not rows:
        out.print(empty)
        return
    t = Table(title=title, header_style="bold", show_lines=False)
    for column in columns:
        t.add_column(column, overflow="fold")
    for row in rows:
        t.add_row(*("" if v is None else str(v) for v in row))
    out.print(t)


def say(message: str) -> None:
    console().print(message)


def success(message: str) -> None:
    console().print(f"[green]✓[/green] {message}")
