"""The cheap job-word test decides which mail is fully read: it must never drop job mail."""

from __future__ import annotations

import base64

from nextround.domain.emails import InboundEmail, RawMessage
from nextround.mail.pipeline import classify_raw, may_be_job_mail

HEAD = b"From: a@example.org\nSubject: hello\nMIME-Version: 1.0\n"


def test_plain_job_words_are_found_and_bulk_mail_is_not() -> None:
    assert may_be_job_mail(HEAD + b"\nThank you for your Application to Acme.\n")
    assert may_be_job_mail(HEAD + b"\nNous avons bien re\xc3\xa7u votre candidature.\n")
    assert not may_be_job_mail(HEAD + b"\nThe garden club meets on Sunday.\n")


def test_words_hidden_by_encodings_are_still_found() -> None:
    qp = (HEAD + b"Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n"
          b"Thank you for your appli=\ncation. We will not move forward.\n")
    assert may_be_job_mail(qp)
    b64 = base64.encodebytes(b"<p>We would like to invite you to an interview.</p>")
    html = HEAD + b"Content-Type: text/html\nContent-Transfer-Encoding: base64\n\n" + b64
    assert may_be_job_mail(html)
    crlf = (HEAD + b"\nYour interview is confirmed.\n").replace(b"\n", b"\r\n")
    assert may_be_job_mail(crlf)


def test_mime_words_of_attachments_do_not_count() -> None:
    pdf = base64.encodebytes(bytes(range(256)) * 40)
    msg = (HEAD + b'Content-Type: multipart/mixed; boundary="b"\n\n'
           b"--b\nContent-Type: text/plain\n\nPhotos from the weekend.\n"
           b"--b\nContent-Type: application/pdf\n"
           b'Content-Disposition: attachment; filename="a.pdf"\n'
           b"Content-Transfer-Encoding: base64\n\n" + pdf + b"--b--\n")
    assert not may_be_job_mail(msg)


def test_mail_without_job_words_is_header_read_only() -> None:
    raw = RawMessage(0, "x", HEAD + b"Message-ID: <m1@example.org>\n\nSee you Sunday!\n")
    message, result = classify_raw(raw)
    assert isinstance(message, InboundEmail) and not message.complete
    assert message.message_id == "m1@example.org" and message.subject == "hello"
    assert message.sha256 and result.label.value == "other"
    full, _ = classify_raw(raw, parse_all=True)
    assert isinstance(full, InboundEmail) and full.complete and full.text == "See you Sunday!"


def test_only_subject_from_and_body_are_scanned() -> None:
    assert may_be_job_mail(b"From: x@example.org\nSubject: Your interview\n\nSee you.\n")
    assert may_be_job_mail(b"From: Acme Recruiting <a@example.org>\nSubject: hi\n\nok\n")
    # Signature and routing headers can contain anything; they are not read.
    assert not may_be_job_mail(
        b"DKIM-Signature: v=1; d=offer.example; b=candidate\nSubject: hi\n\nSee you at noon.\n"
    )
