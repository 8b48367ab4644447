"""Journal: write a private check-in, read it for harsh self-talk, reply kindly; list; delete."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nextround.domain.reframes import Record, Reply, Responder
from nextround.domain.selftalk import Analysis, Label, analyse
from nextround.errors import UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.tables.recover import JournalEntry

MAX_TEXT = 10_000
MAX_EMOTIONS = 12


@dataclass(frozen=True)
class EntryView:
    id: int
    created_at: datetime
    mood: int | None
    emotions: list[str]
    text: str
    label: str
    distortions: list[str]
    spans: list[list[int]]
    reply: str | None
    resources: list[dict[str, str]] | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "mood": self.mood,
            "emotions": self.emotions,
            "text": self.text,
            "label": self.label,
            "distortions": self.distortions,
            "spans": self.spans,
            "reply": self.reply,
            "resources": self.resources,
        }


@dataclass(frozen=True)
class WriteResult:
    entry: EntryView
    analysis: Analysis
    reply: Reply

    def as_dict(self) -> dict[str, Any]:
        data = self.entry.as_dict()
        data["reframe"] = self.reply.reframe
        data["encouragement"] = self.reply.encouragement
        data["message"] = self.reply.crisis.message if self.reply.crisis else None
        return data


def _view(row: JournalEntry) -> EntryView:
    analysis = row.analysis or {}
    return EntryView(
        id=row.id,
        created_at=row.created_at,
        mood=row.mood,
        emotions=list(row.emotions or []),
        text=row.text,
        label=row.label,
        distortions=list(analysis.get("distortions", [])),
        spans=[list(s) for s in analysis.get("spans", [])],
        reply=analysis.get("reply"),
        resources=analysis.get("resources"),
    )


def country(uow: Any, explicit: str | None = None) -> str | None:
    """Helpline country: the option, else the journal setting, the profile, or the env."""
    if explicit:
        return explicit.strip().upper()[:2]
    repo = uow.recover
    chosen = repo.settings().country or repo.profile_country()
    return chosen or os.environ.get("NEXTROUND_COUNTRY") or None


def _clean_emotions(emotions: list[str]) -> list[str]:
    words = [" ".join(e.split()).lower()[:40] for e in emotions]
    return list(dict.fromkeys(w for w in words if w))[:MAX_EMOTIONS]


def respond(uow: Any, text: str, record: Record | None = None,
            country_code: str | None = None, remember: bool = True) -> tuple[Analysis, Reply]:
    """Read ``text`` and choose a reply that differs from the last one this user saw."""
    settings = uow.recover.settings()
    if record is None:
        from nextround.services.wins import reframe_record

        record = reframe_record(uow)
    responder = Responder(record, country=country(uow, country_code),
                          previous=settings.last_reply or None)
    from nextround.selftalk_model import default_reader

    # The sentence-vector reader, unless the model is missing or switched off; it loads on
    # the first statement it has to read.
    learned = default_reader() if text.strip() else None
    found = analyse(text, *learned) if learned else analyse(text)
    reply = responder.reply(found)
    if remember and reply.id:
        settings.last_reply = reply.id
    return found, reply


def write_entry(uow: Any, text: str, mood: int | None = None, emotions: list[str] | None = None,
                country: str | None = None, clock: Clock = system_clock) -> WriteResult:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise UserInputError(
            f"That entry is too long ({len(text)} characters; at most {MAX_TEXT}).",
            "Split it into a few entries.",
        )
    if mood is not None and not 1 <= mood <= 5:
        raise UserInputError("Mood goes from 1 (low) to 5 (good).", "Try --mood 3.")
    if not text and mood is None:
        raise UserInputError("Nothing to write.", "Add a few words or a mood from 1 to 5.")
    found, reply = respond(uow, text, country_code=country)
    if not text:
        found = Analysis(text="", label=Label.NEUTRAL)
    row = JournalEntry(
        owner_id=uow.owner_id,
        created_at=clock(),
        mood=mood,
        emotions=_clean_emotions(emotions or []),
        text=text,
        label=found.label.value,
        analysis={
            "distortions": list(found.distortions),
            "spans": [list(s) for s in found.spans],
            "reply_id": reply.id,
            "reply": reply.text or None,
            "resources": reply.resources(),
        },
    )
    uow.recover.add_entry(row)
    return WriteResult(entry=_view(row), analysis=found, reply=reply)


def list_entries(uow: Any, limit: int = 20) -> list[EntryView]:
    return [_view(row) for row in uow.recover.entries(limit=max(1, min(limit, 1000)))]


def delete_entry(uow: Any, entry_id: int) -> None:
    """Delete for good, and commit: SQLite overwrites the row's bytes (secure_delete), then
    the write-ahead log is folded into the file so no older copy of the page stays behind."""
    uow.recover.delete_entry(entry_id)
    uow.commit()
    uow.recover.checkpoint()
