"""No command waits for input when standard input is not a terminal, and none crashes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nextround.cli import COMMANDS

# `serve` runs until stopped and `demo` is covered by its own tests.
SKIP = {"serve", "demo"}


@pytest.mark.timeout(900)
def test_every_command_returns_without_input(home: Path) -> None:
    env = {**os.environ, "NEXTROUND_HOME": str(home), "COLUMNS": "120"}
    env.pop("NEXTROUND_DATABASE_URL", None)
    for name in sorted(set(COMMANDS) - SKIP):
        proc = subprocess.run([sys.executable, "-m", "nextround", name], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, env=env, timeout=120)
        assert "Traceback" not in proc.stderr, (name, proc.stderr[-2000:])
        assert "Unexpected error" not in proc.stderr, (name, proc.stderr[-2000:])
        assert proc.returncode in {0, 1, 2, 3, 4, 5, 6, 7}, (name, proc.returncode, proc.stderr)
