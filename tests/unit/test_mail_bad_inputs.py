"""Hostile and broken mail: every input is read with defects or quarantined, never a crash
or a hang, and a batch goes on past it. The inputs follow the e-mail importer's bad-input
list (nesting, part floods, header floods, broken encodings, spoofed addresses, mbox quirks).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from nextround.domain.emails import InboundEmail, QuarantinedMessage, RawMessage
from nextround.mail.parse import Caps, parse_message
from nextround.mail.pipeline import classify_raw, iter_classified

H = b"From: a@example.org\nTo: b@example.org\nSubject: test\nMIME-Version: 1.0\n"


def nested_multipart(depth: int) -> bytes:
    head = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(depth)
    )
    tail = b"".join(b"\n--b%d--\n" % i for i in reversed(range(depth)))
    return H + head + b"Content-Type: text/plain\n\ninner text\n" + tail


def nested_rfc822(depth: int) -> bytes:
    msg = b"Subject: inner\n\ninner text\n"
    for _ in range(depth):
        msg = b"Subject: fwd\nContent-Type: message/rfc822\n\n" + msg
    return b"From: a@example.org\n" + msg


def many_parts(count: int) -> bytes:
    part = b"--s\nContent-Type: text/plain\n\nx\n"
    return H + b'Content-Type: multipart/mixed; boundary="s"\n\n' + part * count + b"--s--\n"


CASES: dict[str, Callable[[], bytes]] = {
    "E01 multipart nested 1000 deep": lambda: nested_multipart(1000),
    "E01 multipart nested 250 deep": lambda: nested_multipart(250),
    "E02 50 forwards of forwards": lambda: nested_rfc822(50),
    "E02 400 forwards of forwards": lambda: nested_rfc822(400),
    "E03 20000 sibling parts": lambda: many_parts(20_000),
    "E04 content-type with 8000 semicolons": lambda: (
        b"From: a@example.org\nContent-Type: text/plain" + b";" * 8000 + b"\n\nbody\n"
    ),
    "E05 8000 recipients": lambda: (
        b"From: a@example.org\nTo: "
        + b", ".join(b"u%d@example.org" % i for i in range(8000))
        + b"\nSubject: many\n\nbody\n"
    ),
    "E05 100k references": lambda: (
        b"From: a@example.org\nReferences: "
        + b" ".join(b"<id%d@x>" % i for i in range(100_000))
        + b"\n\nbody\n"
    ),
    "E06 10000 encoded words": lambda: (
        b"From: a@example.org\nSubject: " + b" ".join([b"=?utf-8?q?ab?="] * 10_000) + b"\n\nx\n"
    ),
    "E07 5 MB folded subject": lambda: (
        b"From: a@example.org\nSubject: start\n"
        + b" folded line of subject text\n" * 180_000
        + b"\nbody\n"
    ),
    "E08 6 MB body on one line": lambda: H + b"\n" + b"word " * 1_200_000 + b"\n",
    "E09 multipart without boundary": lambda: (
        H + b"Content-Type: multipart/mixed\n\nplain text after all\n"
    ),
    "E10 boundary never closed": lambda: (
        H + b'Content-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\n'
        b"unclosed part\n--zz-in-a-line is not a boundary\n"
    ),
    "E10 boundary of 200 chars": lambda: (
        H
        + b'Content-Type: multipart/mixed; boundary="'
        + b"q" * 200
        + b'"\n\n--'
        + b"q" * 200
        + b"\nContent-Type: text/plain\n\nlong boundary\n--"
        + b"q" * 200
        + b"--\n"
    ),
    "E11 base64 garbage": lambda: (
        H
        + b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVsbG8!!!@@@===\nabc\n"
    ),
    "E12 broken quoted-printable": lambda: (
        H + b"Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n"
        b"bad =ZZ escape\n" + b"x" * 2000 + b"\nsoft break at end="
    ),
    "E13 bogus charset": lambda: (
        H + b"Content-Type: text/plain; charset=bogus-charset\n\nCaf\xe9\n"
    ),
    "E14 utf-8 label on cp1252 bytes": lambda: (
        H + b"Content-Type: text/plain; charset=utf-8\n\n\x93quoted\x94 \x96 dash\n"
    ),
    "E14 utf-8 label on utf-16 bytes": lambda: (
        H + b"Content-Type: text/plain; charset=utf-8\n\n" + "bonjour".encode("utf-16")
    ),
    "E14 gb18030 bytes": lambda: (
        H + b"Content-Type: text/plain; charset=utf-8\n\n" + "\u4f60\u597d".encode("gb18030")
    ),
    "E15 raw 8-bit header": lambda: b"From: \xff\xfe <a@b.example>\nSubject: \xe9t\xe9\n\nx\n",
    "E16 NUL bytes": lambda: b"From: a@example.org\nSubject: a\x00b\n\nbo\x00dy\n",
    "E17 encoded word with unknown charset": lambda: (
        b"From: a@example.org\nSubject: =?x-unknown?B?SGVsbG8=?= and =?utf-8?B?!!!?=\n\nx\n"
    ),
    "E18 encoded CRLF and Bcc": lambda: (
        b"From: a@example.org\nSubject: =?utf-8?q?hi=0D=0ABcc:_evil@example.com?=\n\nx\n"
    ),
    "E19 encoded display name with specials": lambda: (
        b"From: =?utf-8?q?Doe=2C_John_=3Cevil=40x=2Eorg=3E?= <john@example.org>\n\nx\n"
    ),
    "E20 broken address": lambda: b"From: alice@example.org)<bob@example.org>\n\nx\n",
    "E21 duplicate headers": lambda: (
        b"From: one@example.org\nFrom: two@example.org\nContent-Type: text/plain\n"
        b"Content-Type: text/html\n\nx\n"
    ),
    "E22 header without colon": lambda: (
        b" continuation first\nFrom: a@example.org\nNoColonHere\nSubject : spaced\n\nx\n"
    ),
    "E23 headers only": lambda: b"From: a@example.org\nSubject: no body",
    "E24 empty": lambda: b"",
    "E24 whitespace only": lambda: b" \n\t\n",
    "E24 png renamed": lambda: b"\x89PNG\r\n\x1a\n" + bytes(1000),
    "E24 zip renamed": lambda: b"PK\x03\x04" + bytes(500),
    "E30 path in attachment name": lambda: (
        H + b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n'
        b"--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; "
        b"filename*=UTF-8''..%2F..%2Fhome%2Fu%2F.bashrc\n\nAAAA\n--b--\n"
    ),
    "E34 html labelled as image": lambda: (
        H + b'Content-Type: multipart/related; boundary="r"\n\n--r\nContent-Type: text/html\n\n'
        b'<p>see <img src="cid:x"></p>\n--r\nContent-Type: image/png\nContent-ID: <x>\n\n'
        b"<script>alert(1)</script>\n--r--\n"
    ),
    "E35 S/MIME blob": lambda: (
        H + b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data\n"
        b"Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n"
    ),
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", list(CASES))
def test_every_bad_input_is_read_or_quarantined_quickly(name: str) -> None:
    data = CASES[name]()
    started = time.perf_counter()
    result = parse_message(RawMessage(0, name, data))
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"{name} took {elapsed:.1f} s"
    if isinstance(result, QuarantinedMessage):
        assert result.reason
        assert result.size == len(data)
    else:
        assert isinstance(result, InboundEmail)
        for value in (result.subject, result.from_text, *(str(a) for a in result.to)):
            assert "\r" not in value and "\n" not in value and "\x00" not in value
        assert "\x00" not in result.text
    _, classification = classify_raw(RawMessage(0, name, data))
    assert classification.evidence


def test_caps_quarantine_before_parsing() -> None:
    expectations = {
        "E01 multipart nested 1000 deep": "nested",
        "E03 20000 sibling parts": "too many parts",
        "E04 content-type with 8000 semicolons": "Content-Type",
        "E07 5 MB folded subject": "header block too large",
        "E24 empty": "empty",
        "E24 png renamed": "not an email",
    }
    for name, words in expectations.items():
        result = parse_message(RawMessage(0, name, CASES[name]()))
        assert isinstance(result, QuarantinedMessage), name
        assert words in result.reason, (name, result.reason)
    big = parse_message(
        RawMessage(0, "big", H + b"\n" + b"x" * 2_000_000), Caps(max_bytes=1_000_000)
    )
    assert isinstance(big, QuarantinedMessage) and "too large" in big.reason


def test_repairs_are_recorded_as_defects() -> None:
    for name in (
        "E13 bogus charset",
        "E15 raw 8-bit header",
        "E16 NUL bytes",
        "E17 encoded word with unknown charset",
        "E21 duplicate headers",
        "E05 8000 recipients",
        "E09 multipart without boundary",
    ):
        result = parse_message(RawMessage(0, name, CASES[name]()))
        assert isinstance(result, InboundEmail), name
        assert result.defects, name


def test_spoofed_display_names_keep_the_real_address() -> None:
    result = parse_message(RawMessage(0, "E19", CASES["E19 encoded display name with specials"]()))
    assert isinstance(result, InboundEmail) and result.sender is not None
    assert result.sender.addr == "john@example.org"
    assert "evil@x.org" in result.sender.name


def test_batch_goes_on_past_every_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    names = [n for n in CASES if "MB" not in n and "20000" not in n and "100k" not in n]
    for i, name in enumerate(names):
        (folder / f"{i:03d}.eml").write_bytes(CASES[name]())
    (folder / "999.eml").write_bytes(
        b"From: jobs@acme.example\nSubject: Your application\n\nThank you for applying to the "
        b"Analyst role. Unfortunately we have decided to move forward with other candidates.\n"
    )
    results = list(iter_classified([folder]))
    assert [m.index for m, _ in results] == list(range(len(names) + 1))
    quarantined = [m for m, _ in results if isinstance(m, QuarantinedMessage)]
    assert quarantined and all(m.reason for m in quarantined)
    for message, result in results:
        if isinstance(message, QuarantinedMessage):
            assert result.evidence[0].startswith("quarantined: ")
    assert results[-1][1].label.value == "rejection"


def test_unescaped_from_line_inside_a_body_is_counted_not_split(tmp_path: Path) -> None:
    from nextround.mail.mbox import MboxReader

    path = tmp_path / "e25.mbox"
    path.write_bytes(
        b"From a@b Thu Jan  1 00:00:00 2025\nSubject: one\n\nhello\n\nFrom here we go on.\n\n"
        b"From a@b Thu Jan  1 00:00:01 2025\nSubject: two\n\nbye\n"
    )
    reader = MboxReader(path)
    raws = list(reader)
    assert len(raws) == 2 and reader.suspicious == 1
    assert b"From here we go on." in raws[0].data
