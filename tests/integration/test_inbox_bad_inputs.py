"""Hostile and broken mail through the importer: each one stored, counted or quarantined."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from nextround.mail.sources import iter_raw
from nextround.services.inbox import import_messages
from tests.integration.inbox_mail import ACME_REJECTION, BOMB

JOB = b"Subject: Your application\nFrom: Acme <jobs@acme.example>\n"
BAD_INPUTS: dict[str, bytes] = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
    "headers_only": JOB + b"Message-ID: <h@x>\n",
    "no_blank_line": JOB + b"Unfortunately we will not move forward with your application",
    "nul_bytes": JOB + b"\nUnfortunately\x00 we decided not to proceed with your application.\x00",
    "unknown_charset": JOB + b"Content-Type: text/plain; charset=x-klingon-9\n\n"
    b"Unfortunately we will not move forward with your application \xff\xfe.",
    "bad_base64": JOB + b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
    b"VW5mb3J0dW5hdGVseSB3ZSB3aWxsIG5vdC!!!!###\n",
    "crlf_in_subject": b"Subject: =?utf-8?q?hi=0D=0ABcc:_evil@x.example?=\nFrom: a@b.example\n\n"
    b"Thank you for your application. Unfortunately we will not move forward.",
    "nested_bomb": BOMB,
    "many_parts": JOB
    + b'Content-Type: multipart/mixed; boundary="b"\n\n'
    + b"--b\nContent-Type: text/plain\n\napplication\n" * 1500
    + b"--b--\n",
    "huge_header": JOB + b"X-Long: " + b"a" * 300_000 + b"\n\napplication",
    "long_line": JOB + b"\n" + b"application " * 200_000,
    "bad_date": JOB + b"Date: Thu, 45 Smarch 99999 99:99:99 +9999\n\n"
    b"Unfortunately we will not move forward with your application.",
    "bidi_sender": b"From: =?utf-8?b?4oCuZXZpbA==?= <x@y.example>\nSubject: application\n\n"
    b"Unfortunately we will not move forward with your application.",
    "valid": ACME_REJECTION,
}


def test_every_input_is_stored_counted_or_quarantined(db: Any, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, data in BAD_INPUTS.items():
        (folder / f"{name}.eml").write_bytes(data)
    with db.uow(db.local_user_id()) as uow:
        summary = import_messages(uow, iter_raw([folder]))
    assert summary.read == len(BAD_INPUTS)
    assert summary.read == (
        summary.stored + summary.not_job + summary.quarantined + summary.duplicates + summary.sent_by_you
    )
    assert sum(summary.reasons.values()) == summary.quarantined >= 3  # empty, binary, bomb
    with db.uow(db.local_user_id()) as uow:
        for q in uow.inbox.quarantined():
            assert q.reason  # every quarantined message says why
        stored = uow.inbox.messages(limit=100)
        inputs = {hashlib.sha256(d).hexdigest(): d for d in BAD_INPUTS.values()}
        assert stored
        for msg in stored:
            assert msg.raw == inputs[msg.sha256]  # the original bytes are kept intact
            assert not {"\n", "\r", "\u202e"} & set(msg.subject + msg.sender)
    with db.uow(db.local_user_id()) as uow:
        again = import_messages(uow, iter_raw([folder]))
    assert again.duplicates == len(BAD_INPUTS)  # quarantined ones are not re-examined either
