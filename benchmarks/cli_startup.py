"""How fast `nextround --help` starts, against a bare `python -c pass` in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    baseline = timed([sys.executable, "-c", "pass"])
    help_time = timed([sys.executable, "-m", "nextround", "--help"])
    sub_help = timed([sys.executable, "-m", "nextround", "app", "--help"])
    print(f"python -c pass          median {baseline * 1000:7.1f} ms")
    print(f"nextround --help        median {help_time * 1000:7.1f} ms  "
          f"(x{help_time / baseline:.1f} of bare python; target < 300 ms)")
    print(f"nextround app --help    median {sub_help * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
