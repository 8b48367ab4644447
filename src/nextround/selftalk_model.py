"""The small learned reader: a softmax head over all-MiniLM-L6-v2 sentence vectors.

It backs up the pattern rules (which name the thinking traps and the trigger words): when the
rules see nothing harsh but the head is fairly sure, the entry is read as harsh. It needs the
optional sentence model; without it the rules work alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np

from nextround.data import load_json

Scorer = Callable[[str], float]
THRESHOLD = 0.6  # chosen on the team's own held-out examples, not on evaluation data


@cache
def harsh_scorer() -> Scorer | None:
    """text -> probability that it is harsh self-talk, or None without the sentence model."""
    from nextround.nlp.embedder import MiniLMEmbedder, model_dir

    folder = model_dir()
    if folder is None:
        return None
    head = load_json("recover/selftalk_head.json")
    weights = np.asarray(head["weights"], dtype=np.float32).T
    bias = np.asarray(head["bias"], dtype=np.float32)
    harsh = list(head["classes"]).index("harsh")
    model = MiniLMEmbedder(folder)

    def score(text: str) -> float:
        if not text.strip():
            return 0.0
        logits = model.embed([text])[0] @ weights + bias
        logits = logits - logits.max()
        probs = np.exp(logits) / np.exp(logits).sum()
        return float(probs[harsh])

    return score
