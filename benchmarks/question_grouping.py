"""Grouping quality on real published interview questions, next to plain MiniLM clustering.

Prints pairwise precision, recall, F1 and adjusted Rand index of nextround's grouping and of a
plain all-MiniLM-L6-v2 cosine-threshold clustering (connected components) on the same data,
plus how many questions that belong to no group were left alone. Measuring only: nothing in
the app is tuned on this data."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grouping_metrics import labels_from_groups, score, threshold_clusters  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PLAIN_THRESHOLDS = (0.6, 0.7, 0.8)


def data_file() -> Path | None:
    base = Path(os.environ.get("NEXTROUND_SHARED_DATA", REPO / ".." / "shared" / "data"))
    path = base / "eval" / "questions.jsonl"
    return path if path.is_file() else None


def main() -> int:
    path = data_file()
    if path is None:
        msg = "evaluation data (eval/questions.jsonl) not found; set NEXTROUND_SHARED_DATA"
        if os.environ.get("CI") == "true":
            print("error: " + msg, file=sys.stderr)
            return 1
        print("skipped: " + msg)
        return 0
    from nextround.domain.grouping import group_questions
    from nextround.domain.question_bank import load_bank
    from nextround.nlp.embedder import default_embedder, model_available

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts = [r["text"] for r in rows]
    gold = [r["group"] if r.get("group") else f"alone:{r['id']}" for r in rows]
    embedder = default_embedder()
    print(f"{len(texts)} questions, {len(set(gold))} gold groups; embedder: {embedder.name}"
          + ("" if model_available() else " (MiniLM not installed: lexical fallback)"))
    start = time.perf_counter()
    result = group_questions(texts, load_bank(), embedder.embed)
    took = time.perf_counter() - start
    ours = score(gold, labels_from_groups([g.members for g in result.groups], len(texts)))
    print("alone: share of the questions in no group that are left alone; alone P: share of "
          "the questions left alone that are in no group; loner pairs: pairs that join a "
          "question in no group to another")
    print(f"{'method':<28} {'P':>5} {'R':>5} {'F1':>5} {'ARI':>5} {'alone':>6} {'alone P':>8}"
          f" {'loner pairs':>12}")
    print(f"{'nextround':<28} {ours.precision:5.2f} {ours.recall:5.2f} {ours.f1:5.2f} "
          f"{ours.ari:5.2f} {ours.singleton_precision:6.2f} {ours.alone_precision:8.2f} "
          f"{ours.loner_pairs:12d}   ({took:.2f} s)")
    vectors = embedder.embed(texts)
    best = 0.0
    for t in PLAIN_THRESHOLDS:
        plain = score(gold, threshold_clusters(vectors, t))
        best = max(best, plain.f1)
        print(f"{'plain cosine >= ' + str(t):<28} {plain.precision:5.2f} {plain.recall:5.2f} "
              f"{plain.f1:5.2f} {plain.ari:5.2f} {plain.singleton_precision:6.2f} "
              f"{plain.alone_precision:8.2f} {plain.loner_pairs:12d}")
    print(f"F1 ratio vs best plain threshold: {ours.f1 / best if best else float('inf'):.2f}x "
          f"(target F1 >= 0.75)")
    mapped = sum(1 for g in result.groups if g.canonical_id)
    print(f"{len(result.groups)} groups, {mapped} mapped to a bank question")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
