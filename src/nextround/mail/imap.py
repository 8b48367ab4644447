"""IMAP source: verified TLS, incremental UIDVALIDITY/UID sync and resume after a dropped link."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import imaplib
import re
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from nextround.errors import ConfigError, ExternalError, NotFoundError, UserInputError

Security = Literal["ssl", "starttls"]

DEFAULT_PORTS: dict[str, int] = {"ssl": 993, "starttls": 143}
# Big enough for any real job email with a CV attached, small enough that one
# hostile literal cannot exhaust memory (imaplib reads a literal whole).
DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024
BATCH_SIZE = 50
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UID_RE = re.compile(rb"UID (\d+)")
_SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")
# Errors that mean "the link broke", as opposed to "the server said no".
_DROPPED = (imaplib.IMAP4.abort, OSError, EOFError)


@dataclass(frozen=True)
class ImapAccount:
    """Where to connect and how much to trust the server's certificate."""

    host: str
    user: str
    port: int | None = None
    folder: str = "INBOX"
    security: Security = "ssl"
    cafile: str | None = None
    fingerprint: str | None = None
    timeout: float = 30.0

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def key(self) -> str:
        """Stable name of this mailbox folder, used to keep its sync state."""
        return f"imap://{self.user}@{self.host}:{self.effective_port}/{self.folder}"


@dataclass
class SyncState:
    """Where the last sync stopped; the caller stores it with what it imported."""

    uidvalidity: int | None = None
    last_uid: int = 0


@dataclass(frozen=True)
class FetchedMessage:
    """One message as the server holds it; `raw` is empty when it exceeded the size cap."""

    uid: int
    uidvalidity: int
    size: int
    raw: bytes
    too_large: bool = False


@dataclass
class SyncReport:
    """What one sync saw: how many UIDs were new and how often the link was re-opened."""

    uidvalidity: int = 0
    pending: int = 0
    reconnects: int = 0
    reset: bool = False


def normalise_fingerprint(value: str) -> str:
    """Accept `SHA256:AB:CD...`, `ab cd ...` or base64 `SHA256:...` forms; return lower hex."""
    text = value.strip()
    if text.upper().startswith("SHA256:"):
        text = text[7:]
    hexish = re.sub(r"[\s:]", "", text)
    if re.fullmatch(r"[0-9a-fA-F]{64}", hexish):
        return hexish.lower()
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except ValueError:
        raw = b""
    if len(raw) == 32:
        return raw.hex()
    raise UserInputError(
        f"{value!r} is not a SHA-256 certificate fingerprint.",
        hint="Give 64 hex digits, as `openssl x509 -noout -fingerprint -sha256` prints them.",
    )


def format_fingerprint(hex_digest: str) -> str:
    pairs = [hex_digest[i : i + 2].upper() for i in range(0, len(hex_digest), 2)]
    return "SHA256:" + ":".join(pairs)


def tls_context(account: ImapAccount) -> ssl.SSLContext:
    """Verified by default; a self-signed server is trusted only through cafile or a pin."""
    if account.fingerprint:
        # Pinning replaces chain checks: the exact certificate is compared after the handshake.
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        return ctx
    try:
        return ssl.create_default_context(cafile=account.cafile)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(
            f"Cannot read the certificate file {account.cafile}: {exc}.",
            hint="Pass --cafile with a PEM file holding the server's certificate or its CA.",
        ) from exc


def imap_utf7(name: str) -> str:
    """Encode a folder name in IMAP's modified UTF-7 (RFC 3501 §5.1.3)."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            chunk = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(chunk).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


def _quote(name: str) -> str:
    encoded = imap_utf7(name)
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


def imap_date(day: date) -> str:
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year:04d}"


class ImapSource:
    """Read one folder of one account; yields messages in UID order and never writes anything."""

    def __init__(
        self,
        account: ImapAccount,
        password: str,
        *,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
        max_reconnects: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.account = account
        self._password = password
        self.max_message_bytes = max_message_bytes
        self.max_reconnects = max_reconnects
        self._backoff = backoff
        self._sleep = sleep
        self._conn: imaplib.IMAP4 | None = None
        self.report = SyncReport()

    def __repr__(self) -> str:  # never show the password, even in a traceback
        return f"ImapSource({self.account.key!r})"

    # -- connection -------------------------------------------------------------------------

    def _open(self) -> imaplib.IMAP4:
        acc = self.account
        ctx = tls_context(acc)
        where = f"{acc.host}:{acc.effective_port}"
        try:
            if acc.security == "ssl":
                conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                    acc.host, acc.effective_port, ssl_context=ctx, timeout=acc.timeout
                )
            else:
                conn = imaplib.IMAP4(acc.host, acc.effective_port, timeout=acc.timeout)
                conn.starttls(ssl_context=ctx)
        except ssl.SSLCertVerificationError as exc:
            raise ExternalError(
                f"The certificate of the IMAP server {where} could not be verified "
                f"({exc.verify_message}).",
                hint=self._trust_hint(),
            ) from exc
        except (ssl.SSLError, imaplib.IMAP4.error) as exc:
            raise ExternalError(
                f"Could not start TLS with the IMAP server {where}: {exc}.",
                hint="Check --port and --ssl/--starttls (993 is usually SSL, 143 STARTTLS).",
            ) from exc
        except OSError as exc:
            raise ExternalError(
                f"Cannot reach the IMAP server {where}: {exc}.",
                hint="Check the host name, the port and your network connection.",
            ) from exc
        if acc.fingerprint:
            self._check_pin(conn)
        try:
            conn.login(acc.user, self._password)
        except imaplib.IMAP4.error as exc:
            _close(conn)
            raise ExternalError(
                f"The IMAP server {where} refused the login for {acc.user}.",
                hint="Check the user name and password; Gmail and Outlook need an app password.",
            ) from exc
        return conn

    def _check_pin(self, conn: imaplib.IMAP4) -> None:
        sock = conn.socket()
        der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
        got = hashlib.sha256(der or b"").hexdigest()
        want = normalise_fingerprint(self.account.fingerprint or "")
        if got != want:
            _close(conn)
            raise ExternalError(
                f"The IMAP server presented the certificate {format_fingerprint(got)}, "
                "not the one you trusted.",
                hint="If the server changed its certificate on purpose, trust the new fingerprint.",
            )

    def _trust_hint(self) -> str:
        hint = "If you run this server yourself, pass --cafile with its certificate"
        seen = self.peek_fingerprint()
        if seen:
            hint += f", or --trust-fingerprint {seen} after checking it on the server"
        return hint + "."

    def peek_fingerprint(self) -> str | None:
        """Fingerprint the server shows, read without trusting it, so the user can compare."""
        if self.account.security != "ssl":
            return None
        try:
            pem = ssl.get_server_certificate(
                (self.account.host, self.account.effective_port), timeout=self.account.timeout
            )
        except (OSError, ssl.SSLError):
            return None
        return format_fingerprint(hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest())

    def _select(self, conn: imaplib.IMAP4) -> int:
        typ, _ = conn.select(_quote(self.account.folder), readonly=True)
        if typ != "OK":
            raise NotFoundError(
                f"The folder {self.account.folder!r} does not exist on {self.account.host}.",
                hint="Folders there: " + ", ".join(self.folders(conn)[:20] or ["(none listed)"]),
            )
        _, data = conn.response("UIDVALIDITY")
        try:
            return int(data[0])
        except (TypeError, ValueError, IndexError) as exc:
            raise ExternalError(
                f"The IMAP server did not report a UIDVALIDITY for {self.account.folder!r}.",
                hint="This server cannot do incremental sync; try another folder or server.",
            ) from exc

    @staticmethod
    def folders(conn: imaplib.IMAP4) -> list[str]:
        typ, data = conn.list()
        names: list[str] = []
        for line in data if typ == "OK" else []:
            if isinstance(line, bytes):
                match = re.search(rb'"?([^"]*)"?$', line)
                if match:
                    names.append(match.group(1).decode("ascii", "replace").strip())
        return names

    def close(self) -> None:
        if self._conn is not None:
            _close(self._conn)
            self._conn = None

    def __enter__(self) -> ImapSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sync -------------------------------------------------------------------------------

    def sync(self, state: SyncState, since: date | None = None) -> Iterator[FetchedMessage]:
        """Yield messages newer than `state`, in UID order, reconnecting when the link drops.

        The caller advances `state.last_uid` once a message is safely stored; a sync that
        stops for any reason can be re-run from that state without duplicates.
        """
        self.report = SyncReport()
        attempts = 0
        last_yielded = state.last_uid
        uidvalidity = state.uidvalidity
        first = True
        while True:
            try:
                if self._conn is None:
                    self._conn = self._open()
                    current = self._select(self._conn)
                    if uidvalidity is not None and current != uidvalidity:
                        if not first:
                            raise ExternalError(
                                "The IMAP folder was rebuilt on the server during the sync.",
                                hint="Run the fetch again; already imported mail is recognised.",
                            )
                        # The server renumbered the folder: old UIDs mean nothing now.
                        self.report.reset = True
                        last_yielded = 0
                    uidvalidity = current
                    self.report.uidvalidity = current
                assert uidvalidity is not None  # set by the first successful select
                uids = self._search(self._conn, last_yielded + 1, since)
                if first:
                    self.report.pending = len(uids)
                    first = False
                for batch in _chunks(uids, BATCH_SIZE):
                    for msg in self._fetch_batch(self._conn, batch, uidvalidity):
                        last_yielded = msg.uid
                        attempts = 0
                        yield msg
                return
            except _DROPPED as exc:
                self.close()
                attempts += 1
                if attempts > self.max_reconnects:
                    raise ExternalError(
                        f"The connection to {self.account.host} kept dropping ({exc}).",
                        hint="Run the fetch again later: it resumes where it stopped.",
                    ) from exc
                self.report.reconnects += 1
                self._sleep(self._backoff * attempts)

    def _search(self, conn: imaplib.IMAP4, start: int, since: date | None) -> list[int]:
        criteria = [f"UID {start}:*"]
        if since is not None:
            criteria.append(f"SINCE {imap_date(since)}")
        typ, data = conn.uid("SEARCH", *criteria)
        if typ != "OK":
            raise ExternalError(f"The IMAP server refused to search: {data!r}.")
        found = [int(x) for x in b" ".join(d for d in data if isinstance(d, bytes)).split()]
        # "n:*" always matches the highest UID, even when it is below n.
        return sorted(u for u in found if u >= start)

    def _fetch_batch(
        self, conn: imaplib.IMAP4, uids: Sequence[int], uidvalidity: int
    ) -> Iterator[FetchedMessage]:
        uid_set = ",".join(str(u) for u in uids)
        typ, data = conn.uid("FETCH", uid_set, "(UID RFC822.SIZE)")
        sizes: dict[int, int] = {}
        for item in data if typ == "OK" else []:
            head = item[0] if isinstance(item, tuple) else item
            if isinstance(head, bytes):
                u, s = _UID_RE.search(head), _SIZE_RE.search(head)
                if u and s:
                    sizes[int(u.group(1))] = int(s.group(1))
        wanted = [u for u in uids if u in sizes and sizes[u] <= self.max_message_bytes]
        bodies: dict[int, bytes] = {}
        if wanted:
            typ, data = conn.uid("FETCH", ",".join(map(str, wanted)), "(UID BODY.PEEK[])")
            if typ != "OK":
                raise ExternalError(f"The IMAP server refused to send messages: {data!r}.")
            bodies = _parse_bodies(data)
        for uid in uids:
            if uid not in sizes:
                continue  # expunged between SEARCH and FETCH
            if uid in bodies:
                yield FetchedMessage(uid, uidvalidity, sizes[uid], bodies[uid])
            elif sizes[uid] > self.max_message_bytes:
                yield FetchedMessage(uid, uidvalidity, sizes[uid], b"", too_large=True)


def _parse_bodies(data: list[object]) -> dict[int, bytes]:
    """Pair each literal with its UID, which servers may send before or after the literal."""
    bodies: dict[int, bytes] = {}
    orphan: bytes | None = None
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            head, literal = item
            match = _UID_RE.search(head) if isinstance(head, bytes) else None
            if match and isinstance(literal, bytes):
                bodies[int(match.group(1))] = literal
                orphan = None
            elif isinstance(literal, bytes):
                orphan = literal
        elif isinstance(item, bytes) and orphan is not None:
            match = _UID_RE.search(item)
            if match:
                bodies[int(match.group(1))] = orphan
            orphan = None
    return bodies


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _close(conn: imaplib.IMAP4) -> None:
    try:
        conn.logout()
    except (OSError, imaplib.IMAP4.error, ValueError):
        with contextlib.suppress(OSError):
            conn.shutdown()
