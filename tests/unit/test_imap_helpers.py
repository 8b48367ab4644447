"""IMAP helpers and password lookup: fingerprints, folder names, literals, secret handling."""

from __future__ import annotations

from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from nextround.errors import ConfigError, UserInputError
from nextround.mail.imap import _parse_bodies, imap_date, imap_utf7, normalise_fingerprint
from nextround.mail.keyring import PASSWORD_ENV, resolve_password, save_to_keyring


def test_fingerprint_forms() -> None:
    hexed = "ab" * 32
    assert normalise_fingerprint("SHA256:" + ":".join(["AB"] * 32)) == hexed
    assert normalise_fingerprint(" ".join(["ab"] * 32)) == hexed
    assert normalise_fingerprint("SHA256:q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s") == hexed
    with pytest.raises(UserInputError):
        normalise_fingerprint("SHA1:12:34")


def test_folder_names_in_modified_utf7() -> None:
    assert imap_utf7("INBOX") == "INBOX"
    assert imap_utf7("Candidatures reçues") == "Candidatures re&AOc-ues"
    assert imap_utf7("R&D") == "R&-D"
    assert imap_utf7("日本") == "&ZeVnLA-"


def test_imap_date() -> None:
    from datetime import date

    assert imap_date(date(2026, 3, 4)) == "04-Mar-2026"


def test_literals_pair_with_uids_before_or_after() -> None:
    data: list[Any] = [
        (b"1 (UID 10 BODY[] {3}", b"abc"),
        b")",
        (b"2 (BODY[] {3}", b"def"),
        b" UID 11)",
    ]
    assert _parse_bodies(data) == {10: b"abc", 11: b"def"}


class MemoryKeyring(KeyringBackend):
    """A tiny in-memory backend standing in for the desktop keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Any:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_env_then_keyring_then_prompt(memory_keyring: MemoryKeyring) -> None:
    got = resolve_password("me", "imap.example", env={PASSWORD_ENV: "from-env"})
    assert (got.value, got.source) == ("from-env", "environment")
    assert save_to_keyring("me", "imap.example", "from-keyring")
    got = resolve_password("me", "imap.example", env={}, interactive=False)
    assert (got.value, got.source) == ("from-keyring", "keyring")
    asked: list[str] = []
    got = resolve_password(
        "you", "imap.example", env={}, interactive=True,
        prompt=lambda text: asked.append(text) or "typed",
    )  # fmt: skip
    assert (got.value, got.source) == ("typed", "prompt") and "you" in asked[0]


def test_no_password_and_no_terminal_fails_at_once(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ConfigError) as err:
        resolve_password("me", "imap.example", env={}, interactive=False)
    assert PASSWORD_ENV in (err.value.hint or "")


def test_secret_never_shows_itself() -> None:
    secret = resolve_password("me", "h", env={PASSWORD_ENV: "hunter2"})
    assert "hunter2" not in repr(secret) and "hunter2" not in str(secret)
    assert "hunter2" not in f"{secret}"


def test_insecure_backends_are_not_used_for_saving() -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert save_to_keyring("me", "h", "pw") is False
        # ...and reading from a missing backend falls through instead of crashing.
        with pytest.raises(ConfigError):
            resolve_password("me", "h", env={}, interactive=False)
    finally:
        keyring.set_keyring(previous)
