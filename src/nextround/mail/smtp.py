"""Sending through the user's own SMTP account, with TLS verified and the password never shown."""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path

from nextround.errors import ConfigError, ExternalError, UserInputError
from nextround.mail.compose import safe_address
from nextround.mail.keyring import Secret

PASSWORD_ENV = "NEXTROUND_SMTP_PASSWORD"
KEYRING_SERVICE = "nextround-smtp"
SECURITY_MODES: tuple[str, ...] = ("starttls", "ssl", "none")
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


@dataclass(frozen=True)
class SmtpAccount:
    """Where and how to send: the password is looked up separately and never stored here."""

    host: str
    port: int
    username: str | None = None
    security: str = "starttls"
    ca_file: Path | None = None
    from_address: str | None = None
    from_name: str | None = None
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ConfigError(
                f"Unknown SMTP security {self.security!r}.",
                hint=f"Use one of {', '.join(SECURITY_MODES)}.",
            )
        if self.security == "none" and self.host not in _LOOPBACK:
            raise ConfigError(
                "Sending without TLS is only allowed to a server on this computer.",
                hint="Use security 'starttls' (port 587) or 'ssl' (port 465).",
            )


def account_from_env(env: Mapping[str, str] | None = None) -> SmtpAccount | None:
    """The account described by NEXTROUND_SMTP_* variables, or None when no host is set."""
    environ = os.environ if env is None else env
    host = environ.get("NEXTROUND_SMTP_HOST", "").strip()
    if not host:
        return None
    security = environ.get("NEXTROUND_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
    port_text = environ.get("NEXTROUND_SMTP_PORT", "").strip()
    try:
        port = int(port_text) if port_text else _DEFAULT_PORTS.get(security, 587)
    except ValueError as exc:
        raise ConfigError(f"NEXTROUND_SMTP_PORT is not a number: {port_text!r}.") from exc
    ca_file = environ.get("NEXTROUND_SMTP_CA_FILE", "").strip()
    return SmtpAccount(
        host=host,
        port=port,
        username=environ.get("NEXTROUND_SMTP_USER", "").strip() or None,
        security=security,
        ca_file=Path(ca_file).expanduser() if ca_file else None,
        from_address=environ.get("NEXTROUND_SMTP_FROM", "").strip() or None,
    )


def resolve_password(
    account: SmtpAccount, env: Mapping[str, str] | None = None, use_keyring: bool = True
) -> Secret | None:
    """The password from NEXTROUND_SMTP_PASSWORD, else the keyring; None when no login is set."""
    if not account.username:
        return None
    environ = os.environ if env is None else env
    from_env = environ.get(PASSWORD_ENV)
    if from_env:
        return Secret(from_env, "environment")
    if use_keyring:
        stored = _from_keyring(account)
        if stored:
            return Secret(stored, "keyring")
    raise ConfigError(
        f"No SMTP password for {account.username} on {account.host}.",
        hint=(
            f"Set {PASSWORD_ENV}, or store it with "
            f"`keyring set {KEYRING_SERVICE} {account.username}@{account.host}`."
        ),
    )


def _from_keyring(account: SmtpAccount) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, f"{account.username}@{account.host}")
    except (KeyringError, RuntimeError, OSError):
        return None


def tls_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """A context that checks the certificate and host name; a CA file adds a trusted issuer."""
    if ca_file is not None and not ca_file.is_file():
        raise ConfigError(f"The CA file {ca_file} does not exist.")
    return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)


def _recipients(msg: EmailMessage) -> list[str]:
    fields = [str(v) for name in ("To", "Cc", "Bcc") for v in msg.get_all(name, [])]
    return [safe_address(addr, "recipient address") for _, addr in getaddresses(fields) if addr]


def _connect(account: SmtpAccount, context: ssl.SSLContext) -> smtplib.SMTP:
    if account.security == "ssl":
        return smtplib.SMTP_SSL(
            account.host, account.port, timeout=account.timeout, context=context
        )
    client = smtplib.SMTP(account.host, account.port, timeout=account.timeout)
    if account.security == "starttls":
        client.ehlo()
        client.starttls(context=context)
        client.ehlo()
    return client


def send(
    msg: EmailMessage,
    account: SmtpAccount,
    password: Secret | None,
    recipients: Sequence[str] | None = None,
) -> list[str]:
    """Send `msg`; returns the recipients the server accepted. Errors name the next step."""
    rcpts = [safe_address(a, "recipient address") for a in recipients] if recipients else []
    rcpts = rcpts or _recipients(msg)
    if not rcpts:
        raise UserInputError("The message has no recipient.")
    sender = safe_address(str(msg["From"].addresses[0].addr_spec), "sender address")
    context = tls_context(account.ca_file)
    try:
        with _connect(account, context) as client:
            if account.username and password is not None:
                client.login(account.username, password.value)
            refused = client.send_message(msg, from_addr=sender, to_addrs=rcpts)
    except ssl.SSLCertVerificationError as exc:
        raise ExternalError(
            f"The certificate of {account.host} could not be verified ({exc.verify_message}).",
            hint=(
                "If this is your own server with a self-signed certificate, trust it explicitly "
                "by setting NEXTROUND_SMTP_CA_FILE to its certificate file."
            ),
        ) from None
    except smtplib.SMTPAuthenticationError:
        raise ExternalError(
            f"{account.host} refused the login for {account.username}.",
            hint=f"Check the user name and the password in {PASSWORD_ENV} or the keyring.",
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise ExternalError(
            f"{account.host} refused every recipient: {', '.join(exc.recipients)}."
        ) from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        # The exception text comes from the server or the socket, never from the password.
        raise ExternalError(
            f"Sending through {account.host}:{account.port} failed: {exc}.",
            hint="Check the SMTP host, port and security setting, then try again.",
        ) from None
    return [r for r in rcpts if r not in refused]
