"""Mail passwords from an environment variable, the system keyring or a prompt; never plain text."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from nextround.errors import ConfigError

PASSWORD_ENV = "NEXTROUND_IMAP_PASSWORD"
SERVICE = "nextround-imap"


@dataclass(frozen=True)
class Secret:
    """A password that refuses to show itself in logs, reprs or tracebacks."""

    value: str
    source: str

    def __repr__(self) -> str:
        return f"Secret(<hidden>, source={self.source!r})"

    __str__ = __repr__


def keyring_name(user: str, host: str) -> str:
    return f"{user}@{host}"


def _from_keyring(user: str, host: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(SERVICE, keyring_name(user, host))
    except (KeyringError, RuntimeError, OSError):
        # No usable backend (a headless server, a locked store): fall through to the next source.
        return None


def save_to_keyring(user: str, host: str, password: str) -> bool:
    """Store in the system keyring; False when no secure backend exists (nothing is written)."""
    try:
        import keyring
        from keyring.backends import fail
        from keyring.errors import KeyringError
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or "plaintext" in type(backend).__name__.lower():
        return False
    try:
        keyring.set_password(SERVICE, keyring_name(user, host), password)
    except (KeyringError, RuntimeError, OSError):
        return False
    return True


def resolve_password(
    user: str,
    host: str,
    *,
    env: dict[str, str] | None = None,
    interactive: bool | None = None,
    prompt: Callable[[str], str] | None = None,
    use_keyring: bool = True,
) -> Secret:
    """Find the password: env var first, then the system keyring, then a prompt on a terminal."""
    environ = os.environ if env is None else env
    from_env = environ.get(PASSWORD_ENV)
    if from_env:
        return Secret(from_env, "environment")
    if use_keyring:
        stored = _from_keyring(user, host)
        if stored:
            return Secret(stored, "keyring")
    if interactive is None:
        interactive = sys.stdin.isatty()
    if interactive:
        if prompt is None:
            import getpass

            prompt = getpass.getpass
        typed = prompt(f"Password for {user} on {host}: ")
        if typed:
            return Secret(typed, "prompt")
    raise ConfigError(
        f"No password for {user} on {host}.",
        hint=(
            f"Set {PASSWORD_ENV}, store it with "
            f"`keyring set {SERVICE} {keyring_name(user, host)}`, "
            "or run the command in a terminal to be asked for it."
        ),
    )
