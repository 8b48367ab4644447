"""Speed of question grouping: model cold start, embedding, and grouping 10,000 questions.

Questions are generated from the bank's own wordings with varied framings plus unrelated
filler, so no evaluation data is needed. Prints medians and ratios against baselines measured
in the same run: `import numpy` for the cold start, plain cosine-threshold clustering for the
grouping itself. Targets: cold start < 1 s, grouping 10,000 questions < 10 s on 2 cores."""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PREFIXES = ["", "So, ", "Okay, ", "Could you tell me: ", "Next one. ", "I'd like to know: "]
SUFFIXES = ["", " Take your time.", " Be specific.", " In your last role?", " Briefly."]
FILLER = [
    "budget", "cloud", "vendor", "launch", "survey", "audit", "roadmap", "pipeline", "quarter",
    "hiring", "shift", "ward", "campaign", "ledger", "sprint", "warehouse", "classroom",
    "client", "metric", "model",
]


def questions(n: int, seed: int = 7) -> list[str]:
    from nextround.domain.question_bank import load_bank

    rng = random.Random(seed)
    wordings = [w for q in load_bank().questions for w in q.all_wordings]
    out = []
    for i in range(n):
        if i % 5 == 4:  # a fifth are questions outside the bank
            words = rng.sample(FILLER, 4)
            out.append(f"How would you handle the {words[0]} {words[1]} for a {words[2]} "
                       f"{words[3]} project number {i}?")
        else:
            out.append(rng.choice(PREFIXES) + rng.choice(wordings) + rng.choice(SUFFIXES))
    return out


def cold_start(runs: int) -> tuple[float, float]:
    code_model = ("import time; t=time.perf_counter(); "
                  "from nextround.nlp.embedder import MiniLMEmbedder, model_dir; "
                  "MiniLMEmbedder(model_dir()).embed(['Tell me about yourself']); "
                  "print(time.perf_counter()-t)")
    code_base = "import time; t=time.perf_counter(); import numpy; print(time.perf_counter()-t)"

    def run(code: str) -> float:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        return float(out.stdout.strip())

    model = statistics.median(run(code_model) for _ in range(runs))
    base = statistics.median(run(code_base) for _ in range(runs))
    return model, base


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from grouping_metrics import threshold_clusters

    from nextround.domain.grouping import group_questions
    from nextround.domain.question_bank import load_bank
    from nextround.nlp.embedder import CachedEmbedder, MiniLMEmbedder, model_dir

    folder = model_dir()
    if folder is None:
        print("skipped: the MiniLM package is not installed")
        return 0
    model_s, numpy_s = cold_start(args.runs)
    print(f"cold start (load weights + first sentence): {model_s:.2f} s median of {args.runs}; "
          f"`import numpy` {numpy_s:.2f} s ({model_s / numpy_s:.1f}x); target < 1 s")
    texts = questions(args.n)
    bank = load_bank()
    with tempfile.TemporaryDirectory() as tmp:
        embedder = CachedEmbedder(MiniLMEmbedder(folder), Path(tmp))
        start = time.perf_counter()
        result = group_questions(texts, bank, embedder.embed)
        cold_s = time.perf_counter() - start
        print(f"grouping {args.n} questions from cold (bank and questions embedded, nothing "
              f"cached): {cold_s:.1f} s ({len(result.groups)} groups)")
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = group_questions(texts, bank, embedder.embed)
            timings.append(time.perf_counter() - start)
        group_s = statistics.median(timings)
        vectors = embedder.embed(texts)
        base = []
        for _ in range(args.runs):
            start = time.perf_counter()
            threshold_clusters(vectors, 0.7)
            base.append(time.perf_counter() - start)
        base_s = statistics.median(base)
    print(f"grouping {args.n} questions, vectors cached (as after each debrief): {group_s:.2f} s "
          f"median; plain threshold clustering {base_s:.2f} s ({group_s / base_s:.1f}x); "
          "target < 10 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
