"""Pairwise precision, recall, F1 and adjusted Rand index for a grouping against gold labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    ari: float
    singleton_precision: float  # gold singletons left alone by the grouping
    alone_precision: float = 1.0  # of the questions the grouping leaves alone, true loners
    loner_pairs: int = 0  # pairs the grouping made that join a gold singleton to anything


def labels_from_groups(groups: Sequence[Sequence[int]], n: int) -> list[int]:
    out = [-1] * n
    for g, members in enumerate(groups):
        for i in members:
            out[i] = g
    if -1 in out:
        raise ValueError("every item must be in exactly one group")
    return out


def score(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    n = len(gold)
    pairs = Counter(zip(gold, predicted, strict=True))
    tp = sum(comb(c, 2) for c in pairs.values())
    gold_sizes = Counter(gold)
    pred_sizes = Counter(predicted)
    gold_pairs = sum(comb(c, 2) for c in gold_sizes.values())
    pred_pairs = sum(comb(c, 2) for c in pred_sizes.values())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = comb(n, 2)
    expected = gold_pairs * pred_pairs / total if total else 0.0
    maximum = (gold_pairs + pred_pairs) / 2
    ari = (tp - expected) / (maximum - expected) if maximum != expected else 1.0
    singles = [i for i in range(n) if gold_sizes[gold[i]] == 1]
    alone = sum(1 for i in singles if pred_sizes[predicted[i]] == 1)
    singleton_precision = alone / len(singles) if singles else 1.0
    left_alone = [i for i in range(n) if pred_sizes[predicted[i]] == 1]
    alone_precision = alone / len(left_alone) if left_alone else 1.0
    # Pairs inside a predicted group with at least one gold singleton in them: all wrong.
    singles_in = Counter(predicted[i] for i in singles)
    loner_pairs = sum(comb(size, 2) - comb(size - singles_in[g], 2)
                      for g, size in pred_sizes.items())
    return Scores(precision, recall, f1, ari, singleton_precision, alone_precision, loner_pairs)


def threshold_clusters(vectors: object, threshold: float) -> list[int]:
    """Plain baseline: connected components of the cosine graph at one threshold."""
    import numpy as np

    m = np.asarray(vectors)
    n = m.shape[0]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sims = m @ m.T
    for i, j in zip(*np.nonzero(np.triu(sims >= threshold, 1)), strict=True):
        parent[find(int(i))] = find(int(j))
    return [find(i) for i in range(n)]
