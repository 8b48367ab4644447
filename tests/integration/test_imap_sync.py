"""IMAP sync against a real Dovecot: TLS trust, full and incremental sync, resume after a drop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from nextround.errors import ExternalError, NotFoundError
from nextround.mail.imap import ImapAccount, ImapSource, SyncState
from tests.integration.imap_server import DroppingProxy, ImapServer, make_message, start_dovecot

pytestmark = pytest.mark.imap


@pytest.fixture(scope="module")
def server() -> Iterator[ImapServer]:
    yield from start_dovecot()


@pytest.fixture
def folder(server: ImapServer, request: pytest.FixtureRequest) -> str:
    name = "T" + request.node.name.replace("[", "_").replace("]", "").replace("-", "_")[:40]
    server.create(name)
    return name


def account(server: ImapServer, folder: str = "INBOX", **kw: object) -> ImapAccount:
    params: dict[str, object] = {
        "host": server.host, "port": server.ssl_port, "user": server.user,
        "folder": folder, "security": "ssl", "cafile": server.cafile, "timeout": 10.0,
    }  # fmt: skip
    params.update(kw)
    return ImapAccount(**params)  # type: ignore[arg-type]


def subjects(raws: list[bytes]) -> list[str]:
    out = []
    for raw in raws:
        for line in raw.split(b"\r\n"):
            if line.startswith(b"Subject: "):
                out.append(line[9:].decode())
    return out


def test_self_signed_certificate_is_rejected_unless_trusted(server: ImapServer) -> None:
    if server.cafile is None:
        pytest.skip("the external TEST_IMAP server has no certificate of ours to trust")
    for security, port in (("ssl", server.ssl_port), ("starttls", server.port)):
        untrusted = account(server, security=security, port=port, cafile=None)
        with pytest.raises(ExternalError) as err, ImapSource(untrusted, server.password) as src:
            list(src.sync(SyncState()))
        assert "could not be verified" in err.value.message
        assert "--cafile" in (err.value.hint or "")
        trusted = account(server, security=security, port=port)
        with ImapSource(trusted, server.password) as src:
            list(src.sync(SyncState()))  # no error: the user trusted this certificate


def test_fingerprint_pin_accepts_only_that_certificate(server: ImapServer) -> None:
    if server.fingerprint is None:
        pytest.skip("the external TEST_IMAP server has no known fingerprint")
    pinned = account(server, cafile=None, fingerprint=server.fingerprint)
    with ImapSource(pinned, server.password) as src:
        list(src.sync(SyncState()))
    wrong = account(server, cafile=None, fingerprint="SHA256:" + "AB:" * 31 + "AB")
    with pytest.raises(ExternalError) as err, ImapSource(wrong, server.password) as src:
        list(src.sync(SyncState()))
    assert "not the one you trusted" in err.value.message


def test_untrusted_error_offers_the_fingerprint_to_check(server: ImapServer) -> None:
    if server.fingerprint is None:
        pytest.skip("the external TEST_IMAP server has no known fingerprint")
    with (
        pytest.raises(ExternalError) as err,
        ImapSource(account(server, cafile=None), server.password) as src,
    ):
        list(src.sync(SyncState()))
    assert server.fingerprint in (err.value.hint or "")


def test_wrong_password_is_a_clear_error(server: ImapServer) -> None:
    with pytest.raises(ExternalError) as err, ImapSource(account(server), "wrong") as src:
        list(src.sync(SyncState()))
    assert "refused the login" in err.value.message
    assert "wrong" not in str(err.value.message) + str(err.value.hint)


def test_missing_folder_lists_the_real_ones(server: ImapServer) -> None:
    with (
        pytest.raises(NotFoundError) as err,
        ImapSource(account(server, folder="No Such Folder"), server.password) as src,
    ):
        list(src.sync(SyncState()))
    assert "INBOX" in (err.value.hint or "")


def test_full_then_incremental_sync(server: ImapServer, folder: str) -> None:
    for n in range(30):
        server.append(folder, make_message(n))
    state = SyncState()
    with ImapSource(account(server, folder), server.password) as src:
        got = []
        for msg in src.sync(state):
            got.append(msg.raw)
            state.uidvalidity, state.last_uid = msg.uidvalidity, msg.uid
        assert src.report.pending == 30
    assert subjects(got) == [f"Your application, message {n}" for n in range(30)]

    with ImapSource(account(server, folder), server.password) as src:
        assert list(src.sync(state)) == []  # nothing new: nothing fetched again

    for n in range(30, 35):
        server.append(folder, make_message(n))
    with ImapSource(account(server, folder), server.password) as src:
        new = list(src.sync(state))
    assert subjects([m.raw for m in new]) == [
        f"Your application, message {n}" for n in range(30, 35)
    ]


def test_starttls_and_folder_names_with_spaces_and_accents(server: ImapServer) -> None:
    name = "Candidatures reçues"
    server.create('"Candidatures re&AOc-ues"')  # the name in IMAP's modified UTF-7
    server.append('"Candidatures re&AOc-ues"', make_message(1))
    acc = account(server, name, security="starttls", port=server.port)
    with ImapSource(acc, server.password) as src:
        assert len(list(src.sync(SyncState()))) == 1


def test_stopped_sync_resumes_from_the_callers_state(server: ImapServer, folder: str) -> None:
    for n in range(12):
        server.append(folder, make_message(n))
    state = SyncState()
    seen: list[bytes] = []
    with ImapSource(account(server, folder), server.password) as src:
        for msg in src.sync(state):
            seen.append(msg.raw)
            state.uidvalidity, state.last_uid = msg.uidvalidity, msg.uid
            if len(seen) == 5:
                break  # the process stops here, after committing 5
    with ImapSource(account(server, folder), server.password) as src:
        seen += [m.raw for m in src.sync(state)]
    assert subjects(seen) == [f"Your application, message {n}" for n in range(12)]


def test_dropped_connection_resumes_without_duplicates(server: ImapServer, folder: str) -> None:
    for n in range(120):
        server.append(folder, make_message(n, body_bytes=900))
    # Cut the first connection mid-way through the second batch of 50 (~1.3 KB each).
    proxy = DroppingProxy(server.ssl_port, cut_after=90_000)
    try:
        acc = account(server, folder, port=proxy.port)
        with ImapSource(acc, server.password, backoff=0.01) as src:
            got = [m.raw for m in src.sync(SyncState())]
            assert src.report.reconnects == 1
    finally:
        proxy.close()
    assert proxy.connections == 2
    assert subjects(got) == [f"Your application, message {n}" for n in range(120)]


def test_connection_that_keeps_dropping_gives_up_cleanly(server: ImapServer, folder: str) -> None:
    server.append(folder, make_message(1))
    acc = account(server, folder, port=1)  # nothing listens there
    with pytest.raises(ExternalError) as err, ImapSource(acc, server.password) as src:
        list(src.sync(SyncState()))
    assert "Cannot reach" in err.value.message


def test_rebuilt_folder_is_synced_again_from_scratch(server: ImapServer, folder: str) -> None:
    server.append(folder, make_message(1))
    state = SyncState()
    with ImapSource(account(server, folder), server.password) as src:
        for msg in src.sync(state):
            state.uidvalidity, state.last_uid = msg.uidvalidity, msg.uid
    server.delete(folder)
    server.create(folder)
    server.append(folder, make_message(2))
    with ImapSource(account(server, folder), server.password) as src:
        again = list(src.sync(state))
        assert src.report.reset
    assert subjects([m.raw for m in again]) == ["Your application, message 2"]


def test_since_and_size_cap(server: ImapServer, folder: str) -> None:
    server.append(folder, make_message(1), when=datetime(2024, 1, 5, tzinfo=UTC))
    server.append(folder, make_message(2), when=datetime(2026, 2, 5, tzinfo=UTC))
    server.append(folder, make_message(3, body_bytes=900) + b"x" * 5000)
    with ImapSource(account(server, folder), server.password, max_message_bytes=4000) as src:
        msgs = list(src.sync(SyncState(), since=date(2025, 1, 1)))
    assert [m.too_large for m in msgs] == [False, True]
    assert subjects([msgs[0].raw]) == ["Your application, message 2"]
    assert msgs[1].raw == b"" and msgs[1].size > 4000


def test_password_never_in_repr(server: ImapServer) -> None:
    src = ImapSource(account(server), server.password)
    assert server.password not in repr(src)
