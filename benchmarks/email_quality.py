"""Email classification quality on the shared evaluation set, next to a keyword baseline.

Run: .venv/bin/python benchmarks/email_quality.py
Prints per-label precision/recall/F1, macro-F1, and the accuracy of the rejection
attributes. Only figures are printed: the evaluation messages are never shown, so nobody
tunes the rules by reading them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from email.message import EmailMessage
from pathlib import Path

from nextround.domain.classify import classify_email, describe_rejection
from nextround.domain.emails import InboundEmail
from nextround.mail.parse import parse_bytes

REPO = Path(__file__).resolve().parent.parent
LABELS = ["rejection", "interview", "offer", "acknowledgement", "assessment", "other"]


def data_dir() -> Path:
    env = os.environ.get("NEXTROUND_SHARED_DATA")
    return Path(env) if env else REPO / ".." / "shared" / "data"


def to_bytes(record: dict[str, object]) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = str(record.get("subject") or "")
    sender = str(record.get("from") or "")
    if sender:
        try:
            msg["From"] = sender
        except Exception:
            msg["From"] = "unknown@example.invalid"
    msg.set_content(str(record.get("body") or ""))
    return msg.as_bytes()


def prf(gold: list[str], pred: list[str], label: str) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def baseline(record: dict[str, object]) -> str:
    text = f"{record.get('subject') or ''}\n{record.get('body') or ''}".lower()
    return "rejection" if "unfortunately" in text or "regret" in text else "other"


def report(name: str, gold: list[str], pred: list[str]) -> float:
    print(f"\n{name}")
    print(f"  {'label':<16}{'support':>8}{'P':>8}{'R':>8}{'F1':>8}")
    f1s = []
    for label in LABELS:
        p, r, f = prf(gold, pred, label)
        f1s.append(f)
        print(f"  {label:<16}{gold.count(label):>8}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    macro = sum(f1s) / len(f1s)
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)
    print(f"  macro-F1 {macro:.3f}   accuracy {acc:.3f}")
    return macro


def main() -> int:
    path = data_dir() / "eval" / "emails.jsonl"
    if not path.exists():
        msg = f"evaluation data not found at {path}; set NEXTROUND_SHARED_DATA"
        if os.environ.get("CI") == "true":
            print(msg, file=sys.stderr)
            return 1
        print(f"skipped: {msg}")
        return 0
    records = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    gold = [str(r["label"]) for r in records]
    pred: list[str] = []
    attrs = {"reason_given": [0, 0], "door_open": [0, 0], "stage": [0, 0]}
    attrs_pipeline = {"reason_given": [0, 0], "door_open": [0, 0], "stage": [0, 0]}
    started = time.perf_counter()
    for record in records:
        parsed = parse_bytes(to_bytes(record))
        assert isinstance(parsed, InboundEmail)
        result = classify_email(parsed)
        pred.append(result.label.value)
        if record["label"] != "rejection":
            continue
        details = describe_rejection(parsed.subject, parsed.text)
        got = {
            "reason_given": details.reason_given,
            "door_open": details.door_open,
            "stage": details.stage.value,
        }
        for key, counts in attrs.items():
            counts[1] += 1
            counts[0] += int(got[key] == record.get(key))
        if result.rejection is not None:
            full = {
                "reason_given": result.rejection.reason_given,
                "door_open": result.rejection.door_open,
                "stage": result.rejection.stage.value,
            }
            for key, counts in attrs_pipeline.items():
                counts[1] += 1
                counts[0] += int(full[key] == record.get(key))
    elapsed = time.perf_counter() - started
    print(f"{len(records)} messages, classified in {elapsed:.2f} s")
    macro = report("nextround classifier", gold, pred)
    base_macro = report(
        "keyword baseline (rejection = 'unfortunately' or 'regret')",
        gold,
        [baseline(r) for r in records],
    )
    print("\nrejection attributes (accuracy on messages labelled rejection in the data)")
    for key, (ok, total) in attrs.items():
        pipe_ok, pipe_total = attrs_pipeline[key]
        print(
            f"  {key:<14}{ok / total if total else 0:.3f}  ({ok}/{total}; on those also "
            f"predicted rejection: {pipe_ok}/{pipe_total})"
        )
    _, _, rej_f1 = prf(gold, pred, "rejection")
    _, _, base_f1 = prf(gold, [baseline(r) for r in records], "rejection")
    print(
        f"\nrejection F1 {rej_f1:.3f} vs baseline {base_f1:.3f}; macro-F1 {macro:.3f} vs "
        f"baseline {base_macro:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
