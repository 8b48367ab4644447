"""Package data written by the team (phrase lists, templates, question bank), loaded lazily."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_toml(relative: str) -> dict[str, Any]:
    """Read ``nextround/data/<relative>`` as TOML, once per process."""
    text = resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def load_json(relative: str) -> Any:
    """Read ``nextround/data/<relative>`` as JSON, once per process."""
    text = resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
    return json.loads(text)


def read_text(relative: str) -> str:
    return resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
