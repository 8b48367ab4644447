"""Complete JSON backup of one person's data, and its restore (all or nothing)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from nextround import __version__
from nextround.errors import DataError
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

FORMAT = "nextround-backup"
VERSION = 1
MAX_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 12


def export_backup(uow: UnitOfWork, clock: Clock = system_clock) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": clock().isoformat(),
        "tables": uow.backup.dump(),
    }


def write_backup(uow: UnitOfWork, path: Path, clock: Clock = system_clock) -> dict[str, int]:
    data = export_backup(uow, clock)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # never leave a half-written backup under the real name
    return {name: len(rows) for name, rows in data["tables"].items()}


def _reject_constant(name: str) -> Any:
    raise DataError(f"The backup contains {name}, which is not valid JSON data.")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise DataError(f"The backup contains an out-of-range number ({text}).")
    return value


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        raise DataError("The backup is nested too deeply to be a nextround backup.")
    if isinstance(value, dict):
        return max([_depth(v, level + 1) for v in value.values()] or [level])
    if isinstance(value, list):
        return max([_depth(v, level + 1) for v in value] or [level])
    return level


def parse_backup(text: str) -> dict[str, list[dict[str, Any]]]:
    """Validate a backup file's text and return its tables, or raise DataError."""
    if len(text) > MAX_BYTES:
        raise DataError("The backup is larger than 200 MB.", "Split the data or check the file.")
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except RecursionError:
        raise DataError("The backup is nested too deeply to be a nextround backup.") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}).",
            "Use a file written by `nextround export --format json`.",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(
            "This JSON file is not a nextround backup.",
            "Use a file written by `nextround export --format json`, or import CSV with --format csv.",
        )
    if data.get("version") != VERSION:
        raise DataError(f"Unsupported backup version {data.get('version')!r}.")
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(v, list) for v in tables.values()):
        raise DataError("The backup has no valid `tables` section.")
    _depth(tables)
    return tables


def import_backup(uow: UnitOfWork, text: str) -> dict[str, int]:
    tables = parse_backup(text)
    counts: dict[str, int] = uow.backup.restore(tables)
    return counts
