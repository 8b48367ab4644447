"""Company and role names read from job-search email (English and French)."""

from __future__ import annotations

import re

# Applicant-tracking and free-mail domains say nothing about the employer.
ATS_DOMAINS = (
    "greenhouse.io",
    "greenhouse-mail.io",
    "lever.co",
    "hire.lever.co",
    "myworkday.com",
    "myworkdayjobs.com",
    "workday.com",
    "ashbyhq.com",
    "smartrecruiters.com",
    "icims.com",
    "workablemail.com",
    "workable.com",
    "jobvite.com",
    "taleo.net",
    "successfactors.com",
    "successfactors.eu",
    "bamboohr.com",
    "recruitee.com",
    "teamtailor.com",
    "personio.de",
    "breezy.hr",
    "jazzhr.com",
    "applytojob.com",
    "welcometothejungle.com",
    "linkedin.com",
    "indeed.com",
    "glassdoor.com",
    "hackerrank.com",
    "codility.com",
    "codesignal.com",
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "icloud.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.de",
    "orange.fr",
    "free.fr",
    "wanadoo.fr",
    "sendgrid.net",
    "mailchimp.com",
    "mandrillapp.com",
    "amazonses.com",
    "hirevue.com",
)
_SUFFIXES = re.compile(
    r"\s*(?:[-|,:]\s*)?\b(?:careers?|recruiting|recruitment|recrutement|"
    r"talent(?: acquisition| team)?|hiring(?: team)?|hr|human resources|"
    r"people(?: team| ops)?|jobs|team|notifications?|"
    r"no-?reply|via \w+|ressources humaines|rh|équipe)\b.*$",
    re.IGNORECASE,
)
_NAME = r"[A-Z0-9][\w&'.\-]*(?:\s(?:[A-Z0-9][\w&'.\-]*|&|of|de|du|des|and|et))*"
# A job title: capitalised words, with small joiners and punctuation inside.
_TITLE = r"[A-Z][\w/&+#.()'\-]*(?:,? (?:[A-Z0-9(][\w/&+#.()'\-]*|of|and|for|in|de|&|/|-|–|I|II|III))*"
_COMPANY_CUES = [
    re.compile(
        r"\b(?:interest in|for considering|applying to|applied to|application to|applying at|"
        r"interest in joining|interest in working (?:at|with|for)|joining|to join|"
        r"careers at|opportunities at|position at|role at|job at|positions at|"
        r"roles at|team at|opening at|opportunity at|work(?:ing)? at|here at)"
        rf" (?:the )?(?P<c>{_NAME})"
    ),
    re.compile(rf"\b(?:the|our) (?P<c>{_NAME}) (?:team|recruiting team|talent team|hiring team|family)\b"),
    re.compile(
        rf"\b(?P<c>{_NAME}) "
        r"(?:talent acquisition|recruiting|recruitment team|hiring team|careers)\b"
    ),
    re.compile(rf"\b(?:chez|rejoindre|au sein de|l'équipe|intérêt pour) (?P<c>{_NAME})"),
]
_ROLE_CUES = [
    re.compile(
        r"\b(?:position|role|job|opening|vacancy|poste) (?:of|as|de|d'|:)\s?"
        r"(?P<r>[A-Za-zÀ-ÿ0-9][\w/&+#.,()' \-]{2,70}?)"
        r"(?= at | with | in | chez | au sein| et | en | pour | dans | à | au | qui | que |[.,;!]|$)"
    ),
    re.compile(
        rf"\b(?:for|to|in|on|the) (?:the |our |this |your |a |an )?"
        rf"(?P<r>{_TITLE}) (?:position|role|opening|job|vacancy|opportunity)\b"
    ),
    re.compile(
        rf"\b(?:application|applying|applied|candidacy|candidature|interest) (?:for|pour) "
        rf"(?:the |our |this |a |an |le |la )?(?P<r>{_TITLE})"
        r"(?= at | with | chez |[.,;!]|$| position| role)"
    ),
]
_ROLE_WORD = re.compile(
    r" (?:position|role|opening|job|vacancy|opportunity|internship|scheme|program|programme)\b"
)
_GENERIC_ROLE = re.compile(r"^(?:the|this|our|your|a|an|position|role|job|opportunity|open)$", re.I)


def _tidy(name: str) -> str | None:
    name = name.strip(" .,;:!-'\"")
    name = re.sub(r"^(?:the|la|le|les)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"(?:\s+(?:&|of|de|du|des|and|et))+$", "", name)
    if len(name) < 2 or len(name) > 60:
        return None
    if name.lower() in {"we", "you", "our", "us", "i", "it", "this", "that", "team", "hi", "dear"}:
        return None
    return name


def company_from_sender(name: str, addr: str) -> str | None:
    """The employer from a sender like "Acme Careers <jobs@acme.com>"."""
    display = name.strip().strip('"')
    if display and _SUFFIXES.search(display):
        cleaned = _tidy(_SUFFIXES.sub("", display))
        if cleaned:
            return cleaned
    domain = addr.rpartition("@")[2].lower()
    if not domain or any(domain == d or domain.endswith("." + d) for d in ATS_DOMAINS):
        return None
    # "Harbor Analytics <careers@harboranalytics.com>": the display name spells the domain.
    squeezed = re.sub(r"[^a-z0-9]", "", display.lower())
    if squeezed and len(squeezed) > 2 and squeezed in domain.replace("-", ""):
        return _tidy(display)
    labels = [p for p in domain.split(".") if p]
    if len(labels) < 2:
        return None
    core = labels[-2] if len(labels[-2]) > 3 or len(labels) < 3 else labels[-3]
    if core in {"mail", "email", "jobs", "careers", "hr", "recruiting", "talent", "co", "com"}:
        core = labels[-3] if len(labels) >= 3 else core
    return core.capitalize() if core else None


def extract_company(sentences: list[str], sender_name: str = "", sender_addr: str = "") -> str | None:
    """Company named in the text, else in the sender name or domain."""
    for sentence in sentences[:40]:
        for cue in _COMPANY_CUES:
            for found in cue.finditer(sentence):
                # "applying to the Backend Engineer position" names a role, not a company.
                if _ROLE_WORD.match(sentence, found.end()):
                    continue
                name = _tidy(found.group("c"))
                if name and not name.lower().startswith(("us", "our team")):
                    return name
    return company_from_sender(sender_name, sender_addr)


def extract_role(sentences: list[str], company: str | None = None) -> str | None:
    """The job title the message is about, when it is named."""
    for sentence in sentences[:40]:
        for cue in _ROLE_CUES:
            found = cue.search(sentence)
            if found:
                role = found.group("r").strip(" .,;:-'\"")
                role = re.sub(r"^(?:the|our|this|your|a|an|le|la)\s+", "", role, flags=re.I)
                if company and role.lower() == company.lower():
                    continue
                if 2 < len(role) <= 70 and not _GENERIC_ROLE.match(role):
                    return role
    return None
