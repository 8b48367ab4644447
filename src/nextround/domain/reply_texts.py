"""Phrase tables for replies: lazy loading and deterministic choice among phrasings."""

from __future__ import annotations

import re
import string
import zlib
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

_FORMATTER = string.Formatter()
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_SPACES = re.compile(r"\s+")
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæh")


def table(name: str) -> dict[str, Any]:
    """The parsed TOML file `data/respond/<name>.toml`, read once on first use."""
    from nextround.data import load_toml

    return load_toml(f"respond/{name}.toml")


def lookup(tbl: Mapping[str, Any], dotted: str) -> Any:
    """A nested entry by dotted path, or None when any step is missing."""
    node: Any = tbl
    for key in dotted.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


@cache
def fields_of(template: str) -> frozenset[str]:
    """The facts a phrasing names."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def clean_fact(value: str | None) -> str | None:
    """One line of user text fit to sit inside a sentence, or None when empty."""
    if value is None:
        return None
    flat = _SPACES.sub(" ", _CONTROL.sub(" ", value)).strip()
    return flat or None


def _rank(seed: int, key: str, count: int) -> int:
    # crc32 rather than hash(): the same variant must give the same text in every process.
    return (seed + zlib.crc32(key.encode("utf-8"))) % count


def usable(variants: Sequence[str], facts: Mapping[str, str]) -> list[str]:
    """The phrasings whose facts are all known."""
    return [t for t in variants if fields_of(t) <= facts.keys()]


def fill(template: str, facts: Mapping[str, str], elide: Sequence[str] = ()) -> str:
    """A phrasing with its facts in, eliding short words before a vowel where the language does."""
    if elide:

        def _elided(match: re.Match[str]) -> str:
            word, name = match.group(1), match.group(2)
            value = facts.get(name, "")
            if value[:1].lower() in _VOWELS:
                return f"{word[:-1]}'{{{name}}}"
            return match.group(0)

        words = "|".join(re.escape(w) for w in elide)
        template = re.sub(rf"\b({words}) \{{(\w+)\}}", _elided, template)
    return template.format_map(facts)


def pick(
    variants: Sequence[str],
    facts: Mapping[str, str],
    seed: int,
    key: str,
    elide: Sequence[str] = (),
) -> str | None:
    """One phrasing, filled in: the most specific usable ones first, then by seed."""
    candidates = usable(variants, facts)
    if not candidates:
        return None
    richest = max(len(fields_of(t)) for t in candidates)
    top = [t for t in candidates if len(fields_of(t)) == richest]
    return fill(top[_rank(seed, key, len(top))], facts, elide)


def pick_many(
    variants: Sequence[str],
    facts: Mapping[str, str],
    seed: int,
    key: str,
    count: int,
    elide: Sequence[str] = (),
) -> list[str]:
    """`count` distinct phrasings, filled in, starting at a seed-chosen place."""
    candidates = usable(variants, facts)
    if not candidates or count <= 0:
        return []
    start = _rank(seed, key, len(candidates))
    rotated = candidates[start:] + candidates[:start]
    return [fill(t, facts, elide) for t in rotated[:count]]


def join_names(names: Sequence[str], conjunction: str) -> str:
    """`a`, `a and b`, `a, b and c` in the draft's language."""
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
