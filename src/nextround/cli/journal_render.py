"""Rich output for journal entries: the reply, the trigger words, and crisis support."""

from __future__ import annotations

from typing import Any


def _highlight(text: str, spans: list[list[int]], style: str) -> Any:
    from rich.text import Text

    out = Text(text)
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def _crisis(console: Any, message: str | None, resources: list[dict[str, str]] | None) -> None:
    from rich.markup import escape

    # Plain lines rather than a panel: nothing may be cut off, on any terminal or in a pipe.
    console.print("[bold magenta]You deserve support right now[/bold magenta]")
    console.print(escape(message or ""))
    for line in resources or []:
        hours = f" ({line['hours']})" if line.get("hours") else ""
        console.print(f"  • [bold]{escape(line['name'])}[/bold]: {escape(line['contact'])}{hours}")


def show_entry(result: Any) -> None:
    """After writing: the reply first, then what was noticed."""
    from nextround.cli.output import console
    from nextround.domain.selftalk import distortion_names

    out = console()
    data = result.as_dict()
    if data["label"] == "crisis":
        _crisis(out, data["message"], data["resources"])
        out.print("[dim]Your entry is saved privately.[/dim]")
        return
    out.print(f"[green]✓[/green] Saved privately (entry {data['id']}).")
    if data["label"] == "harsh":
        names = distortion_names()
        traps = ", ".join(names.get(d, d) for d in data["distortions"])
        out.print(_highlight(data["text"], data["spans"], "bold yellow"))
        out.print(f"[dim]Noticed: {traps}[/dim]")
        out.print(f"\n{data['reframe']}")
    elif data.get("encouragement"):
        out.print(f"\n{data['encouragement']}")


def show_analysis(rows: list[dict[str, Any]]) -> None:
    from nextround.cli.output import console
    from nextround.domain.selftalk import distortion_names

    out = console()
    names = distortion_names()
    for row in rows:
        label = row["label"]
        out.print(f"[bold]{row['index']}[/bold] [{label}] ", end="")
        out.print(_highlight(row["text"], row["spans"], "bold yellow"))
        if label == "crisis":
            _crisis(out, row["message"], row["resources"])
        elif label == "harsh":
            out.print(f"  [dim]{', '.join(names.get(d, d) for d in row['distortions'])}[/dim]")
            out.print(f"  {row['reframe']}")
        elif row.get("encouragement"):
            out.print(f"  [dim]{row['encouragement']}[/dim]")
