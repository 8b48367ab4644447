"""Set aside quoted earlier messages and signatures so only the new text is judged."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines that introduce the quoted earlier message in a reply (EN, FR, DE, ES, Outlook).
_ATTRIBUTION = re.compile(
    r"^\s*(?:"
    r"on\b.{0,200}\bwrote:?\s*$"
    r"|le\b.{0,200}\ba [ée]crit\s*:?\s*$"
    r"|am\b.{0,200}\bschrieb.{0,80}:?\s*$"
    r"|el\b.{0,200}\bescribi[óo]:?\s*$"
    r"|-{2,}\s*(?:original message|message d'origine|urspr[üu]ngliche nachricht)\s*-{2,}"
    r"|-{2,}\s*forwarded message\s*-{2,}"
    r"|_{10,}\s*$"
    r")",
    re.IGNORECASE,
)
# Outlook-style quoted header block: "From: ..." followed closely by "Sent:"/"Date:".
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|de|von)\s*:\*?\s", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(
    r"^\s*\*?(?:sent|date|envoy[ée]|gesendet|to|[àa]|subject|objet)\s*:", re.IGNORECASE
)
_SIGNATURE = re.compile(
    r"^(?:--\s?|__\s*|sent from my \w+.*|envoy[ée] de mon \w+.*|get outlook for \w+.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SplitText:
    """The new text of a message and what was set aside."""

    body: str
    quoted: str
    signature: str


def split_quotes(text: str) -> SplitText:
    """Split a plain-text body into new text, quoted replies and signature."""
    lines = text.splitlines()
    body: list[str] = []
    quoted: list[str] = []
    signature: list[str] = []
    cut = len(lines)
    for i, line in enumerate(lines):
        if _ATTRIBUTION.match(line) or (
            _OUTLOOK_FROM.match(line)
            and any(_OUTLOOK_NEXT.match(nxt) for nxt in lines[i + 1 : i + 4])
        ):
            cut = i
            break
    for line in lines[:cut]:
        if line.lstrip().startswith(">"):
            quoted.append(line)
        else:
            body.append(line)
    quoted.extend(lines[cut:])
    # A signature marker in the last third of a long body (or anywhere in a short one);
    # earlier markers are more likely part of the text.
    start = max(0, len(body) - 15)
    for i in range(start, len(body)):
        if _SIGNATURE.match(body[i].strip()) or body[i] in ("-- ", "--"):
            signature = body[i:]
            body = body[:i]
            break
    # Only leading signature-free text counts as new; keep it readable.
    return SplitText(
        "\n".join(body).strip(), "\n".join(quoted).strip(), "\n".join(signature).strip()
    )
