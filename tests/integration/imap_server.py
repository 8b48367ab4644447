"""A throwaway Dovecot on 127.0.0.1 with a self-signed certificate, for the IMAP tests."""

from __future__ import annotations

import contextlib
import imaplib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

USER = "alex@example.org"
PASSWORD = "s3cret-app-password"


@dataclass
class ImapServer:
    host: str
    port: int  # plain IMAP with STARTTLS offered
    ssl_port: int  # implicit TLS
    user: str
    password: str
    cafile: str | None  # the self-signed certificate, when this harness made it
    fingerprint: str | None

    def client(self) -> imaplib.IMAP4:
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(self.user, self.password)
        return conn

    def append(self, folder: str, raw: bytes, when: datetime | None = None) -> None:
        conn = self.client()
        try:
            stamp = imaplib.Time2Internaldate((when or datetime.now(UTC)).timestamp())
            typ, data = conn.append(folder, None, stamp, raw)
            assert typ == "OK", data
        finally:
            conn.logout()

    def create(self, folder: str) -> None:
        conn = self.client()
        try:
            conn.create(folder)
        finally:
            conn.logout()

    def delete(self, folder: str) -> None:
        conn = self.client()
        try:
            conn.delete(folder)
        finally:
            conn.logout()


def make_message(n: int, *, subject: str | None = None, body_bytes: int = 600) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Recruiting <jobs{n % 7}@hiring.example.com>"
    msg["To"] = USER
    msg["Subject"] = subject or f"Your application, message {n}"
    msg["Date"] = format_datetime(datetime(2026, 3, 1 + n % 27, 9, n % 60, tzinfo=UTC))
    msg["Message-ID"] = make_msgid(idstring=f"m{n}", domain="hiring.example.com")
    msg.set_content((f"Line {n} of a test message. " * 40)[:body_bytes])
    return msg.as_bytes()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _must_run() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    if _must_run():
        pytest.fail(reason)
    pytest.skip(reason)


def _make_cert(folder: Path) -> tuple[str, str, str]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    out = subprocess.run(
        ["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", str(cert)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return str(cert), str(key), "SHA256:" + out.strip().split("=", 1)[1]


CONF = """\
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
{dh}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 8
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = static
  args = uid=mail gid=mail home={d}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
    ssl = yes
  }}
}}
"""


def tmp_root() -> str:
    return tempfile.gettempdir()


def start_dovecot() -> Iterator[ImapServer]:
    """Start Dovecot from the stack recipe, with a second, TLS-only listener."""
    if env := os.environ.get("TEST_IMAP"):
        # "host:port:ssl_port:user:password[:cafile]" of a server someone else runs; the
        # tests create their own folders there and leave INBOX alone.
        host, port, ssl_port, user, password, *rest = env.split(":")
        cafile = rest[0] if rest else None
        yield ImapServer(host, int(port), int(ssl_port), user, password, cafile, None)
        return
    dovecot = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
    )
    if dovecot is None or shutil.which("openssl") is None:
        _unavailable("Dovecot or openssl is not installed (apt-get install dovecot-imapd openssl)")
        return
    if os.geteuid() != 0:
        _unavailable("starting a private Dovecot needs root; set TEST_IMAP to use a running server")
        return
    # Dovecot's unprivileged processes must reach these files, and pytest's tmp root is 0700.
    d = Path(tempfile.mkdtemp(prefix="nextround-dovecot-", dir=tmp_root()))
    for sub in ("run", "state", "home"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    shutil.chown(d / "home", "mail", "mail")
    os.chmod(d, 0o755)
    (d / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    cert, key, fingerprint = _make_cert(d)
    port, ssl_port = free_port(), free_port()
    dh = "ssl_dh = </usr/share/dovecot/dh.pem" if Path("/usr/share/dovecot/dh.pem").exists() else ""
    conf = d / "dovecot.conf"
    conf.write_text(CONF.format(d=d, cert=cert, key=key, dh=dh, port=port, ssl_port=ssl_port))
    # Dovecot daemonises and its children keep inherited pipes open, so send output to a file.
    with open(d / "start.log", "wb") as log_file:
        subprocess.run(
            [dovecot, "-c", str(conf)], check=True, stdout=log_file, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", ssl_port), timeout=1).close()
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                log = (d / "dovecot.log").read_text() if (d / "dovecot.log").exists() else ""
                pytest.fail(f"Dovecot did not start: {log[-2000:]}")
            time.sleep(0.05)
    try:
        yield ImapServer("127.0.0.1", port, ssl_port, USER, PASSWORD, cert, fingerprint)
    finally:
        pid_file = d / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            os.kill(pid, 15)
            for _ in range(100):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        shutil.rmtree(d, ignore_errors=True)


class DroppingProxy:
    """Forward TCP to a server, and cut the first connection after `cut_after` bytes downstream."""

    def __init__(self, target_port: int, cut_after: int) -> None:
        self.target_port = target_port
        self.cut_after = cut_after
        self.port = free_port()
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            limit = self.cut_after if self.connections == 1 else None
            threading.Thread(target=self._pipe, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, limit), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(16384)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[: max(0, limit - sent)])
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        self._stop = True
        self._listener.close()
