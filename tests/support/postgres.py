"""A throwaway PostgreSQL server on 127.0.0.1, for when the environment provides none."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    root = Path("/usr/lib/postgresql")
    if not root.is_dir():
        return None
    versions = sorted((p for p in root.iterdir() if (p / "bin" / "initdb").exists()),
                      key=lambda p: [int(x) for x in p.name.split(".") if x.isdigit()])
    return versions[-1] / "bin" if versions else None


class LocalPostgres:
    """initdb into a temp folder and start on a free port; ``stop`` removes everything."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="nextround-pg-"))
        self.port = free_port()
        self.bin = _pg_bin()
        self.started = False

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=60)

    def start(self) -> str | None:
        if self.bin is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
            return None
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir / "data"
        try:
            self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--no-sync")
            self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w",
                      "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} "
                      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
            self.stop()
            return None
        self.started = True
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.started and self.bin is not None:
            with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast",
                          "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)
