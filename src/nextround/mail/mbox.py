"""Streaming mbox reader (mboxo/mboxrd, Gmail Takeout) that splits raw bytes itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from nextround.domain.emails import RawMessage

CHUNK = 1 << 20
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# What is kept of an oversized message: enough for its headers and a quarantine entry.
_OVERSIZE_KEEP = 256 * 1024

# A From_ line: "From " then an optional sender token, then nothing or something dated.
# "From the team at..." in a body (unescaped by a sloppy writer) is not a separator.
_FROM_LINE = re.compile(rb"From (\S*)(?:[ \t]+(.*?))?[ \t]*\r?\Z")
_DATEISH = re.compile(rb"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b")
_HEADERISH = re.compile(rb"[!-9;-~]{1,76}:")
# A From_ line with a full date ("From x@y Thu Mar  6 10:00:00 2025"): trusted as a
# separator even without the blank line before it, as some exporters write them.
_DATED_FROM = re.compile(
    rb"From \S+ +(?:[A-Z][a-z]{2} +)?[A-Z][a-z]{2} +\d{1,2} +\d{1,2}:\d{2}(?::\d{2})? +"
    rb"(?:[+-]\d{4} +)?\d{4}\r?\n"
)
_QUOTED_FROM = re.compile(rb"(?m)^>(>*From )")


def _is_separator(line: bytes, next_line: bytes) -> bool:
    found = _FROM_LINE.match(line)
    if not found:
        return False
    rest = found.group(2)
    if rest and not _DATEISH.search(rest):
        return False
    return bool(_HEADERISH.match(next_line))


def unquote(data: bytes) -> bytes:
    """Undo mboxrd `>From ` quoting (also right for the common mboxo case)."""
    if b">From " not in data:
        return data
    return _QUOTED_FROM.sub(rb"\1", data)


class MboxReader:
    """Iterate the messages of one mbox file in order, with flat memory.

    `suspicious` counts lines that looked like a separator after a blank line but were
    kept inside a message because they did not look like a real From_ line.
    """

    def __init__(self, path: Path, start_index: int = 0, max_bytes: int = DEFAULT_MAX_BYTES):
        self.path = path
        self.start_index = start_index
        self.max_bytes = max_bytes
        self.count = 0
        self.suspicious = 0

    def _emit(self, data: bytes, problem: str | None = None) -> RawMessage:
        if data.endswith(b"\r\n"):
            data = data[:-2] + b"\n"
        item = RawMessage(
            self.start_index + self.count,
            f"{self.path}#{self.count}",
            unquote(data) if problem is None else data,
            problem,
        )
        self.count += 1
        return item

    def __iter__(self) -> Iterator[RawMessage]:
        with self.path.open("rb") as fh:
            buf = fh.read(CHUNK)
            eof = len(buf) < CHUNK
            start = self._first_start(buf)
            if start is None:  # no separator at all: not an mbox, but keep the bytes
                rest = buf + (b"" if eof else fh.read(_OVERSIZE_KEEP))
                if rest.strip():
                    yield self._emit(rest[:_OVERSIZE_KEEP], "not an mbox: no message separator")
                return
            if buf[:start].strip() and not buf.startswith(b"From "):
                junk_end = buf.rfind(b"From ", 0, start)
                yield self._emit(buf[:junk_end], "text before the first message separator")
            pos = start
            oversize = False
            kept = b""
            straddle: int | None = None
            while True:
                at = buf.find(b"\nFrom ", pos)
                if at != -1:
                    # A separator follows a blank line (LF LF or CRLF CRLF).
                    blank = buf[at - 1 : at] == b"\n" or buf[at - 2 : at] == b"\n\r"
                    if not blank and not _DATED_FROM.match(buf, at + 1):
                        pos = at + 1
                        continue
                    line_start = at + 1
                    line_end = buf.find(b"\n", line_start)
                    next_end = buf.find(b"\n", line_end + 1) if line_end != -1 else -1
                    if next_end == -1 and not eof:
                        straddle = at  # the separator crosses the chunk end: read more
                    else:
                        line = buf[line_start : line_end if line_end != -1 else len(buf)]
                        nxt = buf[line_end + 1 : next_end if next_end != -1 else len(buf)]
                        if _is_separator(line, nxt):
                            if not blank:  # some writers omit the blank line before From_
                                body_end = at + 1
                            elif buf[at - 1 : at] == b"\n":
                                body_end = at
                            else:
                                body_end = at - 1
                            if oversize:
                                yield self._emit(kept, self._too_large())
                                oversize, kept = False, b""
                            else:
                                yield self._emit(buf[start:body_end])
                            start = pos = line_end + 1
                            continue
                        self.suspicious += int(blank)
                        pos = at + 1
                        continue
                if eof:
                    tail = buf[start:]
                    if oversize:
                        yield self._emit(kept, self._too_large())
                    elif tail.strip():
                        yield self._emit(tail.rstrip(b"\r\n") + b"\n")
                    return
                # Keep the unfinished message and read on.
                if not oversize and len(buf) - start > self.max_bytes:
                    oversize, kept = True, buf[start : start + _OVERSIZE_KEEP]
                # Search again from a separator cut by the chunk end, else the last bytes.
                resume = straddle if straddle is not None else max(start, len(buf) - 8)
                straddle = None
                if oversize:
                    keep_from = max(start, resume)
                    buf, pos = buf[keep_from:], 0
                else:
                    buf, pos = buf[start:], max(0, resume - start)
                start = 0
                chunk = fh.read(CHUNK)
                eof = len(chunk) < CHUNK
                buf += chunk

    def _too_large(self) -> str:
        return f"too large: more than {self.max_bytes:,} bytes"

    @staticmethod
    def _first_start(buf: bytes) -> int | None:
        """Offset just after the first From_ line, or None when there is none."""
        candidates = [0] if buf.startswith(b"From ") else []
        candidates += [m.end() - 5 for m in re.finditer(rb"\nFrom ", buf)]
        for at in candidates:
            line_end = buf.find(b"\n", at)
            if line_end == -1:
                continue
            next_end = buf.find(b"\n", line_end + 1)
            nxt = buf[line_end + 1 : next_end if next_end != -1 else len(buf)]
            if _is_separator(buf[at:line_end], nxt):
                return line_end + 1
        return None


def looks_like_mbox(head: bytes) -> bool:
    """True when a file starts with a From_ line (the usual mbox signature)."""
    if not head.startswith(b"From "):
        return False
    line_end = head.find(b"\n")
    if line_end == -1:
        return False
    next_end = head.find(b"\n", line_end + 1)
    return _is_separator(head[:line_end], head[line_end + 1 : next_end if next_end != -1 else None])
