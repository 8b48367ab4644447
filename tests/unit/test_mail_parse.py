"""Parsing received mail: charsets, quotes, signatures, thread headers, hashes."""

from __future__ import annotations

from pathlib import Path

from nextround.domain.emails import InboundEmail, QuarantinedMessage, raw_sha256
from nextround.mail.parse import parse_bytes, read_envelope

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"


def parsed(name: str) -> InboundEmail:
    result = parse_bytes((DATA / name).read_bytes(), origin=name)
    assert isinstance(result, InboundEmail), result
    return result


def test_multipart_message_gives_clean_text_headers_and_html() -> None:
    msg = parsed("rejection_greenhouse.eml")
    assert msg.subject == "Your application to Brightline"
    assert msg.sender is not None and msg.sender.addr == "no-reply@us.greenhouse-mail.io"
    assert msg.sender.name == "Brightline Recruiting"
    assert msg.date is not None and msg.date.isoformat() == "2025-03-04T16:20:11+00:00"
    assert msg.message_id == "gh-4411.brightline@us.greenhouse-mail.io"
    # Quoted-printable soft line breaks are undone.
    assert "we will not be moving forward with your application" in msg.text.replace("\n", " ")
    assert msg.html is not None and "<img" in msg.html
    assert msg.defects == ()


def test_same_message_with_crlf_has_the_same_hash() -> None:
    data = (DATA / "rejection_greenhouse.eml").read_bytes()
    crlf = data.replace(b"\n", b"\r\n")
    a, b = parse_bytes(data), parse_bytes(crlf)
    assert a.sha256 == b.sha256 == raw_sha256(data)
    assert isinstance(b, InboundEmail) and "moving forward" in b.text.replace("\n", " ")


def test_latin1_body_and_encoded_words_are_decoded() -> None:
    msg = parsed("interview_fr.eml")
    assert msg.subject == "Entretien - développeuse front-end"
    assert msg.sender is not None and msg.sender.name == "Élise Martin"
    assert "vos disponibilités" in msg.text


def test_quoted_reply_and_signature_are_set_aside() -> None:
    msg = parsed("reply_quoted.eml")
    assert "testing strategy" in msg.text
    assert "Would you be able" not in msg.text and "Would you be able" in msg.quoted
    assert "Engineering Manager" in msg.signature and "Engineering Manager" not in msg.text
    assert msg.in_reply_to == "ask-feedback-1@example.org"
    assert msg.references == ("first-1@example.org", "ask-feedback-1@example.org")


def test_html_only_message_becomes_text_without_script_or_style() -> None:
    msg = parsed("newsletter.eml")
    assert "Top stories" in msg.text
    assert "alert(1)" not in msg.text and "color:red" not in msg.text
    assert msg.headers["precedence"] == "bulk" and "list-unsubscribe" in msg.headers


def test_unknown_charset_degrades_with_a_defect() -> None:
    raw = (
        b"From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset=bogus-charset\n\n"
        b"Caf\xc3\xa9 au lait\n"
    )
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert "Café au lait" in msg.text
    assert any("unknown charset" in d for d in msg.defects)


def test_wrong_declared_charset_keeps_text_readable() -> None:
    raw = b"From: a@example.org\nContent-Type: text/plain; charset=utf-8\n\nna\xefve r\xe9sum\xe9\n"
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert "résumé" in msg.text and msg.defects


def test_encoded_line_break_cannot_smuggle_a_header() -> None:
    raw = (
        b"From: a@example.org\nSubject: =?utf-8?q?hi=0D=0ABcc:_evil@example.com?=\n"
        b"Content-Type: text/plain\n\nbody\n"
    )
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert "\r" not in msg.subject and "\n" not in msg.subject
    assert msg.subject == "hi Bcc: evil@example.com"


def test_raw_8bit_header_shows_replacement_and_keeps_the_address() -> None:
    raw = b"From: \xff\xfe <sender@example.org>\nSubject: x\n\nbody\n"
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert msg.sender is not None and msg.sender.addr == "sender@example.org"
    assert "\ufffd" in msg.sender.name


def test_display_name_that_looks_like_an_address_is_flagged() -> None:
    raw = b'From: "dean@university.edu" <attacker@evil.example>\nSubject: x\n\nbody\n'
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert msg.sender is not None and msg.sender.addr == "attacker@evil.example"
    assert any("display name" in d for d in msg.defects)


def test_duplicate_headers_use_the_first_and_say_so() -> None:
    raw = b"From: first@example.org\nFrom: second@example.org\nSubject: one\nSubject: two\n\nx\n"
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert msg.subject == "one" and msg.sender is not None
    assert msg.sender.addr == "first@example.org"
    assert any("duplicate from" in d for d in msg.defects)


def test_nul_bytes_are_removed_and_flagged() -> None:
    msg = parse_bytes(b"From: a@example.org\nSubject: a\x00b\n\nline\x00one\n")
    assert isinstance(msg, InboundEmail)
    assert "\x00" not in msg.subject and "\x00" not in msg.text
    assert any("NUL" in d for d in msg.defects)


def test_headers_without_body_are_kept() -> None:
    msg = parse_bytes(b"From: a@example.org\nSubject: only headers")
    assert isinstance(msg, InboundEmail)
    assert msg.subject == "only headers" and msg.text == ""


def test_files_that_are_not_mail_are_quarantined_with_a_reason() -> None:
    for data, words in [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not an email"),
        (b"%PDF-1.7\n1 0 obj\n", "not an email"),
    ]:
        result = parse_bytes(data)
        assert isinstance(result, QuarantinedMessage)
        assert words in result.reason


def test_envelope_reads_headers_only() -> None:
    env = read_envelope((DATA / "interview_fr.eml").read_bytes())
    assert env.subject.startswith("Entretien") and env.message_id == "m-88@mosaic.example"
    assert env.sender is not None and env.sender.addr == "elise@mosaic.example"


def test_attachment_names_are_made_safe() -> None:
    raw = (
        b"From: a@example.org\nSubject: cv\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        b"See attached.\n--b\nContent-Type: application/pdf\n"
        b'Content-Disposition: attachment; filename="../../etc/passwd\xe2\x80\xaefdp.exe"\n'
        b"Content-Transfer-Encoding: base64\n\nJVBERi0=\n--b--\n"
    )
    msg = parse_bytes(raw)
    assert isinstance(msg, InboundEmail)
    assert msg.text == "See attached."
    (name,) = msg.attachments
    assert "/" not in name and "\u202e" not in name
