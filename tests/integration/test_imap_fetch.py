"""`nextround mail fetch` against a real Dovecot: incremental import, trust, resume on failure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from nextround.errors import ExternalError
from nextround.mail.imap import ImapAccount, ImapSource, SyncState
from tests.integration.imap_server import DroppingProxy, ImapServer, make_message, start_dovecot
from tests.integration.inbox_mail import (
    ACME_ACK,
    ACME_REJECTION,
    GLOBEX_INTERVIEW,
    NEWSLETTER,
)

pytestmark = pytest.mark.imap


@pytest.fixture(scope="module")
def server() -> Iterator[ImapServer]:
    yield from start_dovecot()


def fetch_args(server: ImapServer, folder: str, *extra: str) -> list[str]:
    args = ["mail", "fetch", "--imap", server.host, "--port", str(server.ssl_port),
            "--user", server.user, "--folder", folder, *extra]  # fmt: skip
    if server.cafile and "--no-ca" not in extra:
        args += ["--cafile", server.cafile]
    return [a for a in args if a != "--no-ca"]


def test_fetch_is_incremental_and_needs_trust(cli: Any, server: ImapServer) -> None:
    server.create("Jobs")
    for raw in (ACME_ACK, NEWSLETTER, GLOBEX_INTERVIEW):
        server.append("Jobs", raw)
    env = {"NEXTROUND_IMAP_PASSWORD": server.password}
    first = cli(*fetch_args(server, "Jobs", "--json"), env=env)
    assert first.code == 0, first.err
    got = first.json()
    assert (got["read"], got["job_related"], got["new_proposals"]) == (3, 2, 2)
    assert server.password not in first.out + first.err

    server.append("Jobs", ACME_REJECTION)
    second = cli(*fetch_args(server, "Jobs", "--json"), env=env).json()
    assert second["read"] == 1  # only the new message was downloaded
    assert second["merged_into_proposals"] == 1
    assert cli(*fetch_args(server, "Jobs", "--json"), env=env).json()["read"] == 0

    if server.cafile:
        untrusted = cli(*fetch_args(server, "Jobs", "--no-ca"), env=env)
        assert untrusted.code == 6
        assert "could not be verified" in untrusted.err and "--cafile" in untrusted.err


def test_wrong_password_exit_code(cli: Any, server: ImapServer) -> None:
    res = cli(*fetch_args(server, "INBOX"), env={"NEXTROUND_IMAP_PASSWORD": "nope"})
    assert res.code == 6 and "refused the login" in res.err
    assert "nope" not in res.err


def test_failed_fetch_resumes_from_what_was_saved(db: Any, server: ImapServer) -> None:
    from nextround.cli.mail import _imap_raws
    from nextround.services.inbox import import_messages

    server.create("Bulk")
    for n in range(150):
        server.append("Bulk", make_message(n, body_bytes=900))
    proxy = DroppingProxy(server.ssl_port, cut_after=110_000)
    account = ImapAccount(server.host, server.user, proxy.port, "Bulk", "ssl", server.cafile)

    def fetch(source: ImapSource) -> Any:
        with db.uow(db.local_user_id()) as uow:
            row = uow.inbox.sync_state(account.key)
            state = SyncState(row.uidvalidity, row.last_uid)

            def checkpoint(unit: Any, chunk: list[Any]) -> None:
                uid = max(int(r.origin.rpartition(":")[2]) for r in chunk)
                saved = unit.inbox.sync_state(account.key)
                saved.uidvalidity = int(chunk[0].origin.rpartition("#")[2].split(":")[0])
                saved.last_uid = uid

            return import_messages(
                uow, _imap_raws(source, state, None, account.key), chunk_size=20,
                after_chunk=checkpoint,
            )  # fmt: skip

    try:
        # The link drops and no retry is allowed: the fetch fails part-way.
        with (
            pytest.raises(ExternalError),
            ImapSource(account, server.password, max_reconnects=0) as src,
        ):
            fetch(src)
        with db.uow(db.local_user_id()) as uow:
            saved = uow.inbox.seen_count()
        assert 0 < saved < 150
        with ImapSource(account, server.password) as src:
            summary = fetch(src)
            assert src.report.pending == 150 - saved  # only what was not saved is asked for
    finally:
        proxy.close()
    assert summary.duplicates == 0
    with db.uow(db.local_user_id()) as uow:
        assert uow.inbox.seen_count() == 150
