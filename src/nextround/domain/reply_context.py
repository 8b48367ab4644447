"""Plain values that a reply is drafted from, and the draft that comes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Tone = Literal["warm", "formal", "brief"]
Language = Literal["en", "fr"]
Stage = Literal["application", "interview"]
ProposalKind = Literal["freelance", "internship", "part-time"]

TONES: tuple[Tone, ...] = ("warm", "formal", "brief")
LANGUAGES: tuple[Language, ...] = ("en", "fr")
STAGES: tuple[str, ...] = ("application", "interview")
PROPOSAL_KINDS: tuple[ProposalKind, ...] = ("freelance", "internship", "part-time")
PARTS: tuple[str, ...] = ("thanks", "feedback", "future", "proposal", "linkedin")
CONTACT_ROLES: tuple[str, ...] = ("recruiter", "interviewer", "hiring_manager", "other")


@dataclass(frozen=True)
class Contact:
    """Somebody at the company the user dealt with."""

    name: str | None = None
    title: str | None = None
    email: str | None = None
    role: str = "other"
    linkedin_url: str | None = None

    @property
    def first_name(self) -> str | None:
        if not self.name or not self.name.strip():
            return None
        return self.name.split()[0]


@dataclass(frozen=True)
class Round:
    """One interview round as the record knows it."""

    kind: str | None = None
    on: date | None = None
    interviewers: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class Profile:
    """What the user has told nextround about themselves."""

    name: str | None = None
    email: str | None = None
    signature: str | None = None
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThreadRef:
    """Headers of an imported message that a reply should thread under."""

    message_id: str | None = None
    references: tuple[str, ...] = ()
    subject: str | None = None
    from_addr: str | None = None


@dataclass(frozen=True)
class DraftContext:
    """Everything the record knows that a reply may use, and nothing more."""

    company: str | None = None
    role: str | None = None
    contacts: tuple[Contact, ...] = ()
    rounds: tuple[Round, ...] = ()
    discussed: tuple[str, ...] = ()
    stage: Stage | None = None
    door_open: bool | None = None
    thread: ThreadRef | None = None
    profile: Profile = field(default_factory=Profile)
    applied_on: date | None = None

    @property
    def effective_stage(self) -> Stage:
        """The stage, guessed from the rounds when the rejection did not say."""
        if self.stage is not None:
            return self.stage
        return "interview" if self.rounds else "application"


@dataclass(frozen=True)
class DraftOptions:
    """The choices the user makes about a draft."""

    parts: tuple[str, ...] | None = None
    proposal: ProposalKind | None = None
    tone: Tone = "warm"
    language: Language = "en"
    variant: int = 0


@dataclass(frozen=True)
class Draft:
    """A finished message, ready to show, save or send."""

    subject: str
    body: str
    to: tuple[str, ...]
    language: str
    parts: tuple[str, ...]
    warnings: tuple[str, ...]
    kind: str = "reply"

    def as_dict(self) -> dict[str, object]:
        """The stable JSON shape of a draft."""
        return {
            "subject": self.subject,
            "body": self.body,
            "to": list(self.to),
            "language": self.language,
            "parts": list(self.parts),
            "warnings": list(self.warnings),
        }
