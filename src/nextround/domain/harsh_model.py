"""A light learned reader of harsh self-talk: logistic regression over hashed n-grams.

It reads word and character n-grams (and, if trained so, what the pattern rules noticed) and
says how likely a statement is harsh self-talk; the same kind of model backs up the crisis
patterns. The weights ship with the package (trained at build time by
``scripts/train_selftalk.py``); loading them takes a few milliseconds and needs no network.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

WEIGHTS = "recover/selftalk_ngrams.npz"
CRISIS_WEIGHTS = "recover/crisis_ngrams.npz"
BITS = 18
_SIZE = 1 << BITS
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (_SIZE - 1)


def features(text: str, rule_marks: Iterable[str] = ()) -> dict[int, float]:
    """Hashed feature ids and values for one statement.

    Each group (words, word pairs, character n-grams, rule marks) is scaled to unit length, so
    a long statement does not shout down a short one.
    """
    plain = _SPACES.sub(" ", text.lower().translate(_QUOTES)).strip()
    words = _WORD.findall(plain)
    groups: list[list[str]] = [
        ["w:" + w for w in words],
        ["b:" + a + " " + b for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)],
        [
            "c:" + padded[i : i + n]
            for padded in [" " + " ".join(words) + " "]
            for n in (3, 4, 5)
            for i in range(max(len(padded) - n + 1, 0))
        ],
        ["r:" + mark for mark in rule_marks],
    ]
    found: dict[int, float] = {}
    for group in groups:
        unique = set(group)
        if not unique:
            continue
        value = 1.0 / np.sqrt(len(unique))
        for feature in unique:
            key = _hash(feature)
            found[key] = found.get(key, 0.0) + float(value)
    found[_SIZE - 1] = 1.0  # a constant, so the bias lives in the same vector
    return found


@dataclass(frozen=True)
class HarshModel:
    """Weights over hashed features, and two thresholds chosen on held-out examples.

    ``keep``: below it the reader overrules a harsh reading by the rules. ``add``: from it up
    the reader reads harsh what the rules missed.
    """

    weights: np.ndarray
    keep: float
    add: float
    reads_rules: bool = True

    def is_harsh(self, text: str, rule_marks: tuple[str, ...], rules_say_harsh: bool) -> bool:
        p = self.probability(text, rule_marks if self.reads_rules else ())
        return p >= (self.keep if rules_say_harsh else self.add)

    def probability(self, text: str, rule_marks: Iterable[str] = ()) -> float:
        found = features(text, rule_marks)
        keys = np.fromiter(found.keys(), dtype=np.int64, count=len(found))
        values = np.fromiter(found.values(), dtype=np.float32, count=len(found))
        score = float(self.weights[keys].astype(np.float32) @ values)
        return 1.0 / (1.0 + float(np.exp(-np.clip(score, -30.0, 30.0))))


@cache
def harsh_model() -> HarshModel | None:
    """The shipped model, or None when the package was built without it."""
    try:
        raw = resources.files("nextround.data").joinpath(WEIGHTS).read_bytes()
    except FileNotFoundError:
        return None
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        reads_rules = bool(data["reads_rules"]) if "reads_rules" in data.files else True
        return HarshModel(weights=data["weights"], keep=float(data["keep"]),
                          add=float(data["add"]), reads_rules=reads_rules)


@dataclass(frozen=True)
class CrisisModel:
    """A second, learned net for crisis language the patterns have no words for.

    It reads the text with figurative phrases already blanked out; ``threshold`` was chosen on
    held-out examples to keep harmless look-alike phrases quiet.
    """

    weights: np.ndarray
    threshold: float

    def probability(self, plain: str) -> float:
        return HarshModel(self.weights, 0.0, 0.0, reads_rules=False).probability(plain)

    def is_crisis(self, plain: str) -> bool:
        return self.probability(plain) >= self.threshold


@cache
def crisis_model() -> CrisisModel | None:
    """The shipped crisis reader, or None when the package was built without it."""
    try:
        raw = resources.files("nextround.data").joinpath(CRISIS_WEIGHTS).read_bytes()
    except FileNotFoundError:
        return None
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        return CrisisModel(weights=data["weights"], threshold=float(data["threshold"]))
