"""The team's hand labels for corpus posts are well formed, and training never sees the posts
kept for measuring or the ones that repeat an evaluation statement."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
REPO = DATA.parents[1]
LABELS = {"harsh", "neutral", "kind", "crisis"}
TRAPS = {"labelling", "overgeneralising", "personalising", "catastrophising", "fortune_telling",
         "mind_reading", "should", "comparing", "disqualifying_positive", "hopelessness"}


def _batches() -> dict[str, list[dict[str, object]]]:
    return {path.stem.rsplit("_", 1)[1]: [json.loads(line) for line in
                                         path.read_text(encoding="utf-8").splitlines()]
            for path in sorted(DATA.glob("selftalk_corpus_labels_*.jsonl"))}


def _excluded() -> set[int]:
    return set(json.loads((DATA / "selftalk_corpus_excluded_rows.json").read_text())["rows"])


def test_label_files_hold_row_numbers_and_labels_only() -> None:
    batches = _batches()
    trainer = _trainer()
    # Every batch either trains the readers or measures them, never both.
    assert set(batches) == set(trainer.HAND_TRAIN) | set(trainer.HAND_BLIND)
    assert not set(trainer.HAND_TRAIN) & set(trainer.HAND_BLIND)
    second = [json.loads(line) for line in
              (DATA / "selftalk_corpus_second_labels.jsonl").read_text().splitlines()]
    batches["second"] = second
    for name, items in batches.items():
        assert len(items) == 300, name
        assert len({item["row"] for item in items}) == 300, name
        for item in items:
            # The posts keep their own licence: the project keeps the row number, never the text.
            assert set(item) == {"row", "label", "distortions"}, (name, item)
            assert item["label"] in LABELS
            traps = item["distortions"]
            assert isinstance(traps, list) and set(traps) <= TRAPS
            assert bool(traps) == (item["label"] == "harsh"), (name, item["row"])
    # The second labelling, which measures agreement, covers measuring posts only.
    measuring = {item["row"] for name in trainer.HAND_BLIND for item in batches[name]}
    assert {item["row"] for item in second} <= measuring


def test_batches_are_disjoint_and_skip_evaluation_lookalikes() -> None:
    seen: set[object] = set()
    for items in _batches().values():
        rows = {item["row"] for item in items}
        assert not rows & seen
        assert not rows & _excluded()
        seen |= rows


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_selftalk",
                                                  REPO / "scripts" / "train_selftalk.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_selftalk", module)
    spec.loader.exec_module(module)
    return module


def test_training_never_reads_the_measuring_batches(shared_data: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTROUND_SHARED_DATA", str(shared_data))
    trainer = _trainer()
    rows = {i for i, _, _ in trainer._corpus_rows()}
    blind = {item["row"] for name in trainer.HAND_BLIND for item in _batches()[name]}
    assert blind and not rows & blind
    assert not rows & _excluded()
    # Everything else is there: the corpus is not silently cut short.
    assert len(rows) > 6000
    trained = {text for text, _, _ in trainer._hand_rows(None)}
    assert len(trained) > 1000
