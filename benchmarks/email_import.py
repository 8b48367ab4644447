"""Speed and memory of `mail import` against a bare stdlib `mailbox` pass, same file, same run.

Run: .venv/bin/python benchmarks/email_import.py [--messages 100000] [--rounds 3] [--keep DIR]
Uses the mbox generator of benchmarks/email_speed.py, then measures, each in its own
process: (1) the baseline, `for m in mailbox.mbox(path): m["subject"]`; (2) `nextround mail
import PATH --json` into a fresh, empty SQLite database; (3) the same import run again
(everything is a duplicate). Prints messages/s, the ratio of the import rate to the
baseline rate (target >= 0.5) and each process's peak RSS (target < 300 MB).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from email_speed import BASELINE  # noqa: E402
from mbox_gen import bench_arguments, prepared_mbox  # noqa: E402


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child process."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode()
    if status != 0:
        raise SystemExit(f"command failed ({status}): {' '.join(cmd[:5])}")
    return elapsed, usage.ru_maxrss / 1024, text


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main() -> int:
    args = bench_arguments((__doc__ or "").splitlines()[0])
    with tempfile.TemporaryDirectory() as tmp:
        path = prepared_mbox(args.keep or Path(tmp), args.messages)
        n = args.messages
        base_t: list[float] = []
        imp_t: list[float] = []
        again_t: list[float] = []
        rss = {"base": 0.0, "import": 0.0, "again": 0.0}
        summary: dict[str, object] = {}
        command = [sys.executable, "-m", "nextround", "mail", "import", str(path), "--json"]
        for r in range(args.rounds):
            home = Path(tmp) / f"home-{r}"
            home.mkdir()
            env = {**os.environ, "NEXTROUND_HOME": str(home)}
            env.pop("NEXTROUND_DATABASE_URL", None)
            b, b_rss, _ = run([sys.executable, "-c", BASELINE, str(path)])
            i, i_rss, out = run(command, env)
            a, a_rss, _ = run(command, env)
            base_t.append(b)
            imp_t.append(i)
            again_t.append(a)
            rss = {
                "base": max(rss["base"], b_rss),
                "import": max(rss["import"], i_rss),
                "again": max(rss["again"], a_rss),
            }
            summary = json.loads(out)
        base, imp, again = median(base_t), median(imp_t), median(again_t)
        print(
            f"stdlib mailbox, Subject only : {n / base:8,.0f} msg/s  ({base:.1f} s)  "
            f"peak RSS {rss['base']:.0f} MB"
        )
        print(
            f"mail import (empty database) : {n / imp:8,.0f} msg/s  ({imp:.1f} s)  "
            f"peak RSS {rss['import']:.0f} MB"
        )
        print(
            f"mail import again (all dups) : {n / again:8,.0f} msg/s  ({again:.1f} s)  "
            f"peak RSS {rss['again']:.0f} MB"
        )
        rounds = ", ".join(f"{b / i:.2f}" for b, i in zip(base_t, imp_t, strict=True))
        print(f"import rate / stdlib rate: {base / imp:.2f}  (target >= 0.5; rounds: {rounds})")
        keys = ("read", "job_related", "new_proposals", "duplicates_skipped", "quarantined")
        print("last summary:", {k: summary.get(k) for k in keys})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
