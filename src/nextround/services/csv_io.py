"""CSV export of applications, and an all-or-nothing CSV import with a per-row report."""

from __future__ import annotations

import csv
import io
from typing import Any

from nextround.domain.applications import Origin
from nextround.domain.csv_layouts import (
    FIELDS,
    LAYOUTS,
    REQUIRED,
    detect_layout,
    map_headers,
    protect_cell,
    status_from_text,
    unprotect_cell,
)
from nextround.errors import DataError, UserInputError
from nextround.services.applications import ApplicationInput, add_application
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

MAX_ROWS = 100_000
MAX_CELL = 100_000


def export_csv(uow: UnitOfWork) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *FIELDS])
    for app in uow.applications.list(sort="applied_asc"):
        row = [
            str(app.id), app.company.name, app.role, app.status.value,
            app.applied_on.isoformat() if app.applied_on else "", app.location, app.url,
            app.source.value, "" if app.salary_min is None else str(app.salary_min),
            "" if app.salary_max is None else str(app.salary_max), app.salary_currency, app.notes,
        ]
        writer.writerow([protect_cell(v) for v in row])
    return out.getvalue()


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to Windows-1252 for old spreadsheet files."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``field=Header`` options from the command line."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in FIELDS:
            raise UserInputError(
                f"Bad mapping {pair!r}.", f"Write FIELD=Header, FIELD one of: {', '.join(FIELDS)}."
            )
        mapping[field.strip()] = header
    return mapping


def read_rows(
    text: str, layout: str | None = None, mapping: dict[str, str] | None = None
) -> tuple[str, list[ApplicationInput]]:
    """Parse and validate every row; raise DataError listing all problem rows."""
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        headers = next(reader)
    except StopIteration:
        raise DataError("The CSV file is empty.", "Export it again with a header row.") from None
    except csv.Error as exc:
        raise DataError(f"The CSV file cannot be read: {exc}.") from None
    chosen = layout or detect_layout(headers)
    if chosen not in LAYOUTS:
        raise UserInputError(f"Unknown layout {chosen!r}.", "Use generic, huntr or teal.")
    columns = map_headers(headers, chosen, mapping or {})
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise DataError(
            f"The CSV has no column for: {', '.join(missing)} (headers: {', '.join(headers)}).",
            "Rename the column, or map it with --map company='Employer Name'.",
        )
    problems: list[str] = []
    rows: list[ApplicationInput] = []
    try:
        for line_no, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise DataError(f"The CSV has more than {MAX_ROWS} rows.")
            values: dict[str, str] = {}
            for field, index in columns.items():
                cell = cells[index] if index < len(cells) else ""
                if len(cell) > MAX_CELL:
                    problems.append(f"row {line_no}: the {field} cell is too long")
                    cell = ""
                values[field] = unprotect_cell(cell.strip())
            status_text = values.pop("status", "")
            status = status_from_text(status_text) if status_text else None
            if status_text and status is None:
                problems.append(f"row {line_no}: unknown status {status_text!r}")
                continue
            item = ApplicationInput(**values, status=status.value if status else None)
            try:
                item.validate()
            except UserInputError as exc:
                problems.append(f"row {line_no}: {exc}")
                continue
            rows.append(item)
    except csv.Error as exc:
        problems.append(f"row {reader.line_num}: {exc}")
    if problems:
        raise DataError(
            f"{len(problems)} row(s) have problems; nothing was imported.",
            "Fix these rows and import again.",
            problems=problems,
        )
    return chosen, rows


def import_csv(
    uow: UnitOfWork, text: str, layout: str | None = None, mapping: dict[str, str] | None = None,
    clock: Clock = system_clock,
) -> tuple[str, int]:
    chosen, rows = read_rows(text, layout, mapping)
    for item in rows:
        add_application(uow, item, origin=Origin.IMPORT, clock=clock)
    return chosen, len(rows)
