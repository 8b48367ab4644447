"""Generate a realistic mbox for speed tests: mostly non-job mail, HTML, attachments.

Run: .venv/bin/python benchmarks/mbox_gen.py OUT.mbox [--messages 100000] [--seed 7]
The mix (per 100 messages): 30 newsletters (multipart/alternative, quoted-printable
HTML), 25 personal notes, 15 receipts and notifications (some base64 HTML), 10 social
and forum digests, 8 messages with a 20 KB PDF attachment, 5 job alerts, 4 job-search
messages (acknowledgements, rejections, interviews), 3 calendar invitations. Some bodies
carry `>From ` quoted lines and unescaped "From " words; dates and senders vary.
"""

from __future__ import annotations

import argparse
import base64
import random
import time
from pathlib import Path

_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "for",
    "on",
    "that",
    "with",
    "as",
    "this",
    "was",
    "by",
    "at",
    "from",
    "are",
    "be",
    "or",
    "have",
    "an",
    "it",
    "not",
    "which",
    "but",
    "all",
    "we",
    "can",
    "has",
    "more",
    "new",
    "one",
    "about",
    "their",
    "time",
    "will",
    "your",
    "our",
    "release",
    "update",
    "team",
    "product",
    "data",
    "week",
    "market",
    "city",
    "garden",
    "recipe",
    "travel",
    "photo",
    "music",
    "game",
    "weekend",
    "price",
    "order",
    "delivery",
    "account",
    "library",
    "project",
    "meeting",
    "notes",
    "family",
    "school",
]
_NAMES = ["Alex", "Sam", "Jordan", "Priya", "Chen", "Maria", "Luca", "Amara", "Noah", "Ines"]
_DOMAINS = ["example.org", "mail.example", "shop.example", "news.example", "corp.example"]


def _sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _para(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(6, 18)) for _ in range(sentences))


def _qp(text: str) -> str:
    """Quoted-printable soft-wrapped at 76 columns (ASCII input)."""
    out = []
    for line in text.split("\n"):
        line = line.replace("=", "=3D")
        while len(line) > 75:
            out.append(line[:75] + "=")
            line = line[75:]
        out.append(line)
    return "\n".join(out)


def _b64(data: bytes) -> str:
    raw = base64.b64encode(data).decode()
    return "\n".join(raw[i : i + 76] for i in range(0, len(raw), 76))


def _headers(rng: random.Random, i: int, subject: str, sender: str, extra: str = "") -> str:
    day = 1 + i % 28
    return (
        f"From: {sender}\nTo: {rng.choice(_NAMES).lower()}@example.org\n"
        f"Subject: {subject}\nDate: Mon, {day:02d} Mar 2025 {i % 24:02d}:{i % 60:02d}:00 +0000\n"
        f"Message-ID: <gen-{i}@{rng.choice(_DOMAINS)}>\nMIME-Version: 1.0\n{extra}"
    )


def _newsletter(rng: random.Random, i: int) -> str:
    text = "\n\n".join(_para(rng, 4) for _ in range(4))
    html = (
        "<html><body>"
        + "".join(
            f"<table><tr><td><p style='font:14px'>{_para(rng, 3)}</p>"
            f"<a href='https://news.example/{i}/{k}'>Read more</a></td></tr></table>"
            for k in range(6)
        )
        + "<img src='https://t.example/p.gif' width=1 height=1></body></html>"
    )
    return _headers(
        rng,
        i,
        f"Weekly digest #{i % 400}: {_sentence(rng, 5)}",
        f"Digest <news@{rng.choice(_DOMAINS)}>",
        "List-Unsubscribe: <https://news.example/u>\n"
        'Content-Type: multipart/alternative; boundary="nb"\n',
    ) + (
        "\n--nb\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
        f"quoted-printable\n\n{_qp(text)}\n--nb\nContent-Type: text/html; charset=utf-8\n"
        f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(html)}\n--nb--\n"
    )


def _personal(rng: random.Random, i: int) -> str:
    name = rng.choice(_NAMES)
    body = f"Hi {rng.choice(_NAMES)},\n\n{_para(rng, 3)}\n\nFrom the garden: {_sentence(rng)}\n"
    if rng.random() < 0.3:
        body += f"\n>From last week: {_sentence(rng)}\n"
    body += f"\n{name}\n"
    return (
        _headers(
            rng,
            i,
            _sentence(rng, 4),
            f"{name} <{name.lower()}@example.org>",
            "Content-Type: text/plain; charset=utf-8\n",
        )
        + "\n"
        + body
    )


def _receipt(rng: random.Random, i: int) -> str:
    html = (
        f"<html><body><h1>Thanks for your order #{i}</h1><p>{_para(rng, 3)}</p>"
        f"<table>{''.join(f'<tr><td>Item {k}</td><td>{k * 3}.99</td></tr>' for k in range(8))}"
        "</table></body></html>"
    )
    if rng.random() < 0.3:
        part = (
            "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
            + _b64(html.encode())
        )
    else:
        part = "Content-Type: text/html; charset=utf-8\n\n" + html
    return _headers(rng, i, f"Your receipt {i}", "Shop <orders@shop.example>", part + "\n")


def _attachment(rng: random.Random, i: int, pdf: str) -> str:
    return _headers(
        rng,
        i,
        f"Documents {i}",
        f"{rng.choice(_NAMES)} <docs@corp.example>",
        'Content-Type: multipart/mixed; boundary="mb"\n',
    ) + (
        f"\n--mb\nContent-Type: text/plain; charset=utf-8\n\n{_para(rng, 2)}\n--mb\n"
        'Content-Type: application/pdf; name="report.pdf"\nContent-Disposition: attachment; '
        f'filename="report.pdf"\nContent-Transfer-Encoding: base64\n\n{pdf}\n--mb--\n'
    )


def _job_alert(rng: random.Random, i: int) -> str:
    jobs = "\n".join(
        f"{rng.choice(['Data', 'Backend', 'QA'])} Engineer - Company {k} - apply now"
        for k in range(10)
    )
    return _headers(
        rng,
        i,
        "25 new jobs for you",
        "Job Alerts <alerts@jobs.example>",
        "List-Unsubscribe: <https://jobs.example/u>\nContent-Type: text/plain; charset=utf-8\n",
    ) + (f"\nNew jobs matching your preferences:\n{jobs}\nUnsubscribe from this alert.\n")


_JOB_BODIES = [
    "Thank you for applying to the {role} position. We have received your application and our "
    "team will review it shortly.",
    "Thank you for your interest in the {role} role. After careful consideration we have "
    "decided to move forward with other candidates. We wish you the best in your search.",
    "Thanks for applying! We would like to invite you to a 30-minute phone interview for the "
    "{role} role. Please share your availability.",
]


def _job(rng: random.Random, i: int) -> str:
    role = rng.choice(["Data Analyst", "Backend Engineer", "Product Designer"])
    body = rng.choice(_JOB_BODIES).format(role=role)
    return (
        _headers(
            rng,
            i,
            f"Your application for {role}",
            "Careers <jobs@corp.example>",
            "Content-Type: text/plain; charset=utf-8\n",
        )
        + f"\nHi,\n\n{body}\n\nTalent Team\n"
    )


def _invite(rng: random.Random, i: int) -> str:
    return _headers(
        rng,
        i,
        f"Invitation: sync {i}",
        "Calendar <calendar@corp.example>",
        "Content-Type: text/calendar; charset=utf-8; method=REQUEST\n",
    ) + (
        "\nBEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Weekly sync\n"
        "DTSTART:20250310T100000Z\nEND:VEVENT\nEND:VCALENDAR\n"
    )


def generate(out: Path, messages: int, seed: int = 7) -> int:
    """Write the mbox; returns its size in bytes."""
    rng = random.Random(seed)
    pdf = _b64(rng.randbytes(20_000))
    kinds = (
        [_newsletter] * 30
        + [_personal] * 25
        + [_receipt] * 15
        + [_newsletter] * 10
        + [lambda r, i: _attachment(r, i, pdf)] * 8
        + [_job_alert] * 5
        + [_job] * 4
        + [_invite] * 3
    )
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for i in range(messages):
            text = rng.choice(kinds)(rng, i)
            # mboxrd: quote body lines that start with ">*From ".
            lines = text.split("\n")
            body = "\n".join(
                ">" + ln if ln.lstrip(">").startswith("From ") and n > 0 else ln
                for n, ln in enumerate(lines)
            )
            fh.write(f"From gen{i}@example.org Mon Mar 03 10:00:00 2025\n{body}\n\n")
    return out.stat().st_size


def bench_arguments(description: str) -> argparse.Namespace:
    """The options every mbox benchmark takes: size, rounds, and a folder to keep the file."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; medians are shown")
    parser.add_argument("--keep", type=Path, help="write the mbox here and keep it")
    return parser.parse_args()


def prepared_mbox(folder: Path, messages: int) -> Path:
    """``folder/bench.mbox`` with ``messages`` messages, generated unless already there."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.mbox"
    if not path.exists():
        started = time.perf_counter()
        size = generate(path, messages)
        print(f"generated {messages:,} messages ({size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - started:.1f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    size = generate(args.out, args.messages, args.seed)
    print(
        f"{args.messages:,} messages, {size / 1e6:.0f} MB in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
