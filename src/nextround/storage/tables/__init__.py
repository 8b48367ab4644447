"""All tables, registered on one metadata; each area adds a module and imports it here."""

from __future__ import annotations

import importlib
import pkgutil

from nextround.storage.tables.base import Base


def load_all() -> type[Base]:
    """Import every table module so that ``Base.metadata`` is complete."""
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")
    return Base
