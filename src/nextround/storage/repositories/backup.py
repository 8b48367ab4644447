"""Whole-account dump and restore over every table, with ids remapped on the way in."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, Enum, Table, func, insert, select
from sqlalchemy.orm import Session

from nextround.errors import ConflictError, DataError
from nextround.storage.tables import load_all

SKIP_TABLES = {"users", "alembic_version"}


def _tables() -> list[Table]:
    return [t for t in load_all().metadata.sorted_tables if t.name not in SKIP_TABLES]


def _owner_filter(table: Table, owner_id: int, owned: dict[str, set[int]]) -> Any:
    """Rows of this owner: by owner_id, or (link tables) by a parent row the owner has."""
    if "owner_id" in table.c:
        return table.c.owner_id == owner_id
    for col in table.c:
        for fk in col.foreign_keys:
            parent = fk.column.table.name
            if parent in owned:
                return col.in_(owned[parent] or {-1})
    raise DataError(f"Table {table.name} has no owner; it cannot be exported.")


def _to_json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _from_json(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    impl = getattr(kind, "impl", kind)
    if isinstance(impl, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(impl, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    return value


class BackupRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        owned: dict[str, set[int]] = {}
        out: dict[str, list[dict[str, Any]]] = {}
        for table in _tables():
            stmt = select(table).where(_owner_filter(table, self.owner_id, owned))
            pk = list(table.primary_key.columns)
            stmt = stmt.order_by(*pk)
            rows = [
                {k: _to_json(v) for k, v in row._mapping.items() if k != "owner_id"}
                for row in self.session.execute(stmt)
            ]
            out[table.name] = rows
            if "id" in table.c:
                owned[table.name] = {r["id"] for r in rows}
        return out

    def is_empty(self) -> bool:
        for table in _tables():
            if "owner_id" in table.c and table.name != "profiles":
                n = self.session.scalar(
                    select(func.count()).select_from(table).where(table.c.owner_id == self.owner_id)
                )
                if n:
                    return False
        return True

    def restore(self, tables: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
        """Insert every row for this owner; ids are remapped so any database can take it."""
        if not self.is_empty():
            raise ConflictError(
                "This database already has records; a backup is restored only into an empty one.",
                "Use a new database with --db, or export and delete first.",
            )
        known = {t.name: t for t in _tables()}
        unknown = sorted(set(tables) - set(known))
        if unknown:
            raise DataError(
                f"The backup has tables this version does not know: {', '.join(unknown)}.",
                "Upgrade nextround, then import again.",
            )
        idmap: dict[str, dict[int, int]] = {}
        counts: dict[str, int] = {}
        for name, table in known.items():
            rows = tables.get(name, [])
            if name == "profiles":
                self.session.execute(table.delete().where(table.c.owner_id == self.owner_id))
            idmap[name] = {}
            for index, raw in enumerate(rows):
                if not isinstance(raw, dict):
                    raise DataError(f"Row {index + 1} of {name} is not an object.")
                values: dict[str, Any] = {}
                for key, value in raw.items():
                    if key not in table.c or key == "owner_id":
                        raise DataError(f"Row {index + 1} of {name} has an unknown field {key!r}.")
                    col = table.c[key]
                    if key == "id":
                        continue
                    fks = list(col.foreign_keys)
                    if fks and value is not None:
                        parent = fks[0].column.table.name
                        if parent in idmap:
                            if value not in idmap[parent]:
                                raise DataError(
                                    f"Row {index + 1} of {name} points to a missing {parent} "
                                    f"row ({value})."
                                )
                            value = idmap[parent][value]
                    try:
                        values[key] = _from_json(col, value)
                    except (ValueError, TypeError) as exc:
                        raise DataError(
                            f"Row {index + 1} of {name}: bad value for {key}: {value!r}."
                        ) from exc
                if "owner_id" in table.c:
                    values["owner_id"] = self.owner_id
                result: Any = self.session.execute(insert(table).values(**values))
                if "id" in table.c and "id" in raw:
                    new_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
                    idmap[name][raw["id"]] = int(new_id) if new_id is not None else raw["id"]
            counts[name] = len(rows)
        self.session.flush()
        return counts
