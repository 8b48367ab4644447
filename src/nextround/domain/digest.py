"""The daily digest: what to do today, and one kind note from the user's own record."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nextround.data import load_toml
from nextround.domain.reframes import Record
from nextround.domain.wins import Win

SECTION_ORDER = ("plan", "replies", "follow_ups", "ghosted", "practice", "revisit")
MAX_ITEMS = 5  # a digest is a short list; the rest is one click away
RECENT_WIN_DAYS = 14


@dataclass(frozen=True)
class Todo:
    """One thing to do. ``link`` is a web path, ``command`` the CLI equivalent."""

    text: str
    ref: str = ""
    link: str = ""
    command: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "ref": self.ref, "link": self.link, "command": self.command}


@dataclass(frozen=True)
class DigestInput:
    today: date
    replies: tuple[Todo, ...] = ()
    follow_ups: tuple[Todo, ...] = ()
    ghosted: tuple[Todo, ...] = ()
    revisit: tuple[Todo, ...] = ()
    practice: tuple[Todo, ...] = ()
    plan: tuple[Todo, ...] = ()
    record: Record = field(default_factory=Record)
    wins: tuple[Win, ...] = ()
    effort_hours_this_month: float = 0.0


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Todo, ...]
    more: int = 0


@dataclass(frozen=True)
class Digest:
    today: date
    sections: tuple[Section, ...]
    note: str | None
    quiet: bool
    quiet_message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.today.isoformat(),
            "quiet": self.quiet,
            "quiet_message": self.quiet_message,
            "note": self.note,
            "sections": {
                s.key: {"title": s.title, "items": [t.as_dict() for t in s.items],
                        "more": s.more}
                for s in self.sections
            },
        }


def _pick(options: list[str], key: str) -> str:
    return options[zlib.crc32(key.encode()) % len(options)]


def kind_note(data: DigestInput) -> str | None:
    """One specific note from the record, or None when the record holds nothing to point to.

    It changes from day to day (the date is part of the choice) but stays put within a day.
    """
    notes = load_toml("recover/digest.toml")["notes"]
    facts = data.record.facts()
    candidates: list[str] = []
    recent = [w for w in data.wins if w.on >= data.today - timedelta(days=RECENT_WIN_DAYS)]
    if recent:
        win = recent[0]
        day = "today" if win.on == data.today else win.on.strftime("%A %d %B").replace(" 0", " ")
        when = "Today" if win.on == data.today else f"On {day}"
        template = _pick(list(notes["recent_win"]), data.today.isoformat())
        candidates.append(template.format(day=day, when=when, title=win.title, credit=win.credit))
    if data.effort_hours_this_month >= 1:
        hours = f"{data.effort_hours_this_month:.0f}"
        candidates.append(_pick(list(notes["effort"]), data.today.isoformat()).format(hours=hours))
    for key, needs in (("interviews", "interviews"), ("lesson", "lesson"),
                       ("feedback", "feedback_asked"), ("applications", "applications")):
        if needs in facts:
            candidates.append(_pick(list(notes[key]), data.today.isoformat()).format(**facts))
    if not candidates:
        return None
    return candidates[zlib.crc32(data.today.isoformat().encode()) % len(candidates)]


def compose(data: DigestInput) -> Digest:
    """Sections with something in them, in a fixed order; quiet when there is nothing to do."""
    raw = load_toml("recover/digest.toml")
    titles = raw["sections"]
    sections = tuple(
        Section(key=key, title=str(titles[key]), items=items[:MAX_ITEMS],
                more=max(0, len(items) - MAX_ITEMS))
        for key in SECTION_ORDER
        if (items := getattr(data, key))
    )
    quiet = not sections
    message = _pick(list(raw["quiet"]["message"]), data.today.isoformat()) if quiet else None
    return Digest(today=data.today, sections=sections, note=kind_note(data), quiet=quiet,
                  quiet_message=message)
