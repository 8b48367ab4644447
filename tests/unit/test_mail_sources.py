"""Reading mbox (incl. Gmail Takeout), Maildir and .eml folders in order, with flat memory."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from nextround.errors import NotFoundError
from nextround.mail import mbox as mbox_module
from nextround.mail.mbox import MboxReader
from nextround.mail.parse import parse_message
from nextround.mail.sources import iter_raw

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"


def _subjects(path: Path) -> list[str]:
    out = []
    for raw in iter_raw([path]):
        msg = parse_message(raw)
        out.append(getattr(msg, "subject", "") or getattr(msg, "reason", ""))
    return out


def test_takeout_mbox_keeps_order_labels_and_unquotes_from_lines() -> None:
    reader = MboxReader(DATA / "takeout.mbox")
    raws = list(reader)
    assert len(raws) == 3
    first, second, third = (parse_message(r) for r in raws)
    assert first.subject == "Application received"  # type: ignore[union-attr]
    assert first.labels == ("Inbox", "Category Updates", "Jobs")  # type: ignore[union-attr]
    assert "\nFrom our side" in raws[0].data.decode()
    # A body line starting with "From " is not a separator.
    assert "From the kitchen with love" in second.text  # type: ignore[union-attr]
    assert reader.suspicious == 1
    assert third.subject == "Next step"  # type: ignore[union-attr]


def _write_mbox(path: Path, count: int, body_lines: int = 3) -> list[str]:
    box = mailbox.mbox(str(path))
    subjects = []
    for i in range(count):
        msg = EmailMessage()
        msg["From"] = f"sender{i}@example.org"
        msg["Subject"] = f"message {i}"
        msg.set_content(
            "\n".join(
                [f"line {j} of {i}" for j in range(body_lines)] + ["From here on, a body line."]
            )
        )
        box.add(msg)
        subjects.append(f"message {i}")
    box.flush()
    box.close()
    return subjects


def test_split_matches_the_standard_library_across_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.mbox"
    subjects = _write_mbox(path, 60, body_lines=7)
    for size in (61, 97, 256, 1009):  # separators straddle chunk edges at every offset
        monkeypatch.setattr(mbox_module, "CHUNK", size)
        assert _subjects(path) == subjects
    assert [m["subject"] for m in mailbox.mbox(str(path))] == subjects


def test_crlf_mbox_without_trailing_newline(tmp_path: Path) -> None:
    path = tmp_path / "crlf.mbox"
    path.write_bytes(
        b"From a@b Thu Jan  1 00:00:00 2025\r\nSubject: one\r\n\r\nbody one\r\n\r\n"
        b"From a@b Thu Jan  1 00:00:01 2025\r\nSubject: two\r\n\r\nbody two"
    )
    assert _subjects(path) == ["one", "two"]


def test_bare_from_lines_are_separators(tmp_path: Path) -> None:
    path = tmp_path / "bare.mbox"
    path.write_bytes(b"From \nSubject: one\n\nx\n\nFrom -\nSubject: two\n\ny\n")
    assert _subjects(path) == ["one", "two"]


def test_junk_before_the_first_message_is_quarantined_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "junk.mbox"
    path.write_bytes(
        b"garbage line\nmore\n\nFrom a@b Thu Jan  1 00:00:00 2025\nSubject: one\n\nx\n"
    )
    subjects = _subjects(path)
    assert subjects[0] == "text before the first message separator"
    assert subjects[1:] == ["one"]


def test_oversized_message_is_quarantined_and_the_rest_continues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.mbox"
    big = b"A" * 5000 + b"\n"
    path.write_bytes(
        b"From a@b Thu Jan  1 00:00:00 2025\nSubject: small\n\nx\n\n"
        b"From a@b Thu Jan  1 00:00:00 2025\nSubject: huge\n\n" + big * 40 + b"\n"
        b"From a@b Thu Jan  1 00:00:00 2025\nSubject: after\n\ny\n"
    )
    monkeypatch.setattr(mbox_module, "CHUNK", 4096)
    raws = list(MboxReader(path, max_bytes=50_000))
    assert len(raws) == 3
    assert raws[1].problem is not None and "too large" in raws[1].problem
    assert len(raws[1].data) < 300_000
    after = parse_message(raws[2])
    assert after.subject == "after"  # type: ignore[union-attr]


def test_maildir_and_folder_order_and_indices() -> None:
    indices_and_subjects = [
        (raw.index, getattr(parse_message(raw), "subject", "")) for raw in iter_raw([DATA])
    ]
    indices = [i for i, _ in indices_and_subjects]
    assert indices == list(range(len(indices)))
    subjects = [s for _, s in indices_and_subjects]
    # interview_fr.eml, then maildir/ (cur before new by delivery time), then the rest.
    assert subjects[:4] == [
        "Entretien - développeuse front-end",
        "Your application to Brightline",
        "This week in tech",
        "This week in tech",
    ]
    assert subjects[-3:] == ["Application received", "Sunday lunch", "Next step"]


def test_several_paths_number_messages_across_inputs() -> None:
    raws = list(iter_raw([DATA / "newsletter.eml", DATA / "takeout.mbox"]))
    assert [r.index for r in raws] == [0, 1, 2, 3]
    assert raws[0].origin.endswith("newsletter.eml") and raws[1].origin.endswith("#0")


def test_missing_path_fails_before_reading_anything(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as err:
        list(iter_raw([DATA / "newsletter.eml", tmp_path / "nope.mbox"]))
    assert err.value.hint


def test_dated_separators_without_blank_lines_still_split(tmp_path: Path) -> None:
    path = tmp_path / "tight.mbox"
    path.write_bytes(
        b"From a@b Thu Mar  6 10:00:00 2025\nSubject: one\n\nbody one\n"
        b"From a@b Thu Mar  6 10:00:01 2025\nSubject: two\n\nbody two\n"
        b"From here on, a body line of message two.\n"
    )
    raws = list(MboxReader(path))
    assert [parse_message(r).subject for r in raws] == ["one", "two"]  # type: ignore[union-attr]
    assert raws[0].data.endswith(b"body one\n")
    assert b"From here on" in raws[1].data
