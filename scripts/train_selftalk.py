"""Train the small self-talk classifier head on sentence embeddings.

Inputs: the permissively licensed reframing corpus (Ziems et al. 2022, CC BY-SA 4.0) from the
shared data folder (negative originals -> harsh, reframes -> kind) plus the team's own examples
in tests/data (never the evaluation files). Output: a logistic-regression head over
all-MiniLM-L6-v2 sentence vectors, written to src/nextround/data/recover/selftalk_head.json.

    python scripts/train_selftalk.py [--limit N]
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

CLASSES = ("harsh", "neutral", "kind")
OUT = REPO / "src" / "nextround" / "data" / "recover" / "selftalk_head.json"
OWN_TRAIN = ("selftalk_examples.jsonl", "selftalk_examples_2.jsonl", "selftalk_examples_3.jsonl",
             "selftalk_examples_4.jsonl", "selftalk_train_extra.jsonl")


def shared_data() -> Path:
    return Path(os.environ.get("NEXTROUND_SHARED_DATA", REPO / ".." / "shared" / "data"))


def corpus(limit: int | None) -> list[tuple[str, str, float]]:
    rows: list[tuple[str, str, float]] = []
    path = shared_data() / "train" / "ziems2022-positive-frames-train.csv"
    with path.open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            if limit and n >= limit:
                break
            rows.append((row["original_text"], "harsh", 1.0))
            rows.append((row["reframed_text"], "kind", 1.0))
    for name in OWN_TRAIN:
        for line in (REPO / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            label = {"crisis": None, "not_crisis": "neutral"}.get(item["label"], item["label"])
            if label:
                # The team's own examples are few but on target: weigh them up.
                rows.append((item["text"], label, 8.0))
    return rows


def train(x: np.ndarray, y: np.ndarray, w: np.ndarray, epochs: int = 1500,
          rate: float = 4.0, l2: float = 1e-4) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch gradient descent with per-class balancing."""
    k = len(CLASSES)
    counts = np.bincount(y, weights=w, minlength=k)
    w = w * (counts.sum() / (k * counts))[y]
    weights = np.zeros((x.shape[1], k), dtype=np.float64)
    bias = np.zeros(k, dtype=np.float64)
    onehot = np.eye(k)[y]
    for _ in range(epochs):
        logits = x @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) * w[:, None] / w.sum()
        weights -= rate * (x.T @ grad + l2 * weights)
        bias -= rate * grad.sum(axis=0)
    return weights, bias


def _embed(model: object, texts: list[str]) -> np.ndarray:
    """Vectors for ``texts``, reusing a cache file between runs when --cache FILE is given."""
    cache = Path(sys.argv[sys.argv.index("--cache") + 1]) if "--cache" in sys.argv else None
    known: dict[str, np.ndarray] = {}
    if cache and cache.exists():
        data = np.load(cache, allow_pickle=False)
        known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    todo = [t for t in dict.fromkeys(texts) if t not in known]
    if todo:
        vectors = model.embed(todo)  # type: ignore[attr-defined]
        known.update(zip(todo, vectors, strict=True))
        if cache:
            np.savez(cache, texts=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[t] for t in texts]).astype(np.float64)


def main() -> int:
    from nextround.nlp.embedder import MiniLMEmbedder, model_dir

    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    folder = model_dir()
    if folder is None:
        print("the sentence model is not installed", file=sys.stderr)
        return 1
    rows = corpus(limit)
    model = MiniLMEmbedder(folder)
    started = time.perf_counter()
    x = _embed(model, [t for t, _, _ in rows])
    print(f"embedded {len(rows)} texts in {time.perf_counter() - started:.0f} s")
    y = np.array([CLASSES.index(label) for _, label, _ in rows])
    w = np.array([weight for _, _, weight in rows])
    weights, bias = train(x, y, w)
    OUT.write_text(json.dumps({
        "model": "all-MiniLM-L6-v2",
        "classes": list(CLASSES),
        "bias": [round(float(b), 6) for b in bias],
        "weights": [[round(float(v), 6) for v in row] for row in weights.T],
        "trained_on": "Ziems et al. 2022 positive reframing corpus (CC BY-SA 4.0) and the "
                      "nextround team's own examples",
        "licence": "CC BY-SA 4.0",
    }), encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
