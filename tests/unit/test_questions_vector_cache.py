"""The vector cache: computed once, kept on disk, merged as it grows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from nextround.nlp.embedder import CachedEmbedder, LexicalEmbedder


class Counting:
    """The lexical embedder, counting the texts it is asked to embed."""

    name = "lexical"

    def __init__(self) -> None:
        self.calls = 0
        self.inner = LexicalEmbedder()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return self.inner.embed(texts)


def test_vectors_are_computed_once_and_survive_a_restart(tmp_path: Path) -> None:
    first = Counting()
    cache = CachedEmbedder(first, tmp_path)
    a = cache.embed(["Tell me about yourself", "Why us?", "Tell me about yourself"])
    assert first.calls == 2
    again = Counting()
    b = CachedEmbedder(again, tmp_path).embed(["Why us?", "Tell me about yourself"])
    assert again.calls == 0
    assert np.allclose(b[0], a[1], atol=1e-3) and np.allclose(b[1], a[0], atol=1e-3)


def test_many_small_batches_are_merged(tmp_path: Path) -> None:
    cache = CachedEmbedder(Counting(), tmp_path)
    for n in range(80):
        cache.embed([f"question number {n}"])
    chunks = list(tmp_path.rglob("*.keys"))
    assert 1 <= len(chunks) <= 65
    fresh = Counting()
    CachedEmbedder(fresh, tmp_path).embed([f"question number {n}" for n in range(80)])
    assert fresh.calls == 0


def test_an_unwritable_cache_does_not_stop_embedding(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    vectors = CachedEmbedder(Counting(), blocker).embed(["Why us?"])
    assert vectors.shape[0] == 1
