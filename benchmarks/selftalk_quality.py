"""Self-talk quality: crisis recall, false alarms, harsh-vs-not-harsh P/R/F1, confusion matrix.

Measures the default reader (pattern rules, the light n-gram reader and, when the sentence
model is installed, the sentence-vector head) on the shared evaluation set (never used to tune
anything) and, as baselines in the same run, the rules alone, the reader without the sentence
model and a naive keyword reader; and the same on the team's own examples, held-out examples,
dev sets and crisis cases.

    python benchmarks/selftalk_quality.py [--json]
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from nextround.domain.selftalk import analyse  # noqa: E402

LABELS = ("harsh", "neutral", "kind", "crisis")
CORPUS_BLIND = "cf"
CORPUS_TRAINED = "abde"
_NAIVE = re.compile(r"\b(never|always|stupid|failure|fault|should|worthless|hate)\b", re.I)
_NAIVE_CRISIS = re.compile(r"\b(kill|die|suicide|dead)\b", re.I)


def shared_data() -> Path | None:
    root = Path(os.environ.get("NEXTROUND_SHARED_DATA", REPO / ".." / "shared" / "data"))
    return root if (root / "eval" / "selftalk.jsonl").exists() else None


def _read(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def naive(text: str) -> str:
    if _NAIVE_CRISIS.search(text):
        return "crisis"
    return "harsh" if _NAIVE.search(text) else "neutral"


def ours(text: str) -> str:
    from nextround.selftalk_model import default_reader

    reader = default_reader()
    return (analyse(text, *reader) if reader else analyse(text)).label.value


def without_sentence_model(text: str) -> str:
    """Rules plus the light n-gram reader: what people without the sentence model get."""
    return analyse(text).label.value


def rules_only(text: str) -> str:
    """Harsh-or-not by the patterns alone (crisis detection is the same as the default)."""
    return analyse(text, learned=False).label.value


def light_load_seconds() -> float:
    """Cold start of the light reader, in a fresh interpreter: import plus loading weights."""
    code = ("import time; t = time.perf_counter(); "
            "from nextround.domain.harsh_model import harsh_model; "
            "assert harsh_model() is not None; print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    return float(out.stdout.strip())


def with_model() -> tuple[Callable[[str], str] | None, float]:
    """The default reader when the sentence model is installed, and the head's load time."""
    from nextround.selftalk_model import THRESHOLD, harsh_scorer

    started = time.perf_counter()
    scorer = harsh_scorer()
    if scorer is not None:
        scorer("warm up")
    seconds = time.perf_counter() - started
    if scorer is None:
        return None, seconds
    return (lambda text: analyse(text, scorer, THRESHOLD).label.value), seconds


def score(rows: list[dict[str, object]], controls: list[dict[str, object]],
          reader: Callable[[str], str]) -> dict[str, object]:
    matrix = {want: dict.fromkeys(LABELS, 0) for want in LABELS}
    started = time.perf_counter()
    for row in rows:
        matrix[str(row["label"])][reader(str(row["text"]))] += 1
    alarms = sum(1 for row in controls if reader(str(row["text"])) == "crisis")
    elapsed = time.perf_counter() - started
    crisis_total = sum(matrix["crisis"].values())
    tp = matrix["harsh"]["harsh"]
    fp = sum(matrix[w]["harsh"] for w in LABELS if w != "harsh")
    fn = sum(matrix["harsh"][g] for g in LABELS if g != "harsh")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    correct = sum(matrix[w][w] for w in LABELS)
    return {
        "items": len(rows),
        "crisis_recall": matrix["crisis"]["crisis"] / crisis_total if crisis_total else None,
        "false_alarms": alarms,
        "controls": len(controls),
        "harsh_precision": round(precision, 3),
        "harsh_recall": round(recall, 3),
        "harsh_f1": round(f1, 3),
        "accuracy": round(correct / len(rows), 3) if rows else None,
        "statements_per_s": round((len(rows) + len(controls)) / elapsed) if elapsed else None,
        "confusion": matrix,
    }


def _own(pattern: str) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    rows = [row for path in sorted((REPO / "tests" / "data").glob(pattern))
            for row in _read(path)]
    quiet = ("not_crisis", "not_crisis_informational")
    return [r for r in rows if r["label"] not in quiet], [r for r in rows if r["label"] in quiet]


def _corpus(data: Path, batches: str) -> list[dict[str, object]]:
    """Originals of the reframing corpus with the team's hand labels (row numbers only are
    kept in the project; the text is read from the shared training file)."""
    with (data / "train" / "ziems2022-positive-frames-train.csv").open(encoding="utf-8") as f:
        texts = [row["original_text"] for row in csv.DictReader(f)]
    return [{"text": texts[int(item["row"])], "label": item["label"]}
            for batch in batches
            for item in _read(REPO / "tests" / "data" / f"selftalk_corpus_labels_{batch}.jsonl")]


def _kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa: agreement beyond what the two label frequencies give by chance."""
    seen = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / seen
    chance = sum(first.count(label) * second.count(label) / seen**2
                 for label in set(first) | set(second))
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def label_agreement() -> dict[str, object]:
    """How far a second labeller agrees with the first on the measuring posts: a ceiling for
    what a reader can be expected to reach on them."""
    data = REPO / "tests" / "data"
    first = {int(item["row"]): str(item["label"]) for batch in CORPUS_BLIND
             for item in _read(data / f"selftalk_corpus_labels_{batch}.jsonl")}
    second = {int(item["row"]): str(item["label"])
              for item in _read(data / "selftalk_corpus_second_labels.jsonl")}
    rows = sorted(second)
    a, b = [first[r] for r in rows], [second[r] for r in rows]
    harsh_a = ["harsh" if x == "harsh" else "other" for x in a]
    harsh_b = ["harsh" if x == "harsh" else "other" for x in b]
    both = sum(x == y == "harsh" for x, y in zip(harsh_a, harsh_b, strict=True))
    return {
        "posts": len(rows),
        "agreement": round(sum(x == y for x, y in zip(a, b, strict=True)) / len(rows), 3),
        "kappa": round(_kappa(a, b), 3),
        "harsh_kappa": round(_kappa(harsh_a, harsh_b), 3),
        "second_harsh_f1": round(2 * both / (harsh_a.count("harsh") + harsh_b.count("harsh")), 3),
    }


def _print(title: str, result: dict[str, object]) -> None:
    recall = result["crisis_recall"]
    if not result["items"]:
        return
    print(f"\n## {title} ({result['items']} statements, {result['controls']} controls)")
    print(f"crisis recall      {recall:.0%}" if isinstance(recall, float) else "crisis recall  n/a")
    print(f"false alarms       {result['false_alarms']} of {result['controls']}")
    print(
        f"harsh P / R / F1   {result['harsh_precision']:.2f} / {result['harsh_recall']:.2f}"
        f" / {result['harsh_f1']:.3f}"  # three places: the target is a bare 0.80
    )
    print(f"accuracy           {result['accuracy']}")
    print(f"speed              {result['statements_per_s']} statements/s")
    print("confusion (rows = truth, columns = ours): " + " ".join(f"{c:>8}" for c in LABELS))
    matrix = result["confusion"]
    assert isinstance(matrix, dict)
    for want in LABELS:
        print(f"  {want:>8} " + " ".join(f"{matrix[want][got]:>8}" for got in LABELS))


def main() -> int:
    as_json = "--json" in sys.argv
    data = shared_data()
    results: dict[str, object] = {}
    own_rows, own_controls = _own("selftalk_examples*.jsonl")
    held_rows, held_controls = _own("selftalk_holdout*.jsonl")
    dev_rows, dev_controls = _own("selftalk_dev*.jsonl")
    harsh_blind_rows, harsh_blind_controls = _own("selftalk_blind*.jsonl")
    case_rows, case_controls = _own("selftalk_crisis_cases.jsonl")
    crisis_held_rows, crisis_held_controls = _own("selftalk_crisis_holdout.jsonl")
    fresh_rows, fresh_controls = _own("selftalk_crisis_holdout_2.jsonl")
    third_rows, third_controls = _own("selftalk_crisis_holdout_3.jsonl")
    blind_rows, blind_controls = _own("selftalk_crisis_holdout_4.jsonl")
    model_reader, load_seconds = with_model()
    print(f"light n-gram reader: cold start {light_load_seconds():.3f} s (fresh interpreter)")
    print(f"sentence-model head: {'loaded' if model_reader else 'not available'} "
          f"in {load_seconds:.2f} s (cold, with the sentence model)")
    results["own_examples"] = score(own_rows, own_controls, ours)
    results["own_holdout_rules_only"] = score(held_rows, held_controls, rules_only)
    results["own_holdout"] = score(held_rows, held_controls, ours)
    if model_reader is not None:
        results["own_holdout_without_sentence_model"] = score(held_rows, held_controls,
                                                              without_sentence_model)
    # Dev sets: their misses were read while writing patterns and the light reader trains on
    # them, so these figures show fit, not what new wordings get.
    results["own_dev_sets"] = score(dev_rows, dev_controls, ours)
    # Written before the latest harsh patterns and never looked at miss by miss.
    results["own_harsh_blind"] = score(harsh_blind_rows, harsh_blind_controls, ours)
    # The newest blind set, indirect everyday wordings, written before the head was retrained.
    j_rows, j_controls = _own("selftalk_blind_j.jsonl")
    results["own_harsh_blind_j"] = score(j_rows, j_controls, ours)
    results["own_harsh_blind_j_without_sentence_model"] = score(j_rows, j_controls,
                                                                without_sentence_model)
    results["own_crisis_cases"] = score(case_rows, case_controls, ours)
    # The first crisis held-out set chose the net's threshold; the second one never chose
    # anything.
    results["own_crisis_holdout_threshold_set"] = score(crisis_held_rows, crisis_held_controls,
                                                        ours)
    results["own_crisis_holdout_fresh"] = score(fresh_rows, fresh_controls, ours)
    # Written before the broad net existed: the third set (its misses were looked at while
    # writing the net) and the fourth (a blind set, never looked at item by item).
    results["own_crisis_holdout_3_lookalikes"] = score(third_rows, third_controls, ours)
    results["own_crisis_holdout_4_blind"] = score(blind_rows, blind_controls, ours)
    if data is None:
        if os.environ.get("CI") == "true":
            print("shared evaluation data is missing", file=sys.stderr)
            return 1
        print("shared evaluation data not found; set NEXTROUND_SHARED_DATA", file=sys.stderr)
    else:
        # #stressed posts labelled by hand: c and f are random samples never trained on; the
        # trained batches show fit only.
        blind = _corpus(data, CORPUS_BLIND)
        results["corpus_hand_blind_rules_only"] = score(blind, [], rules_only)
        results["corpus_hand_blind"] = score(blind, [], ours)
        if model_reader is not None:
            results["corpus_hand_blind_without_sentence_model"] = score(blind, [],
                                                                        without_sentence_model)
        results["corpus_hand_trained"] = score(_corpus(data, CORPUS_TRAINED), [], ours)
        rows = _read(data / "eval" / "selftalk.jsonl")
        controls = _read(data / "eval" / "crisis-controls.jsonl")
        results["eval_rules_only"] = score(rows, controls, rules_only)
        results["eval"] = score(rows, controls, ours)
        if model_reader is not None:
            results["eval_without_sentence_model"] = score(rows, controls,
                                                           without_sentence_model)
        results["eval_naive_keywords"] = score(rows, controls, naive)
    agreement = label_agreement()
    if as_json:
        print(json.dumps({**results, "corpus_label_agreement": agreement}, indent=2))
        return 0
    for title, result in results.items():
        assert isinstance(result, dict)
        _print(title, result)
    print(f"\n## labellers' agreement on {agreement['posts']} measuring posts: "
          f"{agreement['agreement']:.0%} (kappa {agreement['kappa']:.2f}); harsh or not: kappa "
          f"{agreement['harsh_kappa']:.2f}, second labeller's harsh F1 "
          f"{agreement['second_harsh_f1']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
