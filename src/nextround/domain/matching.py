"""Match an incoming job email to a tracked application, with the evidence for the choice."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from email.utils import parseaddr

# Applicant-tracking systems send on a company's behalf from their own domains, so the
# sender domain says nothing about the employer; the display name or local part does.
ATS_DOMAINS: dict[str, str] = {
    "greenhouse.io": "Greenhouse",
    "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever",
    "hire.lever.co": "Lever",
    "myworkday.com": "Workday",
    "workday.com": "Workday",
    "myworkdayjobs.com": "Workday",
    "ashbyhq.com": "Ashby",
    "ashby.io": "Ashby",
    "smartrecruiters.com": "SmartRecruiters",
    "smartrecruitersmail.com": "SmartRecruiters",
    "icims.com": "iCIMS",
    "workable.com": "Workable",
    "workablemail.com": "Workable",
}
# ATSs whose local part names the customer (e.g. acme@myworkday.com).
_TENANT_LOCAL_PART = {"Workday", "iCIMS", "SmartRecruiters"}
_GENERIC_LOCAL = re.compile(
    r"^(no-?reply|do-?not-?reply|donotreply|notifications?|jobs|careers|recruiting|talent|"
    r"hr|hiring|candidates?|apply|system|mailer|info|team|autoreply)([+.\-_].*)?$"
)
# Words around a company name in a sender's display name ("Acme Hiring Team").
_NAME_NOISE = re.compile(
    r"\b(hiring|recruiting|recruitment|recruiter|talent( acquisition)?|team|careers?|jobs|"
    r"people|hr|human resources|via \w+|at|no-?reply|notifications?|the|candidate experience|"
    r"recrutement|équipe|equipe|ressources humaines|rh|carrières|carrieres|emplois?)\b",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(
    r"\b(inc|incorporated|llc|ltd|limited|plc|corp|corporation|co|company|gmbh|ag|sa|sas|sarl|"
    r"bv|nv|ab|oy|as|srl|spa|pty|group|holdings?|technologies|labs?)\b\.?",
    re.IGNORECASE,
)
_FREE_MAIL = {
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "yahoo",
    "icloud",
    "proton",
    "live",
    "protonmail",
    "gmx",
    "orange",
    "free",
    "laposte",
    "wanadoo",
    "aol",
    "mail",
}
_TWO_LEVEL_TLDS = {"co.uk", "org.uk", "ac.uk", "com.au", "co.jp", "co.nz", "com.br", "co.in"}
_ROLE_STOP = {
    "a", "an", "the", "of", "for", "and", "at", "in", "to", "role", "position", "job", "h", "f",
    "m", "x", "w", "d", "de", "du", "des", "le", "la", "les", "en", "poste", "un", "une", "et",
}  # fmt: skip
_ROLE_ALIASES = {
    "sr": "senior", "jr": "junior", "eng": "engineer", "engr": "engineer", "dev": "developer",
    "swe": "software engineer", "mgr": "manager", "ingenieur": "engineer", "ingenieure": "engineer",
    "developpeur": "developer", "developpeuse": "developer", "stagiaire": "intern",
    "stage": "intern", "alternance": "apprentice", "chef": "lead", "responsable": "manager",
    "logiciel": "software", "donnees": "data", "analyste": "analyst", "internship": "intern",
}  # fmt: skip
MATCH_THRESHOLD = 0.5


@dataclass(frozen=True)
class AppRef:
    """What matching needs to know about one tracked application."""

    id: str
    company: str
    role: str = ""
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    thread_ids: frozenset[str] = frozenset()
    active: bool = True


@dataclass(frozen=True)
class MessageFacts:
    """What matching needs to know about one message."""

    sender: str
    subject: str = ""
    text: str = ""
    company: str | None = None
    role: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchResult:
    app_id: str | None
    score: float
    evidence: tuple[str, ...]
    company: str | None  # the employer this message is about, as best we can tell
    ambiguous: bool = False


@dataclass
class _Score:
    app: AppRef
    points: float = 0.0
    evidence: list[str] = field(default_factory=list)

    def add(self, points: float, why: str) -> None:
        self.points += points
        self.evidence.append(why)


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def company_key(name: str) -> str:
    """A company name reduced to what identifies it: "ACME, Inc." -> "acme"."""
    folded = fold(_LEGAL_SUFFIX.sub(" ", fold(name)))
    return folded or fold(name)


def sender_address(sender: str) -> str:
    return parseaddr(sender)[1].strip().lower()


def registrable_domain(domain: str) -> str:
    parts = domain.lower().strip(".").split(".")
    if len(parts) >= 3 and ".".join(parts[-2:]) in _TWO_LEVEL_TLDS:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def ats_for(address: str) -> str | None:
    """The applicant-tracking system behind a sender address, if any."""
    domain = address.rpartition("@")[2].lower()
    labels = domain.split(".")
    for i in range(len(labels) - 1):
        name = ATS_DOMAINS.get(".".join(labels[i:]))
        if name:
            return name
    return None


def sender_company(sender: str) -> tuple[str | None, str]:
    """Guess the employer from a From header, seeing through ATS relays.

    Returns the name and where it came from: "name" (display name), "tenant" (an ATS
    address naming its customer), "domain" (the sender's own domain) or "" (no guess).
    """
    name, address = parseaddr(sender)
    address = address.lower()
    local, _, domain = address.partition("@")
    ats = ats_for(address)
    cleaned = _NAME_NOISE.sub(" ", name)
    cleaned = re.sub(r"[\s\-|,:@]+", " ", cleaned).strip(" -|")
    if ats:
        if cleaned and fold(cleaned) not in {fold(a) for a in ATS_DOMAINS.values()}:
            return cleaned, "name"
        if ats in _TENANT_LOCAL_PART and local and not _GENERIC_LOCAL.match(local):
            return re.split(r"[+._\-]", local)[0] or None, "tenant"
        return None, ""
    base = registrable_domain(domain).split(".")[0] if domain else ""
    if not base or base in _FREE_MAIL:
        return None, ""  # a person writing from a personal address names no employer
    # A display name is often a person's name; trust it only where it spells the domain.
    if cleaned and fold(cleaned).replace(" ", "") == base:
        return cleaned, "name"
    return base, "domain"


def company_from_sender(sender: str) -> str | None:
    return sender_company(sender)[0]


def best_company(sender: str, extracted: str | None) -> str | None:
    """The employer's name: the text's spelling when the sender agrees, else the sender's."""
    guess, source = sender_company(sender)
    if extracted and guess:
        a, b = company_key(extracted), company_key(guess)
        if a and b and (a == b or _similar_name(a, b) or a.replace(" ", "") in b.replace(" ", "")):
            return extracted
        return guess if source in {"name", "tenant"} else extracted
    return extracted or (guess.capitalize() if source == "domain" and guess else guess)


def sender_key(sender: str) -> str:
    """Key under which a user's correction is remembered for this sender."""
    address = sender_address(sender)
    if ats_for(address):
        company = company_from_sender(sender)
        return f"ats:{fold(ats_for(address) or '')}:{company_key(company or address)}"
    return "domain:" + registrable_domain(address.rpartition("@")[2])


def role_tokens(role: str) -> set[str]:
    words: list[str] = []
    for word in fold(role).split():
        words.extend(_ROLE_ALIASES.get(word, word).split())
    return {w for w in words if w not in _ROLE_STOP and not w.isdigit()}


def role_similarity(a: str, b: str) -> float:
    """0..1: how alike two job titles are, by shared words first and spelling second."""
    ta, tb = role_tokens(a), role_tokens(b)
    if not ta or not tb:
        return 0.0
    overlap = len(ta & tb) / min(len(ta), len(tb))
    jaccard = len(ta & tb) / len(ta | tb)
    spelling = SequenceMatcher(None, " ".join(sorted(ta)), " ".join(sorted(tb))).ratio()
    return max(0.6 * overlap + 0.4 * jaccard, spelling * 0.8)


def _names(app: AppRef) -> list[str]:
    return [k for k in (company_key(n) for n in (app.company, *app.aliases)) if k]


def _name_in_text(key: str, text: str) -> bool:
    return bool(key) and len(key) >= 3 and f" {key} " in f" {text} "


def _app_domain_match(app: AppRef, domain: str) -> bool:
    reg = registrable_domain(domain)
    if any(registrable_domain(d) == reg for d in app.domains):
        return True
    base = reg.split(".")[0]
    return any(key.replace(" ", "") == base for key in _names(app))


def match(
    message: MessageFacts,
    apps: Sequence[AppRef],
    learned: Mapping[str, str] | None = None,
) -> MatchResult:
    """Pick the application this message is about, or none, and say why."""
    address = sender_address(message.sender)
    domain = address.rpartition("@")[2]
    ats = ats_for(address)
    thread = {i.strip() for i in (message.in_reply_to, *message.references) if i and i.strip()}
    remembered = (learned or {}).get(sender_key(message.sender))
    company = remembered or best_company(message.sender, message.company)
    # Both the text's company and the sender's are tried: either may be the right one.
    keys = {
        company_key(c) for c in (company, message.company, company_from_sender(message.sender)) if c
    }
    keys.discard("")
    haystack = fold(f"{message.subject} {message.text[:3000]}")

    scores: list[_Score] = []
    for app in apps:
        s = _Score(app)
        if thread & app.thread_ids:
            s.add(2.0, "a reply in an email thread of this application")
        names = _names(app)
        if remembered and company_key(remembered) in names:
            s.add(1.0, f"you matched this sender to {app.company} before")
        elif keys & set(names):
            s.add(0.6, f"company {app.company!r} named by the sender or the email")
        elif any(_similar_name(k, n) for k in keys for n in names):
            s.add(0.45, f"company name close to {app.company!r}")
        if not ats and domain and _app_domain_match(app, domain):
            s.add(0.5, f"sent from {app.company}'s domain {registrable_domain(domain)}")
        if not s.points and any(_name_in_text(n, haystack) for n in names):
            s.add(0.3, f"{app.company} is mentioned in the email")
        if s.points and app.role and message.role:
            sim = role_similarity(app.role, message.role)
            if sim >= 0.5:
                s.add(0.3 * sim, f"role {message.role!r} is like {app.role!r} ({sim:.0%})")
        elif s.points and app.role and _name_in_text(fold(app.role), haystack):
            s.add(0.2, f"role {app.role!r} is mentioned in the email")
        if s.points and app.active:
            s.add(0.05, "the application is still open")
        if s.points:
            scores.append(s)
    scores.sort(key=lambda s: s.points, reverse=True)
    if not scores or scores[0].points < MATCH_THRESHOLD:
        weak = (f"sent through {ats}",) if ats else ()
        return MatchResult(None, scores[0].points if scores else 0.0, weak, company)
    best = scores[0]
    ambiguous = len(scores) > 1 and scores[1].points >= best.points - 0.02
    evidence = list(best.evidence)
    if ats:
        evidence.append(f"sent through {ats}")
    return MatchResult(best.app.id, min(best.points, 1.0), tuple(evidence), company, ambiguous)


def _similar_name(a: str, b: str) -> bool:
    if len(a) < 3 or len(b) < 3:
        return False
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    wa, wb = set(a.split()), set(b.split())
    if wa and wb and (wa <= wb or wb <= wa) and min(len(a), len(b)) >= 4:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.88


def thread_ids(values: Iterable[str | None]) -> frozenset[str]:
    """Normalise Message-IDs for thread matching (angle brackets kept, spaces removed)."""
    return frozenset(v.strip() for v in values if v and v.strip())
