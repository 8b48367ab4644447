"""Email HTML made safe to show (nh3) and turned into plain text (selectolax)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

MAX_HTML_CHARS = 2_000_000
# Past this nesting the sanitiser and the text extractor are given flat text instead:
# pathological nesting is an attack, not a layout.
MAX_TAG_DEPTH = 400

# Block ends become paragraph breaks (a blank line) so that sentences of separate blocks
# are never read as one; <br> is a line break inside a paragraph.
_BLOCK_TAGS = re.compile(r"(?i)<\s*(?:/p|/div|/tr|/li|/h[1-6]|/table|/blockquote|/td|/th)\b[^>]*>")
_BREAK_TAGS = re.compile(r"(?i)<\s*br\b[^>]*>")
_OPEN_TAG = re.compile(r"<\s*[a-zA-Z]")
_REMOTE = re.compile(r"(?i)\b(?:src|background|poster|srcset|href)\s*=\s*[\"']?\s*(?:https?:)?//")
_CSS_URL = re.compile(r"(?i)url\s*\(")

_SAFE_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_SAFE_ATTRS = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "table": {"border", "cellpadding", "cellspacing"},
    "*": {"dir", "lang"},
}


@dataclass(frozen=True, slots=True)
class SafeHtml:
    """Sanitised HTML and how many remote items were blocked on the way."""

    html: str
    blocked_remote: int


def _too_deep(html: str) -> bool:
    return len(_OPEN_TAG.findall(html, 0, 200_000)) > MAX_TAG_DEPTH * 20 and (
        html.count("<div") > MAX_TAG_DEPTH or html.count("<span") > MAX_TAG_DEPTH
    )


def _mark_link(tag: str, attr: str, value: str) -> str | None:
    if tag == "a" and attr == "href":
        lowered = value.strip().lower()
        if lowered.startswith(("https://", "http://", "mailto:")):
            return value
        return None
    return value


def sanitize_html(html: str) -> SafeHtml:
    """Remove scripts, styles, forms, images and every remote reference; keep links
    (marked with rel and target) so the page can show where they lead."""
    import nh3  # lazy: only the web view needs it

    html = html[:MAX_HTML_CHARS]
    blocked = len(_REMOTE.findall(html)) + len(_CSS_URL.findall(html))
    if _too_deep(html):
        text = html_to_text(html)
        return SafeHtml("<pre>" + escape(text) + "</pre>", blocked)
    cleaned = nh3.clean(
        html,
        tags=_SAFE_TAGS,
        attributes=_SAFE_ATTRS,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=_mark_link,
        set_tag_attribute_values={"a": {"target": "_blank", "data-external": "1"}},
    )
    # Links found in what remains are counted as kept, not blocked.
    blocked -= cleaned.count('href="http')
    return SafeHtml(cleaned, max(0, blocked))


def html_to_text(html: str) -> str:
    """Readable text from email HTML: scripts and styles dropped, blocks on new lines."""
    from selectolax.lexbor import LexborHTMLParser  # lazy: parsed only when needed

    html = html[:MAX_HTML_CHARS]
    if _too_deep(html):
        html = _OPEN_TAG.sub(" <", html)  # keep text, lose structure
        return re.sub(r"<[^>]*>", " ", html)[:MAX_HTML_CHARS].strip()
    # Block tags become line breaks first, so sentences in separate cells stay apart.
    html = _BLOCK_TAGS.sub(lambda m: m.group(0) + "\n\n", html)
    html = _BREAK_TAGS.sub(lambda m: m.group(0) + "\n", html)
    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "head", "title", "noscript", "template"])
    root = tree.body or tree.root
    if root is None:
        return ""
    text = root.text(separator=" ", strip=False)
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
