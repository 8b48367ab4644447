"""Write docs/cli.md from the commands' own --help text."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nextround.cli import COMMANDS, root

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _walk(cmd: click.Command, path: list[str], ctx: click.Context, lines: list[str]) -> None:
    name = " ".join(path)
    sub = click.Context(cmd, info_name=path[-1], parent=ctx)
    lines += [f"## `{name}`", "", "```", cmd.get_help(sub).replace(sys.argv[0], "nextround"),
              "```", ""]
    if isinstance(cmd, click.Group):
        for child in cmd.list_commands(sub):
            command = cmd.get_command(sub, child)
            if command is not None:
                _walk(command, [*path, child], sub, lines)


def main() -> None:
    lines = ["# Command-line reference", "",
             "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.", ""]
    ctx = click.Context(root, info_name="nextround")
    lines += ["```", root.get_help(ctx), "```", ""]
    for name in sorted(COMMANDS):
        try:
            command = root.get_command(ctx, name)
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        if command is not None:
            _walk(command, ["nextround", name], ctx, lines)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.name}")


if __name__ == "__main__":
    main()
