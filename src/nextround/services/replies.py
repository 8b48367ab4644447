"""Use cases for replies: draft from the record, send, record on the timeline, remind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from nextround.domain.replies import draft_followup, draft_reply, draft_thanks
from nextround.domain.reply_context import (
    LANGUAGES,
    Contact,
    Draft,
    DraftContext,
    DraftOptions,
    Language,
    Profile,
    Round,
    ThreadRef,
)
from nextround.domain.reply_facts import topics_from_notes
from nextround.domain.reply_schedule import DEFAULT_FOLLOW_UP_WORKING_DAYS, add_working_days
from nextround.errors import ConfigError, UserInputError
from nextround.services.clock import Clock, system_clock
from nextround.storage.uow import UnitOfWork

_RELATION_ROLES = {
    "recruiter": "recruiter",
    "talent": "recruiter",
    "hr": "recruiter",
    "hiring manager": "hiring_manager",
    "hiring_manager": "hiring_manager",
    "manager": "hiring_manager",
    "interviewer": "interviewer",
}
_KINDS = {"phone_screen": "phone"}
# A guard against loops and slips, far above what a person sends by hand.
MAX_SENDS_PER_HOUR = 20
KIND_LABELS = {
    "reply": "reply to the rejection",
    "followup": "follow-up",
    "close": "closing-the-loop note",
    "thanks_note": "thank-you note",
}


def _role_for(relation: str, title: str) -> str:
    text = f"{relation} {title}".lower()
    for needle, role in _RELATION_ROLES.items():
        if needle in text:
            return role
    return "other"


def discussed_topics(notes: str) -> list[str]:
    """Topics the user's notes say were discussed (see `topics_from_notes`)."""
    return topics_from_notes(notes)


def _contact(row: Any, role: str) -> Contact:
    return Contact(
        name=row.name or None,
        title=row.title or None,
        email=row.email or None,
        role=role,
        linkedin_url=row.linkedin_url or None,
    )


def _thread(uow: UnitOfWork, app_id: int) -> tuple[ThreadRef | None, dict[str, Any]]:
    """The imported rejection (else the latest email) about the application, and its reading."""
    messages = uow.inbox.messages(application_id=app_id, limit=50)
    chosen = next((m for m in messages if m.label == "rejection"), None) or next(
        iter(messages), None
    )
    if chosen is None:
        return None, {}
    thread = ThreadRef(
        message_id=chosen.message_id,
        references=tuple(chosen.references or ()),
        subject=chosen.subject or None,
        from_addr=chosen.sender_addr or None,
    )
    return thread, dict(chosen.rejection or {}) if chosen.label == "rejection" else {}


def build_context(
    uow: UnitOfWork, app_id: int, topics: tuple[str, ...] = (), use_thread: bool = True
) -> DraftContext:
    """Everything the record says about an application, as the drafting code needs it."""
    app = uow.applications.get(app_id)
    contacts: dict[int, Contact] = {}
    for row, relation in uow.applications.contacts(app_id):
        contacts[row.id] = _contact(row, _role_for(relation, row.title))
    rounds: list[Round] = []
    notes: list[str] = []
    for iv in uow.interviews.list(app_id):
        people = uow.interviews.interviewers(iv.id)
        for person in people:
            contacts.setdefault(person.id, _contact(person, "interviewer"))
        kind = iv.kind.value if iv.kind is not None else None
        rounds.append(
            Round(
                kind=_KINDS.get(kind or "", kind),
                on=iv.scheduled_at.date() if iv.scheduled_at else None,
                interviewers=tuple(p.name for p in people if p.name),
                notes=iv.notes or None,
            )
        )
        notes.append(iv.notes or "")
    thread, reading = _thread(uow, app_id) if use_thread else (None, {})
    stage = reading.get("stage")
    profile = uow.profiles.get()
    return DraftContext(
        company=app.company.name,
        role=app.role,
        contacts=tuple(contacts.values()),
        rounds=tuple(rounds),
        discussed=topics or tuple(t for n in notes for t in discussed_topics(n)),
        stage=stage if stage in ("application", "interview") else None,
        door_open=reading.get("door_open"),
        thread=thread,
        profile=Profile(
            name=profile.name or None,
            email=profile.email or None,
            signature=profile.signature or None,
            skills=tuple(profile.skills or ()),
        ),
        applied_on=app.applied_on,
    )


def default_language(uow: UnitOfWork) -> Language:
    language = uow.profiles.get().language
    return language if language in LANGUAGES else "en"


def _checked(make: Callable[..., Draft], *args: Any) -> Draft:
    try:
        return make(*args)
    except ValueError as exc:
        raise UserInputError(str(exc)) from None


def draft_for_application(
    uow: UnitOfWork,
    app_id: int,
    options: DraftOptions,
    topics: tuple[str, ...] = (),
    *,
    door_open: bool | None = None,
    stage: str | None = None,
) -> tuple[Draft, DraftContext]:
    """The reply to a rejection, drafted from what the record holds.

    `door_open` and `stage` let the user say what a rejection that was not imported said.
    """
    ctx = build_context(uow, app_id, topics)
    if door_open is not None or stage is not None:
        if stage is not None and stage not in ("application", "interview"):
            raise UserInputError(f"Unknown stage {stage!r}; use application or interview.")
        ctx = DraftContext(**{
            **ctx.__dict__,
            "door_open": ctx.door_open if door_open is None else door_open,
            "stage": ctx.stage if stage is None else stage,
        })  # fmt: skip
    return _checked(draft_reply, ctx, options), ctx


def followup_for_application(
    uow: UnitOfWork, app_id: int, options: DraftOptions, step: int | None = None
) -> tuple[Draft, DraftContext]:
    """After silence: the first follow-up, or the closing note once a follow-up went out."""
    ctx = build_context(uow, app_id)
    if step is None:
        # A follow-up sent from here, or one the user marked as sent from their own mail.
        followed = bool(uow.respond.sent(app_id, kinds=("followup",)))
        step = 2 if followed or app_id in uow.inbox.follow_ups() else 1
    return _checked(draft_followup, ctx, options, step), ctx


def thanks_for_interview(
    uow: UnitOfWork, interview_id: int, options: DraftOptions, topics: tuple[str, ...] = ()
) -> tuple[Draft, DraftContext, int]:
    """A thank-you note for one interview round; returns the application id too."""
    iv = uow.interviews.get(interview_id)
    ctx = build_context(uow, iv.application_id, topics, use_thread=False)
    index = [r.id for r in uow.interviews.list(iv.application_id)].index(iv.id)
    round_ = ctx.rounds[index]
    if not topics:
        own = tuple(discussed_topics(iv.notes or ""))
        ctx = DraftContext(**{**ctx.__dict__, "discussed": own})
    return _checked(draft_thanks, ctx, options, round_), ctx, iv.application_id


@dataclass(frozen=True)
class Recorded:
    """What recording a sent message did."""

    sent_id: int
    reminder_due: date | None


def record_sent(
    uow: UnitOfWork,
    app_id: int,
    draft: Draft,
    *,
    message_id: str | None,
    channel: str,
    clock: Clock = system_clock,
    interview_id: int | None = None,
    follow_up_days: int = DEFAULT_FOLLOW_UP_WORKING_DAYS,
) -> Recorded:
    """Put a sent message on the timeline and schedule a gentle follow-up if nothing comes."""
    from nextround.services.applications import add_note
    from nextround.services.inbox import remember_sent
    from nextround.storage.tables.respond import FollowUpReminder, SentReply

    now: datetime = clock()
    row = SentReply(
        owner_id=uow.owner_id, application_id=app_id, interview_id=interview_id,
        kind=draft.kind, channel=channel, subject=draft.subject[:1000], body=draft.body,
        to_addr=", ".join(draft.to)[:320], message_id=message_id, language=draft.language,
        parts=list(draft.parts), sent_at=now, created_at=now,
    )  # fmt: skip
    uow.respond.add(row)
    recipient = f" to {', '.join(draft.to)}" if draft.to else ""
    add_note(uow, app_id, f"Sent {KIND_LABELS.get(draft.kind, 'message')}{recipient}: "
             f"{draft.subject}", source="respond", clock=clock)  # fmt: skip
    if message_id:
        remember_sent(uow, app_id, message_id, clock, follow_up=draft.kind == "followup")
    for earlier in uow.respond.reminders(state="pending", app_id=app_id):
        earlier.state = "done"
    # A rejection that left the door open puts its company on the watch list now, so the
    # digest can bring it back in three months even if the list is never opened.
    from nextround.services.watch import refresh

    refresh(uow, clock)
    due = None
    if draft.kind != "close" and follow_up_days > 0:
        due = add_working_days(now.date(), follow_up_days)
        reminder = FollowUpReminder(
            owner_id=uow.owner_id, application_id=app_id, sent_id=row.id, due_on=due,
            created_at=now,
        )  # fmt: skip
        uow.respond.add(reminder)
    return Recorded(sent_id=int(row.id), reminder_due=due)


def due_reminders(uow: UnitOfWork, clock: Clock = system_clock) -> list[dict[str, Any]]:
    """Follow-ups due today or earlier; an answer received since the message settles one."""
    today = clock().date()
    heard = uow.inbox.last_heard()
    sent = {s.id: s for s in uow.respond.sent()}
    due: list[dict[str, Any]] = []
    for reminder in uow.respond.reminders(state="pending"):
        origin = sent.get(reminder.sent_id) if reminder.sent_id else None
        answered = heard.get(reminder.application_id)
        if origin is not None and answered is not None and answered > origin.sent_at:
            reminder.state = "answered"
            continue
        if reminder.due_on > today:
            continue
        app = uow.applications.get(reminder.application_id)
        due.append({
            "kind": "follow_up", "id": reminder.id, "application_id": app.id,
            "company": app.company.name, "role": app.role, "due_on": reminder.due_on.isoformat(),
            "sent_subject": origin.subject if origin else "",
            "sent_on": origin.sent_at.date().isoformat() if origin else None,
        })  # fmt: skip
    return due


THANKS_WINDOW_DAYS = 2  # a thank-you note is worth sending within a day or two


def thanks_due(uow: UnitOfWork, clock: Clock = system_clock) -> list[dict[str, Any]]:
    """Interview rounds of the last two days with no thank-you note sent yet."""
    now = clock()
    thanked = {s.interview_id for s in uow.respond.sent(kinds=("thanks_note",)) if s.interview_id}
    due: list[dict[str, Any]] = []
    for iv in uow.interviews.list(upcoming_after=now - timedelta(days=THANKS_WINDOW_DAYS)):
        if iv.id in thanked or iv.scheduled_at is None or iv.scheduled_at > now:
            continue
        app = uow.applications.get(iv.application_id)
        if app.status.is_ending:
            continue  # after a rejection the reply to it says thank you
        due.append({
            "kind": "thanks", "id": iv.id, "application_id": app.id,
            "company": app.company.name, "role": app.role,
            "due_on": (iv.scheduled_at + timedelta(days=1)).date().isoformat(),
            "sent_subject": "", "sent_on": None,
        })  # fmt: skip
    return due


def dismiss_reminder(uow: UnitOfWork, reminder_id: int) -> None:
    uow.respond.reminder(reminder_id).state = "dismissed"


def sender_for(uow: UnitOfWork, account_from: str | None) -> tuple[str, str | None]:
    """The From address and name: the SMTP account's address, else the profile's."""
    profile = uow.profiles.get()
    address = account_from or profile.email
    if not address:
        raise ConfigError(
            "No sender address is known.",
            hint="Set your email with `nextround profile --email you@example.org` "
            "or NEXTROUND_SMTP_FROM.",
        )
    return address, profile.name or None


def message_for(
    uow: UnitOfWork, draft: Draft, ctx: DraftContext, *, clock: Clock = system_clock,
    from_address: str | None = None, to: tuple[str, ...] | None = None,
    require_recipient: bool = True,
) -> Any:
    """The RFC 5322 message for a draft, threaded under the imported email when there is one."""
    from nextround.mail.compose import Sender, build_message

    address, name = sender_for(uow, from_address)
    thread = ctx.thread if draft.kind in ("reply", "followup", "close") else None
    return build_message(draft, Sender(address, name), now=clock(), thread=thread, to=to,
                         require_recipient=require_recipient)


def send_draft(
    uow: UnitOfWork,
    app_id: int,
    draft: Draft,
    ctx: DraftContext,
    *,
    account: Any,
    password: Any,
    clock: Clock = system_clock,
    interview_id: int | None = None,
    to: tuple[str, ...] | None = None,
    follow_up_days: int = DEFAULT_FOLLOW_UP_WORKING_DAYS,
) -> tuple[Recorded, list[str]]:
    """Send through the user's SMTP account, then record it; nothing is recorded on failure."""
    from nextround.errors import ConflictError
    from nextround.mail.smtp import send

    now = clock()
    recent = [s for s in uow.respond.sent() if s.channel == "smtp"
              and now - s.sent_at < timedelta(hours=1)]  # fmt: skip
    if len(recent) >= MAX_SENDS_PER_HOUR:
        raise ConflictError(
            f"{len(recent)} messages were sent in the last hour, the most nextround sends.",
            hint="Wait a little, or send from your mail program with --eml.",
        )
    msg = message_for(uow, draft, ctx, clock=clock, from_address=account.from_address, to=to)
    accepted = send(msg, account, password)
    sent = Draft(**{**draft.__dict__, "to": tuple(accepted)})
    recorded = record_sent(
        uow, app_id, sent, message_id=str(msg["Message-ID"]), channel="smtp", clock=clock,
        interview_id=interview_id, follow_up_days=follow_up_days,
    )  # fmt: skip
    return recorded, accepted
