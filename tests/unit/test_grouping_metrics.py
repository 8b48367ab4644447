"""The grouping benchmark's own arithmetic: pairwise scores, ARI and the loner readings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from grouping_metrics import labels_from_groups, score  # noqa: E402


def test_perfect_grouping_scores_one() -> None:
    gold = ["a", "a", "x", "b", "b", "b"]
    s = score(gold, gold)
    assert (s.precision, s.recall, s.f1, s.ari) == (1.0, 1.0, 1.0, 1.0)
    assert (s.singleton_precision, s.alone_precision, s.loner_pairs) == (1.0, 1.0, 0)


def test_pairs_and_loner_readings() -> None:
    gold = ["a", "a", "x", "y", "b", "b"]
    predicted = [1, 1, 1, 2, 3, 4]  # x wrongly joins a; b split in two
    s = score(gold, predicted)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)
    assert s.singleton_precision == 0.5  # y alone, x not
    assert s.alone_precision == pytest.approx(1 / 3)  # alone: y, and the two halves of b
    assert s.loner_pairs == 2


def test_two_loners_merged_count_as_one_pair() -> None:
    assert score(["a", "a", "x", "y"], [1, 2, 3, 3]).loner_pairs == 1
    assert score(["x", "y", "z", "a", "a"], [1, 1, 1, 2, 2]).loner_pairs == 3


def test_every_item_must_be_placed() -> None:
    assert labels_from_groups([[0, 2], [1]], 3) == [0, 1, 0]
    with pytest.raises(ValueError):
        labels_from_groups([[0]], 2)
