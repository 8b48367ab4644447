"""Speed and memory of `mail classify` against a bare stdlib `mailbox` pass, same file, same run.

Run: .venv/bin/python benchmarks/email_speed.py [--messages 100000] [--keep DIR]
Generates a realistic mbox in a temporary folder (see mbox_gen.py), then measures, each
in its own process: (1) the baseline, `for m in mailbox.mbox(path): m["subject"]`;
(2) `nextround mail classify PATH --json` to /dev/null. Prints messages/s, the ratio
classify/baseline (target <= 1.0) and each process's peak RSS (target < 300 MB), plus
the rate of the full parse for the messages that pass the cheap job-word test.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mbox_gen import bench_arguments, prepared_mbox  # noqa: E402

BASELINE = """
import mailbox, sys
n = 0
for msg in mailbox.mbox(sys.argv[1]):
    msg["subject"]
    n += 1
print(n)
"""

DIRECT = "import sys; from nextround.cli.mail_classify import classify; classify(sys.argv[1:])"


def classify_command(path: Path) -> list[str]:
    """The real entry point when the `mail` group offers `classify`, else the command itself."""
    if importlib.util.find_spec("nextround.cli.mail") is not None:
        probe = subprocess.run(
            [sys.executable, "-m", "nextround", "mail", "classify", "--help"],
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0:
            return [sys.executable, "-m", "nextround", "mail", "classify", str(path), "--json"]
    return [sys.executable, "-c", DIRECT, str(path), "--json"]


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process (stdout discarded).

    CPU time is reported too because on a shared machine wall time mostly measures the
    neighbours.
    """
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"command failed ({status}): {' '.join(cmd[:4])}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def candidate_parse_rate(path: Path) -> tuple[int, int, float]:
    """Messages, candidates, and full-parse messages/s for the candidates."""
    from nextround.mail.parse import parse_message
    from nextround.mail.pipeline import may_be_job_mail
    from nextround.mail.sources import iter_raw

    total = candidates = 0
    spent = 0.0
    for raw in iter_raw([path]):
        total += 1
        if may_be_job_mail(raw.data):
            candidates += 1
            started = time.perf_counter()
            parse_message(raw)
            spent += time.perf_counter() - started
    return total, candidates, candidates / spent if spent else 0.0


def main() -> int:
    args = bench_arguments(__doc__.splitlines()[0])
    with tempfile.TemporaryDirectory() as tmp:
        path = prepared_mbox(args.keep or Path(tmp), args.messages)
        n = args.messages
        walls: list[float] = []
        cpus: list[float] = []
        base_rss = ours_rss = 0.0
        base_wall: list[float] = []
        ours_wall: list[float] = []
        command = classify_command(path)
        for _ in range(args.rounds):
            b, b_cpu, b_rss = run([sys.executable, "-c", BASELINE, str(path)])
            o, o_cpu, o_rss = run(command)
            base_wall.append(b)
            ours_wall.append(o)
            walls.append(o / b)
            cpus.append(o_cpu / b_cpu)
            base_rss, ours_rss = max(base_rss, b_rss), max(ours_rss, o_rss)

        def median(values: list[float]) -> float:
            return sorted(values)[len(values) // 2]

        base, ours = median(base_wall), median(ours_wall)
        print(
            f"stdlib mailbox, Subject only : {n / base:8,.0f} msg/s  ({base:.1f} s wall)  "
            f"peak RSS {base_rss:.0f} MB"
        )
        print(
            f"mail classify --json         : {n / ours:8,.0f} msg/s  ({ours:.1f} s wall)  "
            f"peak RSS {ours_rss:.0f} MB"
        )
        print(
            f"ratio classify / stdlib, median of {args.rounds} rounds (target <= 1.0): "
            f"wall {median(walls):.2f} [{', '.join(f'{r:.2f}' for r in walls)}], "
            f"CPU {median(cpus):.2f} [{', '.join(f'{r:.2f}' for r in cpus)}]"
        )
        total, candidates, rate = candidate_parse_rate(path)
        print(
            f"job-word candidates: {candidates:,} of {total:,} ({candidates / total:.1%}); "
            f"full parse of candidates {rate:,.0f} msg/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
