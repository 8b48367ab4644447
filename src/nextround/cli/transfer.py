"""`nextround export` and `nextround import`: JSON backups and CSV files of applications."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import success
from nextround.errors import DataError, UserInputError


def _guess_format(path: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in {".json", ".csv"}:
        return suffix[1:]
    raise UserInputError(f"Cannot tell the format of {path!r}.", "Add --format json or --format csv.")


@click.command()
@click.argument("out", metavar="FILE", default="-")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]),
              help="json: complete backup; csv: applications only (default from the file name).")
@click.pass_context
def export(ctx: click.Context, out: str, fmt: str | None) -> None:
    """Export everything to JSON (a complete backup) or applications to CSV.

    FILE defaults to standard output (then --format defaults to json).
    """
    from nextround.services.backup import export_backup, write_backup
    from nextround.services.csv_io import export_csv

    fmt = fmt or ("json" if out == "-" else _guess_format(out, None))
    with unit_of_work(ctx) as uow:
        if fmt == "csv":
            text = export_csv(uow)
            if out == "-":
                sys.stdout.write(text)
            else:
                Path(out).write_text(text, encoding="utf-8")
                success(f"Wrote applications to {out}.")
        elif out == "-":
            import json

            click.echo(json.dumps(export_backup(uow), ensure_ascii=False, indent=1))
        else:
            counts = write_backup(uow, Path(out))
            success(f"Backup written to {out} ({counts.get('applications', 0)} applications).")


@click.command("import")
@click.argument("source", metavar="FILE")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]))
@click.option("--layout", type=click.Choice(["generic", "huntr", "teal"]),
              help="CSV column layout (default: detected from the header row).")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=Header",
              help="Use this CSV column for a field, e.g. --map company='Employer'.")
@click.option("--dry-run", is_flag=True, help="Check the file and report; import nothing.")
@click.pass_context
def import_(ctx: click.Context, source: str, fmt: str | None, layout: str | None,
            mapping: tuple[str, ...], dry_run: bool) -> None:
    """Import a JSON backup or a CSV of applications (all rows or none)."""
    from nextround.services import backup, csv_io

    fmt = _guess_format(source, fmt)
    path = Path(source)
    if not path.is_file():
        raise UserInputError(f"No file at {source}.", "Check the path.")
    raw = path.read_bytes()
    with unit_of_work(ctx) as uow:
        if fmt == "csv":
            text = csv_io.decode_csv(raw)
            if dry_run:
                chosen, rows = csv_io.read_rows(text, layout, csv_io.parse_mapping(list(mapping)))
                success(f"{len(rows)} row(s) are valid ({chosen} layout); nothing imported.")
                return
            chosen, count = csv_io.import_csv(uow, text, layout, csv_io.parse_mapping(list(mapping)))
            uow.commit()
            success(f"Imported {count} application(s) ({chosen} layout).")
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise DataError("The backup is not UTF-8 text.") from None
            if dry_run:
                tables = backup.parse_backup(text)
                success(f"Valid backup with {len(tables.get('applications', []))} applications.")
                return
            counts = backup.import_backup(uow, text)
            uow.commit()
            success(f"Restored {counts.get('applications', 0)} applications, "
                    f"{counts.get('contacts', 0)} contacts, {counts.get('interviews', 0)} rounds.")
