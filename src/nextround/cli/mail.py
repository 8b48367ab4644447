"""`nextround mail`: import mail files, fetch over IMAP, and (lazily) classify."""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from nextround.cli.context import interactive, unit_of_work
from nextround.cli.output import console, emit_json, table

# Subcommands that live in other modules, imported only when they run.
LAZY: dict[str, tuple[str, str]] = {
    "classify": (
        "nextround.cli.mail_classify:classify",
        "Classify messages without storing anything (JSON lines for scripts).",
    ),
}


class MailGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY:
            module, _, attr = LAZY[cmd_name][0].partition(":")
            try:
                command: click.Command = getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError):
                return None
            return command
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY:
                rows.append((name, LAZY[name][1]))
            else:
                cmd = super().get_command(ctx, name)
                rows.append((name, cmd.get_short_help_str(70) if cmd else ""))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=MailGroup)
def mail() -> None:
    """Read email: import files, fetch over IMAP, classify.

    Job-related messages are stored with their application and every proposed change
    waits in `nextround review`. Other mail is only counted (its hash is kept so that it
    is never read twice).
    """


class ImportProgress:
    """A Rich progress bar (messages, rate, ETA) on a terminal; silent when piped."""

    def __init__(self, total: Callable[[], int | None], unit: str) -> None:
        self.enabled = sys.stderr.isatty()
        self._total = total
        self._unit = unit  # "bytes" (files) or "messages" (IMAP): what the ETA is based on
        self._progress: Any = None
        self._task: Any = None
        self._start = time.monotonic()

    def __enter__(self) -> ImportProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]Importing"),
                BarColumn(),
                TextColumn("{task.fields[count]:,} messages"),
                TextColumn("{task.fields[rate]:,.0f}/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("import", total=self._total(), count=0, rate=0)
        return self

    def __call__(self, messages: int, done_bytes: int) -> None:
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self._start, 1e-6)
        done = done_bytes if self._unit == "bytes" else messages
        self._progress.update(
            self._task, completed=done, total=self._total(), count=messages,
            rate=messages / elapsed,
        )  # fmt: skip

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return total


def show_summary(summary: Any, as_json: bool, pending: int) -> None:
    if as_json:
        emit_json({**summary.as_json(), "pending_review": pending})
        return
    out = console()
    verb = "Would import" if summary.dry_run else "Read"
    out.print(
        f"{verb} {summary.read:,} messages: [bold]{summary.job_related:,}[/bold] job-related "
        f"({summary.attached:,} matched to your applications), "
        f"[bold]{summary.new_proposals:,}[/bold] new proposals"
        + (f" (+{summary.merged} merged into one)" if summary.merged else "")
        + f", {summary.duplicates:,} duplicates skipped, {summary.not_job:,} not about your "
        f"applications"
        + (f", {summary.sent_by_you:,} written by you" if summary.sent_by_you else "")
        + f", {summary.quarantined:,} quarantined."
    )
    if summary.reasons:
        table("Quarantined", ["reason", "messages"], summary.reasons.most_common())
    if summary.dry_run:
        out.print("Dry run: nothing was saved.")
    elif pending:
        out.print(f"{pending} proposals wait for you: run `nextround review`.")


@mail.command("import", short_help="Import mbox, .eml and Maildir files (Gmail Takeout too).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Read and match everything, save nothing.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the summary as JSON (read, job_related, new_proposals, "
                   "duplicates_skipped, quarantined, quarantine_reasons, ...).")  # fmt: skip
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], dry_run: bool, as_json: bool) -> None:
    """Import mbox files (Gmail Takeout too), .eml files, Maildirs or folders of them.

    Running it again on the same files imports nothing twice, and an import that was
    interrupted picks up where it stopped.
    """
    from nextround.mail.sources import check_paths, iter_raw
    from nextround.services.inbox import import_messages

    path_list = check_paths(list(paths))
    total = _size(path_list)
    with unit_of_work(ctx) as uow, ImportProgress(lambda: total, "bytes") as bar:
        summary = import_messages(uow, iter_raw(path_list), dry_run=dry_run, progress=bar)
        pending = uow.inbox.pending_count()
    show_summary(summary, as_json, pending)


def _imap_raws(source: Any, state: Any, since: Any, key: str) -> Iterator[Any]:
    from nextround.domain.emails import RawMessage

    for n, msg in enumerate(source.sync(state, since)):
        origin = f"{key}#{msg.uidvalidity}:{msg.uid}"
        if msg.too_large:
            mb = source.max_message_bytes // (1024 * 1024)
            problem = f"larger than {mb} MB ({msg.size:,} bytes); not downloaded"
            yield RawMessage(n, origin, b"", problem)
        else:
            yield RawMessage(n, origin, msg.raw)


@mail.command("fetch", short_help="Fetch new mail from an IMAP folder.")
@click.option("--imap", "host", required=True, metavar="HOST", help="IMAP server name.")
@click.option("--user", required=True, help="Login name, usually your email address.")
@click.option("--port", type=int, help="Port (default 993 with --ssl, 143 with --starttls).")
@click.option("--folder", default="INBOX", show_default=True, help="Folder to read.")
@click.option("--since", metavar="DATE", help="Only mail received on or after DATE.")
@click.option("--ssl/--starttls", "use_ssl", default=True, show_default=True,
              help="TLS from the start, or upgraded with STARTTLS.")  # fmt: skip
@click.option(
    "--cafile",
    type=click.Path(exists=True, dir_okay=False),
    help="Trust this certificate (PEM), e.g. your own server's self-signed one.",
)
@click.option(
    "--trust-fingerprint",
    metavar="SHA256",
    help="Trust exactly the certificate with this SHA-256 fingerprint.",
)
@click.option("--save-password", is_flag=True, help="Store the password you type in the system keyring.")
@click.option("--dry-run", is_flag=True, help="Read and match everything, save nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def fetch(
    ctx: click.Context, host: str, user: str, port: int | None, folder: str, since: str | None,
    use_ssl: bool, cafile: str | None, trust_fingerprint: str | None, save_password: bool,
    dry_run: bool, as_json: bool,
) -> None:  # fmt: skip
    """Fetch new mail from an IMAP folder; only messages not fetched before are read.

    The password comes from NEXTROUND_IMAP_PASSWORD, the system keyring, or a prompt.
    It is never written to disk in plain text.
    """
    from nextround.domain.applications import parse_date
    from nextround.mail.imap import ImapAccount, ImapSource, SyncState, normalise_fingerprint
    from nextround.mail.keyring import resolve_password, save_to_keyring
    from nextround.services.inbox import import_messages

    since_day = parse_date(since, "--since date") if since else None
    account = ImapAccount(
        host=host, user=user, port=port, folder=folder,
        security="ssl" if use_ssl else "starttls", cafile=cafile,
        fingerprint=normalise_fingerprint(trust_fingerprint) if trust_fingerprint else None,
    )  # fmt: skip
    secret = resolve_password(user, host, interactive=interactive())
    with unit_of_work(ctx) as uow:
        row = uow.inbox.sync_state(account.key)
        state = SyncState(row.uidvalidity, row.last_uid)
        uow.commit()
        uids: dict[str, tuple[int, int]] = {}

        def checkpoint(unit: Any, chunk: list[Any]) -> None:
            # Saved in the same transaction as the chunk's messages.
            for raw in chunk:
                validity, _, uid = raw.origin.rpartition("#")[2].partition(":")
                uids[raw.origin] = (int(validity), int(uid))
            if chunk:
                validity, uid = max(uids[r.origin] for r in chunk)
                sync_row = unit.inbox.sync_state(account.key)
                sync_row.uidvalidity, sync_row.last_uid = validity, uid

        with ImapSource(account, secret.value) as source:
            with ImportProgress(lambda: source.report.pending or None, "messages") as bar:
                summary = import_messages(
                    uow, _imap_raws(source, state, since_day, account.key), dry_run=dry_run,
                    progress=bar, after_chunk=checkpoint,
                )  # fmt: skip
            report = source.report
        pending = uow.inbox.pending_count()
    if save_password and secret.source == "prompt" and not save_to_keyring(user, host, secret.value):
        click.echo("No secure system keyring is available; the password was not saved.", err=True)
    if not as_json and report.reconnects:
        console().print(f"The connection dropped {report.reconnects} time(s) and was resumed.")
    if not as_json and report.reset:
        console().print("The folder was rebuilt on the server, so it was read again in full.")
    show_summary(summary, as_json, pending)


@mail.command("quarantine")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="JSON list; keys: id, origin, reason, size, subject, from, kept_bytes.",
)
@click.pass_context
def quarantine(ctx: click.Context, as_json: bool) -> None:
    """Messages that could not be read safely, with the reason."""
    with unit_of_work(ctx) as uow:
        rows = [
            {
                "id": q.id,
                "origin": q.origin,
                "reason": q.reason,
                "size": q.size,
                "subject": q.subject,
                "from": q.sender,
                "kept_bytes": q.raw is not None,
            }  # fmt: skip
            for q in uow.inbox.quarantined()
        ]
    if as_json:
        emit_json(rows)
    else:
        table(
            "Quarantined messages",
            ["id", "reason", "from", "subject", "origin"],
            [(r["id"], r["reason"], r["from"], r["subject"], r["origin"]) for r in rows],
            empty="No quarantined messages.",
        )
