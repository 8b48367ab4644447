"""Entry point: `nextround` and `python -m nextround`."""

from __future__ import annotations

import sys


def main() -> None:
    from nextround.cli import run

    sys.exit(run())


if __name__ == "__main__":
    main()
