"""The sentence-vector reader: a softmax head over all-MiniLM-L6-v2 sentence vectors.

It backs up the pattern rules and the light n-gram reader on wordings neither knows: when
they read a statement as neutral and the head is very sure, the statement is read as harsh.
It never overrules a crisis or a kind reading. It is used whenever the optional sentence model
is installed (``NEXTROUND_SELFTALK_MODEL=0`` switches it off); without it the rules and the
light reader work alone. The model loads on the first statement that needs it, not before.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

import numpy as np

from nextround.data import load_json

Scorer = Callable[[str], float]
# Chosen on the team's own data, never on evaluation data: the lowest setting that costs no
# more than a point of precision on any own set the head is not trained on (held-out and blind
# sets). Lower settings find more harsh thoughts but read plain bad news ("the restructure was
# announced today") as harsh.
THRESHOLD = 0.85
_OFF = ("0", "false", "no", "off")


@cache
def harsh_scorer() -> Scorer | None:
    """text -> probability that it is harsh self-talk, or None without the sentence model."""
    from nextround.nlp.embedder import loaded_minilm, model_dir

    folder = model_dir()
    if folder is None:
        return None
    head = load_json("recover/selftalk_head.json")
    weights = np.asarray(head["weights"], dtype=np.float32).T
    bias = np.asarray(head["bias"], dtype=np.float32)
    harsh = list(head["classes"]).index("harsh")
    # The weights the question grouping may already have loaded; journal text goes straight
    # to the model and never into the on-disk vector cache, so nothing of it is kept.
    model = loaded_minilm(folder)

    def score(text: str) -> float:
        if not text.strip():
            return 0.0
        logits = model.embed([text])[0] @ weights + bias
        logits = logits - logits.max()
        probs = np.exp(logits) / np.exp(logits).sum()
        return float(probs[harsh])

    return score


def installed() -> bool:
    """True when the sentence model's files are there (a cheap check: nothing is loaded)."""
    from nextround.nlp.embedder import model_dir

    return model_dir() is not None


def default_reader(switch: bool = True) -> tuple[Scorer, float] | None:
    """The head and its threshold for the default reader, or None when the sentence model is
    not installed or (``switch``: the environment is asked) is switched off. The model itself
    loads on the first call of the scorer."""
    if switch and os.environ.get("NEXTROUND_SELFTALK_MODEL", "").strip().lower() in _OFF:
        return None
    if not installed():
        return None

    def lazy(text: str) -> float:
        scorer = harsh_scorer()
        return scorer(text) if scorer is not None else 0.0

    return lazy, THRESHOLD
