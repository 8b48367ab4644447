"""Open any mail PATH (mbox, .eml, Maildir or a folder of them) as raw messages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from nextround.domain.emails import RawMessage
from nextround.mail.eml import read_file
from nextround.mail.maildir import is_maildir, iter_maildir
from nextround.mail.mbox import MboxReader, looks_like_mbox

_MBOX_SUFFIXES = {".mbox", ".mbx", ".mbs"}


def _missing(path: Path) -> Exception:
    from nextround.errors import NotFoundError

    return NotFoundError(
        f"No mail found at {path}.",
        hint="Give an mbox file, an .eml file, a Maildir or a folder of .eml files.",
    )


def check_paths(paths: Iterable[Path]) -> list[Path]:
    """Fail early, before any work, when an input does not exist."""
    checked = [Path(p) for p in paths]
    for path in checked:
        if not path.exists():
            raise _missing(path)
    return checked


def _is_mbox_file(path: Path) -> bool:
    if path.suffix.lower() in _MBOX_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return looks_like_mbox(fh.read(4096))
    except OSError:
        return False


def _folder_items(folder: Path) -> list[Path]:
    """Mail inside a folder: Maildirs, mbox files and .eml files, sorted by path."""
    found: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            found.extend([child] if is_maildir(child) else _folder_items(child))
        elif (
            child.suffix.lower() == ".eml"
            or child.suffix.lower() in _MBOX_SUFFIXES
            or child.is_file()
            and _is_mbox_file(child)
        ):
            found.append(child)
    return found


def iter_raw(paths: Iterable[Path | str]) -> Iterator[RawMessage]:
    """Every message of every input, in input order, numbered from 0 across inputs."""
    index = 0
    for path in check_paths(Path(p) for p in paths):
        for item in _expand(path):
            for raw in _read(item, index):
                index = raw.index + 1
                yield raw


def _expand(path: Path) -> list[Path]:
    if path.is_dir() and not is_maildir(path):
        return _folder_items(path)
    return [path]


def _read(path: Path, index: int) -> Iterator[RawMessage]:
    if is_maildir(path):
        yield from iter_maildir(path, index)
    elif path.is_file() and _is_mbox_file(path):
        yield from MboxReader(path, index)
    elif path.is_file():
        yield read_file(path, index)
