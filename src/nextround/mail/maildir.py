"""Read a Maildir folder (new/ and cur/) as raw messages, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from nextround.domain.emails import RawMessage
from nextround.mail.eml import read_file


def is_maildir(path: Path) -> bool:
    """A Maildir has cur/ and new/ subfolders (tmp/ holds unfinished deliveries)."""
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def maildir_files(path: Path) -> list[Path]:
    """Delivered message files; names start with the delivery time, so sorting by name
    gives delivery order."""
    files: list[Path] = []
    for sub in ("cur", "new"):
        folder = path / sub
        files.extend(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return sorted(files, key=lambda p: (p.name.split(":", 1)[0], p.parent.name))


def iter_maildir(path: Path, start_index: int = 0) -> Iterator[RawMessage]:
    for offset, file in enumerate(maildir_files(path)):
        yield read_file(file, start_index + offset)
