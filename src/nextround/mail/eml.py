"""Read single .eml files, or every .eml file under a folder, as raw messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from nextround.domain.emails import RawMessage

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_KEEP_OVERSIZE = 256 * 1024


def read_file(path: Path, index: int, max_bytes: int = DEFAULT_MAX_BYTES) -> RawMessage:
    """One file as one raw message; an oversized file keeps only its head, flagged."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            if size > max_bytes:
                head = fh.read(_KEEP_OVERSIZE)
                return RawMessage(index, str(path), head, f"too large: {size:,} bytes")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return RawMessage(index, str(path), b"", f"unreadable file: {exc.strerror or exc}")
    return RawMessage(index, str(path), data)


def eml_files(folder: Path) -> list[Path]:
    """Every .eml file under a folder, sorted by path so runs are repeatable."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".eml" and p.is_file())


def iter_eml(path: Path, start_index: int = 0) -> Iterator[RawMessage]:
    """A file, or the .eml files of a folder, in path order."""
    files = [path] if path.is_file() else eml_files(path)
    for offset, file in enumerate(files):
        yield read_file(file, start_index + offset)
