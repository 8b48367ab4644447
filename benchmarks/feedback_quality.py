"""How often growth areas are found in real rejection emails, by whether they give a reason.

Run: .venv/bin/python benchmarks/feedback_quality.py
The shared evaluation set labels rejections with `reason_given`. A rejection that gives a
reason should usually yield a growth area; one that gives none, or a non-rejection email,
should not. Only counts are printed: the messages are never shown, so nobody tunes the
phrase lists by reading them. A keyword baseline (any of a few "improve" words) runs on the
same emails for comparison.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from nextround.domain.feedback import extract_growth_areas

REPO = Path(__file__).resolve().parent.parent
_BASELINE = re.compile(r"\b(experience|skills?|improve|stronger|more)\b", re.I)


def data_dir() -> Path:
    env = os.environ.get("NEXTROUND_SHARED_DATA")
    return Path(env) if env else REPO / ".." / "shared" / "data"


def main() -> int:
    path = data_dir() / "eval" / "emails.jsonl"
    if not path.is_file():
        print(f"evaluation data not found at {path}; nothing to measure")
        return 0 if os.environ.get("CI") != "true" else 1
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    groups = {
        "rejection, reason given": [r for r in rows
                                    if r["label"] == "rejection" and r.get("reason_given")],
        "rejection, no reason": [r for r in rows
                                 if r["label"] == "rejection" and not r.get("reason_given")],
        "not a rejection": [r for r in rows if r["label"] != "rejection"],
    }
    print(f"{'group':26} {'emails':>6} {'with areas':>11} {'areas/email':>12} {'baseline hit':>13}")
    for name, items in groups.items():
        found = [extract_growth_areas(str(r.get("body") or "")) for r in items]
        hit = sum(1 for f in found if f)
        base = sum(1 for r in items if _BASELINE.search(str(r.get("body") or "")))
        mean = sum(len(f) for f in found) / max(len(items), 1)
        print(f"{name:26} {len(items):6} {hit:5} ({hit / max(len(items), 1):4.0%}) "
              f"{mean:12.2f} {base:6} ({base / max(len(items), 1):4.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
