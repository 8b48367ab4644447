"""The application pipeline: statuses, the moves between them, and value checks."""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from nextround.errors import ConflictError, UserInputError


class Status(str, Enum):
    """Where an application stands; the last five are endings."""

    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    GHOSTED = "ghosted"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"

    @property
    def is_ending(self) -> bool:
        return self in ENDINGS

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


PIPELINE: tuple[Status, ...] = (
    Status.SAVED,
    Status.APPLIED,
    Status.SCREENING,
    Status.INTERVIEWING,
    Status.OFFER,
    Status.ACCEPTED,
)
ENDINGS: frozenset[Status] = frozenset(
    {Status.REJECTED, Status.GHOSTED, Status.WITHDRAWN, Status.CLOSED}
)
ACTIVE: frozenset[Status] = frozenset(
    {Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER}
)
STATUS_LABELS: dict[Status, str] = {
    Status.SAVED: "Saved",
    Status.APPLIED: "Applied",
    Status.SCREENING: "Screening",
    Status.INTERVIEWING: "Interviewing",
    Status.OFFER: "Offer",
    Status.ACCEPTED: "Accepted",
    Status.REJECTED: "Rejected",
    Status.GHOSTED: "Ghosted",
    Status.WITHDRAWN: "Withdrawn",
    Status.CLOSED: "Closed (position cancelled)",
}


class Origin(str, Enum):
    """Who or what caused a status change, kept on the timeline."""

    MANUAL = "manual"
    EMAIL = "email"
    IMPORT = "import"
    SYSTEM = "system"


class Source(str, Enum):
    """How the user found the role."""

    JOB_BOARD = "job_board"
    COMPANY_SITE = "company_site"
    REFERRAL = "referral"
    RECRUITER = "recruiter"
    CAREER_FAIR = "career_fair"
    NETWORKING = "networking"
    LINKEDIN = "linkedin"
    UNIVERSITY = "university"
    OTHER = "other"


class InterviewKind(str, Enum):
    PHONE_SCREEN = "phone_screen"
    VIDEO = "video"
    ONSITE = "onsite"
    TECHNICAL = "technical"
    PANEL = "panel"
    ASSIGNMENT = "assignment"
    ASSESSMENT = "assessment"


class InterviewOutcome(str, Enum):
    PENDING = "pending"
    PASSED = "passed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class EffortKind(str, Enum):
    RESUME = "resume"
    COVER_LETTER = "cover_letter"
    PREPARATION = "preparation"
    ASSIGNMENT = "assignment"
    INTERVIEW = "interview"
    RESEARCH = "research"
    OTHER = "other"


def parse_status(value: str) -> Status:
    """Accept a status name in any case, with spaces or dashes; say which are valid."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Status(key)
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise UserInputError(
            f"Unknown status {value!r}.", f"Use one of: {names}."
        ) from None


def parse_enum(enum: type[Enum], value: str, what: str) -> Enum:
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    for member in enum:
        if member.value == key:
            return member
    names = ", ".join(str(m.value) for m in enum)
    raise UserInputError(f"Unknown {what} {value!r}.", f"Use one of: {names}.")


def check_transition(old: Status, new: Status) -> None:
    """Refuse moves that make no sense; everything else, reopening included, is allowed.

    Real searches are messy (a ghosted application answers after all, an offer falls
    through), so the rules only forbid going back to "saved" once applied, and leaving
    "accepted" except to withdraw.
    """
    if old == new:
        raise ConflictError(f"The application is already {old.label.lower()}.")
    if new == Status.SAVED and old != Status.SAVED:
        raise ConflictError(
            "An application that was sent cannot go back to saved.",
            "Use withdrawn or closed instead.",
        )
    if old == Status.ACCEPTED and new not in {Status.WITHDRAWN, Status.OFFER}:
        raise ConflictError(
            "This offer was accepted.", "Withdraw it first if the job fell through."
        )


def is_reopening(old: Status, new: Status) -> bool:
    return old.is_ending and not new.is_ending


def parse_date(value: str | None, what: str = "date") -> date | None:
    """Parse an ISO date (YYYY-MM-DD), also accepting DD/MM/YYYY written with slashes."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise UserInputError(f"Bad {what} {value!r}.", "Write it as YYYY-MM-DD, e.g. 2026-03-14.")


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def clean_url(value: str | None, what: str = "link") -> str | None:
    """Keep only http(s) links: javascript:, data: and friends are refused."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not _URL.match(text):
        raise UserInputError(
            f"The {what} {text!r} is not a web address.", "Use a link starting with https://."
        )
    return text


def clean_text(value: str | None, limit: int = 20_000) -> str:
    """Trim, drop NULs and lone surrogates, and cap the length of free text."""
    if not value:
        return ""
    text = value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    text = text.strip()
    if len(text) > limit:
        raise UserInputError(f"Text is too long ({len(text)} characters; limit {limit}).")
    return text


def clean_name(value: str | None, what: str, required: bool = True, limit: int = 300) -> str:
    text = " ".join(clean_text(value, limit * 4).split())
    if required and not text:
        raise UserInputError(f"The {what} is required.")
    if len(text) > limit:
        raise UserInputError(f"The {what} is too long (limit {limit} characters).")
    return text


def parse_salary(value: str | None) -> int | None:
    """Read '55000', '55,000', '55k' as a yearly figure in whole currency units."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip().lower().replace(",", "").replace(" ", "").replace("_", "")
    mult = 1
    if text.endswith("k"):
        mult, text = 1000, text[:-1]
    try:
        amount = int(float(text) * mult)
    except ValueError:
        raise UserInputError(f"Bad salary {value!r}.", "Write a number such as 55000 or 55k.") from None
    if amount < 0 or amount > 100_000_000:
        raise UserInputError(f"Salary {value!r} is out of range.")
    return amount
