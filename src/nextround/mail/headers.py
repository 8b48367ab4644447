"""Header decoding that never raises and never lets CR, LF or other controls through."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.header import decode_header
from email.utils import getaddresses, parsedate_to_datetime
from functools import cache

from nextround.domain.emails import Address

# Bytes of one header value we are willing to decode; beyond this the value is cut and
# flagged. The stdlib decoders are superlinear on some inputs (thousands of encoded
# words or parameters), so the cap comes before them.
MAX_HEADER_VALUE = 16_384
MAX_ADDRESSES = 100
MAX_REFERENCES = 100

# C0/C1 controls, DEL, and the bidi/zero-width characters that can disguise text.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[\t\r\n ]+")
_MSGID = re.compile(r"<([^<>\s]{1,400})>")


def clean_text(value: str) -> str:
    """One line of displayable text: line breaks become spaces, controls go away."""
    if value.isprintable():  # no CR, LF, tab, control, bidi or zero-width character
        return value.strip()
    value = _SPACES.sub(" ", value)
    return _CONTROLS.sub("", value).strip()


def _decode_charset(data: bytes, charset: str | None) -> tuple[str, bool]:
    """Decode header bytes; returns (text, degraded) where degraded flags a repair."""
    name = (charset or "ascii").lower()
    if name in ("unknown-8bit", "ascii", "us-ascii"):
        try:
            return data.decode("ascii"), False
        except UnicodeDecodeError:
            return data.decode("utf-8", "replace"), True
    try:
        return data.decode(name), False
    except LookupError:
        return data.decode("utf-8", "replace"), True
    except UnicodeDecodeError:
        return data.decode(name, "replace"), True


def decode_value(raw: str | None, defects: list[str], name: str) -> str:
    """Decode RFC 2047 encoded words in a raw header value, best effort."""
    if raw is None:
        return ""
    if not isinstance(raw, str):  # compat32 hands back a Header when there are 8-bit bytes
        raw = str(raw)
        defects.append(f"{name} header has raw 8-bit bytes")
    if len(raw) > MAX_HEADER_VALUE:
        raw = raw[:MAX_HEADER_VALUE]
        defects.append(f"{name} header truncated")
    # Raw 8-bit bytes arrive as surrogate escapes; turn them into text first.
    if not raw.isascii() and any("\udc80" <= ch <= "\udcff" for ch in raw):
        raw = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        defects.append(f"{name} header has raw 8-bit bytes")
    if "=?" not in raw:
        text = raw
    else:
        try:
            chunks = decode_header(raw)
        except Exception:  # malformed encoded words: keep the raw text
            defects.append(f"{name} header has malformed encoded words")
            chunks = [(raw, None)]
        parts: list[str] = []
        degraded = False
        for chunk, charset in chunks:
            if isinstance(chunk, bytes):
                piece, bad = _decode_charset(chunk, charset)
                degraded = degraded or bad
                parts.append(piece)
            else:
                parts.append(chunk)
        text = "".join(parts)
        if degraded:
            defects.append(f"{name} header has an unknown or wrong charset")
    if "\x00" in text:
        defects.append(f"{name} header has NUL bytes")
    cleaned = clean_text(text)
    if ("\r" in text or "\n" in text) and "=?" in raw:
        defects.append(f"{name} header tried to smuggle a line break")
    return cleaned


_SIMPLE_ADDR = re.compile(
    r'\s*(?:"?([^"<>,;:@\\()]*?)"?\s*)?<([^<>\s,;:"()\\]+@[^<>\s,;:"()\\]+)>\s*'
)
_BARE_ADDR = re.compile(r'\s*([^<>\s,;:"()\\]+@[^<>\s,;:"()\\]+)\s*')


def parse_address_list(raw: str | None, defects: list[str], name: str) -> tuple[Address, ...]:
    """Addresses from a header; the real address is kept apart from the display name."""
    if not raw:
        return ()
    if not isinstance(raw, str):
        raw = str(raw)
        defects.append(f"{name} header has raw 8-bit bytes")
    # Fast path for the common single "Name <addr>" or bare address, plain ASCII.
    if raw.isascii() and "\n" not in raw and "\r" not in raw:
        simple = _SIMPLE_ADDR.fullmatch(raw) or _BARE_ADDR.fullmatch(raw)
        if simple is not None:
            if simple.re is _BARE_ADDR:
                return (Address("", simple.group(1)),)
            display = simple.group(1) or ""
            text = decode_value(display, defects, name) if "=?" in display else display.strip()
            if "@" in text:
                defects.append(f"{name} display name looks like a different address")
            return (Address(clean_text(text), simple.group(2)),)
    if len(raw) > MAX_HEADER_VALUE:
        raw = raw[:MAX_HEADER_VALUE]
        defects.append(f"{name} header truncated")
    raw = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        pairs = getaddresses([raw])
    except Exception:
        defects.append(f"{name} header could not be parsed")
        return ()
    result: list[Address] = []
    for display, addr in pairs:
        if not display and not addr:
            continue
        display_text = decode_value(display, defects, name) if display else ""
        addr_text = clean_text(addr)
        if "@" in display_text and addr_text and display_text.strip('"') != addr_text:
            # A display name that looks like another address is a classic spoof.
            defects.append(f"{name} display name looks like a different address")
        result.append(Address(display_text, addr_text))
        if len(result) >= MAX_ADDRESSES:
            defects.append(f"{name} header truncated to {MAX_ADDRESSES} addresses")
            break
    if raw.count("<") > 1 and len(result) == 1:
        defects.append(f"{name} header is ambiguous")
    return tuple(result)


def parse_message_id(raw: str | None) -> str | None:
    """A Message-ID without angle brackets, or None when absent or unusable."""
    if not raw:
        return None
    text = str(raw)[:1000]
    if text.startswith("<") and text.endswith(">") and text.count("<") == 1 and text.isprintable():
        inner = text[1:-1]
        if inner and " " not in inner and ">" not in inner:
            return inner
    found = _MSGID.search(text)
    if found:
        return clean_text(found.group(1)) or None
    cleaned = clean_text(text).strip("<>")
    return cleaned[:400] or None if " " not in cleaned else None


def parse_references(raw: str | None, defects: list[str]) -> tuple[str, ...]:
    """Message-IDs listed in References; the most recent ones are kept when cut."""
    if not raw:
        return ()
    text = str(raw)
    if len(text) > MAX_HEADER_VALUE * 4:
        text = text[-MAX_HEADER_VALUE * 4 :]
        defects.append("References header truncated")
    ids = [clean_text(m) for m in _MSGID.findall(text)]
    if len(ids) > MAX_REFERENCES:
        ids = ids[-MAX_REFERENCES:]
        defects.append("References header truncated")
    return tuple(i for i in ids if i)


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_RFC_DATE = re.compile(
    r"(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s+([+-])(\d{2})(\d{2})(?:\s*\([^)]*\))?\s*"
)


def _fast_date(text: str) -> datetime | None:
    """The common RFC 5322 form, read without the general parser (hot path)."""
    found = _RFC_DATE.fullmatch(text)
    if found is None:
        return None
    day, mon, year, hour, minute, sec, sign, zh, zm = found.groups()
    month = _MONTHS.get(mon.lower())
    if month is None:
        return None
    try:
        return datetime(
            int(year),
            month,
            int(day),
            int(hour),
            int(minute),
            int(sec or 0),
            tzinfo=_zone(sign, zh, zm),
        )
    except ValueError:
        return None


@cache
def _zone(sign: str, hours: str, minutes: str) -> timezone:
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-offset if sign == "-" else offset)


def parse_date(raw: str | None, defects: list[str]) -> datetime | None:
    """The Date header as an aware datetime (UTC when the zone is unknown)."""
    if not raw:
        return None
    text = clean_text(str(raw))[:200]
    fast = _fast_date(text)
    if fast is not None:
        return fast
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("Date header could not be read")
        return None
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value
