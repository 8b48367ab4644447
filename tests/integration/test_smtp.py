"""Sending through a real SMTP server on 127.0.0.1: what arrives, and who is trusted."""

from __future__ import annotations

import email
import os
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.reply_context import Draft, ThreadRef
from nextround.errors import ConfigError, ExternalError
from nextround.mail.compose import Sender, build_message
from nextround.mail.keyring import Secret
from nextround.mail.smtp import SmtpAccount, account_from_env, resolve_password, send

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

USER, PASSWORD = "sam@example.org", "correct horse battery staple"


def _free_port() -> int:
    # Controller(port=0) cannot work: it connects to its own port to check it is up.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Sink:
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        parsed = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        return "250 OK"


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = (
        isinstance(data, LoginPassword)
        and data.login == USER.encode()
        and data.password == PASSWORD.encode()
    )
    # handled=False lets the server answer 535 itself on a bad password.
    return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made fresh for the test run."""
    openssl = shutil.which("openssl")
    if openssl is None:
        if os.environ.get("CI") == "true":
            pytest.fail("openssl is needed to make a test certificate")
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    return context


@pytest.fixture
def plain_server() -> Iterator[tuple[Sink, int]]:
    sink, port = Sink(), _free_port()
    controller = aiosmtpd_controller.Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    controller.stop()


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Sink, int]]:
    sink, port = Sink(), _free_port()
    controller = aiosmtpd_controller.Controller(
        sink,
        hostname="127.0.0.1",
        port=port,
        tls_context=_server_context(certificate),
        require_starttls=True,
        authenticator=_authenticate,
        auth_required=True,
    )
    controller.start()
    yield sink, port
    controller.stop()


@pytest.fixture
def ssl_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Sink, int]]:
    sink, port = Sink(), _free_port()
    controller = aiosmtpd_controller.Controller(
        sink,
        hostname="127.0.0.1",
        port=port,
        ssl_context=_server_context(certificate),
    )
    controller.start()
    yield sink, port
    controller.stop()


DRAFT = Draft(
    subject="Re: Your application – Data Engineer",
    body="Hi Ana,\n\nThank you for letting me know. Ça m'a beaucoup appris.\n\nBest wishes,\nSam\n",
    to=("ana@acme.example",),
    language="en",
    parts=("thanks",),
    warnings=(),
)
THREAD = ThreadRef(
    message_id="<rejection-42@acme.example>",
    references=("<apply-1@acme.example>",),
    subject="Your application – Data Engineer",
)


def _message() -> EmailMessage:
    return build_message(
        DRAFT, Sender(USER, "Sam Doe"), now=datetime(2026, 3, 4, 9, 30, tzinfo=UTC), thread=THREAD
    )


def test_message_arrives_with_headers_thread_and_body(plain_server: tuple[Sink, int]) -> None:
    sink, port = plain_server
    accepted = send(_message(), SmtpAccount("127.0.0.1", port, security="none"), None)
    assert accepted == ["ana@acme.example"]
    (got,) = sink.messages
    assert sink.envelopes == [(USER, ["ana@acme.example"])]
    assert got["From"] == "Sam Doe <sam@example.org>"
    assert got["To"] == "ana@acme.example"
    assert got["Subject"] == "Re: Your application – Data Engineer"
    assert got["In-Reply-To"] == "<rejection-42@acme.example>"
    assert got["References"] == "<apply-1@acme.example> <rejection-42@acme.example>"
    assert got["Message-ID"].endswith("@example.org>")
    assert got["Date"].datetime == datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    assert got.get_content().replace("\r\n", "\n") == DRAFT.body


def test_self_signed_certificate_is_rejected(starttls_server: tuple[Sink, int]) -> None:
    sink, port = starttls_server
    account = SmtpAccount("127.0.0.1", port, username=USER, security="starttls")
    with pytest.raises(ExternalError) as caught:
        send(_message(), account, Secret(PASSWORD, "test"))
    assert "certificate" in caught.value.message
    assert "NEXTROUND_SMTP_CA_FILE" in (caught.value.hint or "")
    assert PASSWORD not in str(caught.value)
    assert sink.messages == []


def test_explicitly_trusted_certificate_is_accepted_with_login(
    starttls_server: tuple[Sink, int], certificate: tuple[Path, Path]
) -> None:
    sink, port = starttls_server
    account = SmtpAccount(
        "127.0.0.1", port, username=USER, security="starttls", ca_file=certificate[0]
    )
    send(_message(), account, Secret(PASSWORD, "test"))
    assert [m["Subject"] for m in sink.messages] == [DRAFT.subject]


def test_wrong_password_is_reported_without_the_password(
    starttls_server: tuple[Sink, int], certificate: tuple[Path, Path]
) -> None:
    _, port = starttls_server
    account = SmtpAccount(
        "127.0.0.1", port, username=USER, security="starttls", ca_file=certificate[0], timeout=10
    )
    with pytest.raises(ExternalError) as caught:
        send(_message(), account, Secret("wrong-secret-value", "test"))
    assert "refused the login" in caught.value.message
    assert "wrong-secret-value" not in str(caught.value)


def test_implicit_tls_checks_the_certificate_too(
    ssl_server: tuple[Sink, int], certificate: tuple[Path, Path]
) -> None:
    sink, port = ssl_server
    with pytest.raises(ExternalError):
        send(_message(), SmtpAccount("127.0.0.1", port, security="ssl"), None)
    send(_message(), SmtpAccount("127.0.0.1", port, security="ssl", ca_file=certificate[0]), None)
    assert len(sink.messages) == 1


def test_plain_text_sending_only_to_this_computer() -> None:
    with pytest.raises(ConfigError):
        SmtpAccount("smtp.example.org", 25, security="none")


def test_account_and_password_from_environment() -> None:
    env = {
        "NEXTROUND_SMTP_HOST": "smtp.example.org",
        "NEXTROUND_SMTP_USER": USER,
        "NEXTROUND_SMTP_SECURITY": "ssl",
        "NEXTROUND_SMTP_PASSWORD": PASSWORD,
    }
    account = account_from_env(env)
    assert account is not None and account.port == 465 and account.security == "ssl"
    secret = resolve_password(account, env=env, use_keyring=False)
    assert secret is not None and secret.value == PASSWORD
    assert PASSWORD not in repr(secret)
    with pytest.raises(ConfigError):
        resolve_password(account, env={}, use_keyring=False)
    assert account_from_env({}) is None
