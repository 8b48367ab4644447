"""Export a reflection (one round or a period) as Markdown, HTML or PDF; notes from mentors."""

from __future__ import annotations

import io
import random
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextround.errors import NotFoundError, UserInputError
from nextround.services.clock import Clock, system_clock

if TYPE_CHECKING:
    from nextround.storage.uow import UnitOfWork

# What a reflection can hold. The journal is not among them, by design: it is private.
SECTIONS = ("questions", "chart", "went_well", "improve", "interviewers", "stories", "growth",
            "fit", "notes")
FORMATS = ("md", "html", "pdf")


def _texts() -> dict[str, Any]:
    from nextround.data import load_toml

    return load_toml("reflect/share.toml")


def parse_include(values: Iterable[str]) -> tuple[str, ...]:
    chosen = [v.strip() for item in values for v in item.split(",") if v.strip()]
    if not chosen:
        return SECTIONS
    unknown = [c for c in chosen if c not in SECTIONS]
    if unknown:
        raise UserInputError(f"Unknown section(s): {', '.join(unknown)}.",
                             "Choose from: " + ", ".join(SECTIONS) + ".")
    return tuple(s for s in SECTIONS if s in chosen)


def _chart_svg(rows: list[dict[str, Any]]) -> str | None:
    rated = [r for r in rows if r["difficulty"] and r["answer_quality"]]
    if not rated:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = [r["text"] if len(r["text"]) <= 38 else r["text"][:35] + "..." for r in rated]
    fig = Figure(figsize=(7, 0.45 * len(rated) + 1.2))
    ax = fig.add_subplot()
    y = list(range(len(rated)))
    ax.barh([v - 0.2 for v in y], [r["difficulty"] for r in rated], height=0.4,
            label="How hard", color="#c0504d")
    ax.barh([v + 0.2 for v in y], [r["answer_quality"] for r in rated], height=0.4,
            label="How well it went", color="#4f81bd")
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 5)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    return svg[svg.find("<svg"):]


def build(uow: UnitOfWork, round_id: int | None, since: date | None,
          include: tuple[str, ...] = SECTIONS, seed: int | None = None) -> dict[str, Any]:
    """The reflection as data: a title and the chosen sections, in order."""
    from nextround.domain.question_bank import load_bank
    from nextround.services.fit import scorecard
    from nextround.services.stories import story_dict

    texts = _texts()
    h = texts["headings"]
    if (round_id is None) == (since is None):
        raise UserInputError("Choose one round (--round ID) or a period (--since DATE).")
    if round_id is not None:
        iv = uow.interviews.get(round_id)
        d = uow.reflect.debrief_for(round_id)
        if d is None:
            raise NotFoundError(f"Round #{round_id} has no debrief yet.",
                                f"Write one with `nextround debrief {round_id}`.")
        rounds = [(d, iv)]
        app = uow.applications.get(iv.application_id)
        when = iv.scheduled_at.date().isoformat() if iv.scheduled_at else ""
        title = h["title_round"].format(company=app.company.name, role=app.role,
                                        kind=iv.kind.value, date=when)
    else:
        assert since is not None
        rounds = uow.reflect.debriefs(since)
        title = h["title_period"].format(date=since.isoformat())
    apps = {a.id: a for a in uow.applications.all()}
    many = len(rounds) > 1

    def label(iv: Any, text: str) -> str:
        return f"{apps[iv.application_id].company.name}: {text}" if many else text

    questions: list[dict[str, Any]] = []
    for d, iv in rounds:
        for a in uow.reflect.asked_in(d.id):
            questions.append({"text": label(iv, a.text), "difficulty": a.difficulty,
                              "answer_quality": a.answer_quality, "notes": a.notes,
                              "key": a.group_key, "canonical_id": a.canonical_id})
    sections: list[dict[str, Any]] = []
    for name in include:
        if name == "questions":
            sections.append({"kind": "questions", "heading": h["questions"], "rows": questions,
                             "empty": texts["lines"]["no_questions"]})
        elif name == "chart":
            svg = _chart_svg(questions)
            if svg:
                sections.append({"kind": "chart", "heading": h["chart"], "svg": svg})
        elif name in ("went_well", "improve", "interviewers"):
            field = {"went_well": "went_well", "improve": "do_differently",
                     "interviewers": "cared_about"}[name]
            rows = [label(iv, getattr(d, field)) for d, iv in rounds if getattr(d, field)]
            if rows:
                sections.append({"kind": "text", "heading": h[name], "rows": rows})
        elif name == "stories":
            keys = {q["key"] for q in questions}
            chosen = [story_dict(s, with_check=False) for s in uow.reflect.stories()
                      if keys & set(s.questions)]
            if chosen:
                sections.append({"kind": "stories", "heading": h["stories"], "rows": chosen})
        elif name == "growth":
            bank = load_bank()
            counts: Counter[str] = Counter()
            for q in questions:
                weak = (q["answer_quality"] or 5) <= 2 or (q["difficulty"] or 0) >= 4
                entry = bank.get(q["canonical_id"]) if q["canonical_id"] else None
                if weak and entry:
                    counts.update(entry.competencies)
            if counts:
                sections.append({"kind": "list", "heading": h["growth"],
                                 "intro": texts["lines"]["growth_intro"],
                                 "rows": [c.replace("-", " ") for c, _ in counts.most_common(6)]})
        elif name == "fit":
            fits: list[str] = []
            for app_id in dict.fromkeys(iv.application_id for _, iv in rounds):
                card = scorecard(uow, app_id)
                if card["summary"]:
                    fits.append(f"{card['company']}: {card['summary']}" if many
                                else card["summary"])
            if fits:
                sections.append({"kind": "text", "heading": h["fit"], "rows": fits})
        elif name == "notes":
            notes = uow.reflect.notes([iv.id for _, iv in rounds])
            if notes:
                sections.append({"kind": "notes", "heading": h["notes"], "rows": [
                    {"text": n.text, "source": n.source,
                     "date": n.created_at.date().isoformat()} for n in notes]})
    rng = random.Random(seed if seed is not None else round_id or 0)
    return {"title": title, "intro": rng.choice(texts["lines"]["intro"]),
            "sections": sections, "footer": texts["lines"]["footer"]}


def to_markdown(r: dict[str, Any]) -> str:
    out = [f"# {r['title']}", "", f"_{r['intro']}_", ""]
    for s in r["sections"]:
        if s["kind"] == "chart":
            continue  # an SVG chart has no Markdown form; the HTML and PDF carry it
        out += [f"## {s['heading']}", ""]
        if s["kind"] == "questions":
            if not s["rows"]:
                out.append(s["empty"])
            else:
                out += ["| Question | Hard (1-5) | Went (1-5) | Notes |", "|---|---|---|---|"]
                out += [f"| {_cell(q['text'])} | {q['difficulty'] or ''} | "
                        f"{q['answer_quality'] or ''} | {_cell(q['notes'])} |" for q in s["rows"]]
        elif s["kind"] == "stories":
            for st in s["rows"]:
                out += [f"### {st['title']}", ""]
                for part in ("situation", "task", "action", "result", "learned"):
                    if st[part]:
                        out.append(f"- **{part.capitalize()}:** {st[part]}")
                out.append("")
        elif s["kind"] == "list":
            out += [s["intro"], ""] + [f"- {item}" for item in s["rows"]]
        elif s["kind"] == "notes":
            out += [f"> {n['text']}\n>\n> — {n['source']}, {n['date']}\n" for n in s["rows"]]
        else:
            out += [f"{p}\n" for p in s["rows"]]
        out.append("")
    out += ["---", f"_{r['footer']}_", ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_html(r: dict[str, Any]) -> str:
    from jinja2 import Environment, select_autoescape

    from nextround.data import read_text

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(read_text("reflect/reflection.html.j2")).render(r=r)


def export(r: dict[str, Any], fmt: str, out: Path) -> Path:
    if fmt not in FORMATS:
        raise UserInputError(f"Unknown format '{fmt}'.", "Use md, html or pdf.")
    if fmt == "md":
        out.write_text(to_markdown(r), encoding="utf-8")
    elif fmt == "html":
        out.write_text(to_html(r), encoding="utf-8")
    else:
        from weasyprint import HTML

        HTML(string=to_html(r)).write_pdf(str(out))
    return out


def add_note(uow: UnitOfWork, source: str, text: str, round_id: int | None,
             clock: Clock = system_clock) -> int:
    """Feedback from a mentor or peer, kept with who said it."""
    from nextround.storage.tables.reflect import ReflectionNote

    if not source.strip():
        raise UserInputError("Say who the feedback is from.", "Use --from 'Name'.")
    if not text.strip():
        raise UserInputError("The note is empty.")
    if round_id is not None:
        uow.interviews.get(round_id)
    row = uow.reflect.add(ReflectionNote(owner_id=uow.owner_id, interview_id=round_id,
                                         source=source.strip(), text=text.strip(),
                                         created_at=clock()))
    return int(row.id)
