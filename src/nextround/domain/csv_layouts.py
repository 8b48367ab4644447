"""Column layouts of common job trackers' CSV exports, and how their statuses map to ours."""

from __future__ import annotations

from nextround.domain.applications import Status

FIELDS = (
    "company", "role", "status", "applied_on", "location", "url", "source", "salary_min",
    "salary_max", "salary_currency", "notes",
)
REQUIRED = ("company", "role")

# Header names (lower-case) that mean each of our fields, per layout.
LAYOUTS: dict[str, dict[str, tuple[str, ...]]] = {
    "generic": {
        "company": ("company", "company name", "employer", "organisation", "organization"),
        "role": ("role", "title", "job title", "position", "position title", "job position",
                 "job"),
        "status": ("status", "stage", "state"),
        "applied_on": ("applied_on", "date applied", "applied", "applied date",
                       "application date", "date"),
        "location": ("location", "city", "place"),
        "url": ("url", "link", "job url", "job link", "posting", "posting url"),
        "source": ("source", "found via", "channel"),
        "salary_min": ("salary_min", "salary min", "min salary", "salary"),
        "salary_max": ("salary_max", "salary max", "max salary"),
        "salary_currency": ("salary_currency", "currency"),
        "notes": ("notes", "note", "comments"),
    },
    "huntr": {
        "company": ("company", "company name"),
        "role": ("job title", "title", "position"),
        "status": ("list", "status", "stage"),
        "applied_on": ("date applied", "applied date", "created at", "date added"),
        "location": ("location",),
        "url": ("url", "job url", "job post url"),
        "source": ("source",),
        "salary_min": ("salary", "min salary"),
        "salary_max": ("max salary",),
        "salary_currency": ("currency", "salary currency"),
        "notes": ("notes", "description"),
    },
    "teal": {
        "company": ("company",),
        "role": ("job position", "position", "job title"),
        "status": ("status",),
        "applied_on": ("date applied", "applied date", "date saved"),
        "location": ("location",),
        "url": ("url", "job url", "posting url"),
        "source": ("source",),
        "salary_min": ("min salary", "salary"),
        "salary_max": ("max salary",),
        "salary_currency": ("currency",),
        "notes": ("notes",),
    },
}

# Status words used by other trackers, lower-case, mapped to our pipeline.
STATUS_WORDS: dict[str, Status] = {
    "wishlist": Status.SAVED, "bookmarked": Status.SAVED, "saved": Status.SAVED,
    "applying": Status.SAVED, "interested": Status.SAVED, "to apply": Status.SAVED,
    "applied": Status.APPLIED, "submitted": Status.APPLIED,
    "screening": Status.SCREENING, "phone screen": Status.SCREENING, "screen": Status.SCREENING,
    "interview": Status.INTERVIEWING, "interviewing": Status.INTERVIEWING,
    "offer": Status.OFFER, "negotiating": Status.OFFER, "offered": Status.OFFER,
    "accepted": Status.ACCEPTED, "hired": Status.ACCEPTED,
    "rejected": Status.REJECTED, "not selected": Status.REJECTED, "declined": Status.REJECTED,
    "ghosted": Status.GHOSTED, "no response": Status.GHOSTED,
    "withdrawn": Status.WITHDRAWN, "i withdrew": Status.WITHDRAWN, "withdrew": Status.WITHDRAWN,
    "closed": Status.CLOSED, "archived": Status.CLOSED, "position closed": Status.CLOSED,
    "cancelled": Status.CLOSED, "canceled": Status.CLOSED,
}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def detect_layout(headers: list[str]) -> str:
    """Pick the layout whose names match the most headers (ties go to generic)."""
    lowered = {h.strip().lower() for h in headers}
    best, best_score = "generic", -1
    for name in ("generic", "huntr", "teal"):
        score = sum(1 for names in LAYOUTS[name].values() if lowered & set(names))
        if name == "huntr" and "list" in lowered:
            score += 2
        if name == "teal" and "job position" in lowered:
            score += 2
        if score > best_score:
            best, best_score = name, score
    return best


def map_headers(headers: list[str], layout: str, overrides: dict[str, str]) -> dict[str, int]:
    """Our field -> column index. ``overrides`` maps our field to the CSV header to use."""
    lowered = [h.strip().lower() for h in headers]
    mapping: dict[str, int] = {}
    for field, header in overrides.items():
        if header.strip().lower() in lowered:
            mapping[field] = lowered.index(header.strip().lower())
    for field, names in LAYOUTS[layout].items():
        if field in mapping:
            continue
        for name in names:
            if name in lowered and lowered.index(name) not in mapping.values():
                mapping[field] = lowered.index(name)
                break
    return mapping


def status_from_text(text: str) -> Status | None:
    key = " ".join(text.strip().lower().replace("_", " ").split())
    if not key:
        return None
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    try:
        return Status(key.replace(" ", "_"))
    except ValueError:
        return None


def protect_cell(value: str) -> str:
    """Keep spreadsheet apps from running a cell as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unprotect_cell(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
