"""Use cases for questions: group any list, regroup a user's log, rank it, confirm or split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from nextround.domain.grouping import Band, EmbedFn, Group, GroupingResult, group_questions
from nextround.domain.question_bank import QuestionBank, load_bank
from nextround.domain.question_text import clean
from nextround.domain.questions import Asked, RankedQuestion, rank
from nextround.errors import UserInputError

if TYPE_CHECKING:
    from nextround.storage.uow import UnitOfWork

MAX_LINES = 100_000


def default_embed() -> EmbedFn:
    """The installed sentence model (or its lexical fallback), loaded on first call only."""
    from nextround.nlp.embedder import default_embedder

    return default_embedder().embed


@dataclass(frozen=True)
class LineGroups:
    result: GroupingResult
    bank: QuestionBank

    def as_json(self, detail: bool = False) -> dict[str, Any]:
        groups = []
        for g in self.result.groups:
            q = self.bank.get(g.canonical_id) if g.canonical_id else None
            item: dict[str, Any] = {"canonical": q.text if q else None, "members": g.members}
            if detail:
                item["canonical_id"] = g.canonical_id
                item["uncertain"] = g.uncertain
            groups.append(item)
        return {"groups": groups}


def group_lines(
    lines: Sequence[str], embed: EmbedFn, bank: QuestionBank | None = None
) -> LineGroups:
    """Group one question per line; blank lines stay alone, every line lands in one group."""
    if len(lines) > MAX_LINES:
        raise UserInputError(f"{len(lines)} lines is more than {MAX_LINES}.",
                             "Split the file and group the parts.")
    bank = bank or load_bank()
    texts = [clean(line) for line in lines]
    filled = [i for i, t in enumerate(texts) if t]
    result = group_questions([texts[i] for i in filled], bank, embed)
    # Map back to input line numbers; blank lines become groups of their own.
    for g in result.groups:
        g.members = [filled[m] for m in g.members]
        g.uncertain = [filled[m] for m in g.uncertain]
    blanks = [Group(None, [i]) for i, t in enumerate(texts) if not t]
    result.groups.extend(blanks)
    return LineGroups(result, bank)


def user_bank(uow: UnitOfWork) -> QuestionBank:
    """The shipped bank taught by the user's confirmed matches."""
    return load_bank().with_learned(uow.reflect.learned_wordings())


def regroup(uow: UnitOfWork, embed: EmbedFn) -> None:
    """Place every logged question in a group again (cheap: vectors are cached)."""
    rows = [a for a, _ in uow.reflect.all_asked()]
    loose = [a for a in rows if a.match not in ("confirmed", "split")]
    # Questions split off with the same wording stay together as one question of their own.
    split_keys: dict[str, int] = {}
    for a in sorted(rows, key=lambda r: r.id):
        if a.match == "split":
            split_keys.setdefault(_wording(a.text), a.id)
    for a in rows:
        if a.match == "confirmed" and a.canonical_id:
            a.group_key = a.canonical_id
        elif a.match == "split":
            a.group_key, a.canonical_id = f"own:{split_keys[_wording(a.text)]}", None
    if loose:
        result = group_questions([a.text for a in loose], user_bank(uow), embed)
        for g in result.groups:
            members = [loose[m] for m in g.members]
            key = g.canonical_id or f"own:{min(a.id for a in members)}"
            for m, a in zip(g.members, members, strict=True):
                match = result.matches[m]
                a.group_key = key
                a.canonical_id = g.canonical_id
                a.match_score = round(match.score, 4)
                in_band = g.canonical_id is not None and match.canonical_id == g.canonical_id
                a.match = match.band.value if in_band else Band.NEW.value
    uow.flush()


def ranked(uow: UnitOfWork, today: date) -> list[RankedQuestion]:
    bank = load_bank()
    interviews = {iv.id: iv for iv in uow.interviews.list()}
    asked = []
    for a, interview_id in uow.reflect.all_asked():
        iv = interviews.get(interview_id)
        when = a.asked_on or (iv.scheduled_at.date() if iv and iv.scheduled_at else None)
        asked.append(Asked(
            id=a.id, text=a.text, group_key=a.group_key or f"own:{a.id}",
            canonical_id=a.canonical_id, interview_id=interview_id, asked_on=when,
            difficulty=a.difficulty, answer_quality=a.answer_quality,
            uncertain=a.match == "suggest",
        ))
    out = rank(asked, {q.id: q.text for q in bank.questions}, today)
    links: dict[str, list[int]] = {}
    for story in uow.reflect.stories():
        for key in story.questions:
            links.setdefault(key, []).append(story.id)
    for r in out:
        r.story_ids = links.get(r.key, [])
    return out


def confirm(uow: UnitOfWork, asked_id: int, canonical_id: str | None, embed: EmbedFn) -> str:
    """The user says this question is that bank question: it now teaches the bank."""
    row = uow.reflect.asked(asked_id)
    target = canonical_id or row.canonical_id
    if not target:
        raise UserInputError(f"Question #{asked_id} has no suggested match to confirm.",
                             "Name one: `nextround questions confirm ID --as BANK_ID`.")
    if load_bank().get(target) is None:
        raise UserInputError(f"There is no bank question '{target}'.",
                             "See the ids with `nextround questions bank --json`.")
    for twin in _same_suggestion(uow, row):
        twin.canonical_id, twin.match, twin.group_key = target, "confirmed", target
    regroup(uow, embed)
    return target


def split(uow: UnitOfWork, asked_id: int, embed: EmbedFn) -> None:
    """The user says this question is not the one it was grouped with."""
    row = uow.reflect.asked(asked_id)
    for twin in _same_suggestion(uow, row):
        twin.match, twin.canonical_id = "split", None
    regroup(uow, embed)


def _wording(text: str) -> str:
    return " ".join(clean(text).casefold().split())


def _same_suggestion(uow: UnitOfWork, row: Any) -> list[Any]:
    """The row and every other unsure row with the same wording and the same suggestion:
    one answer from the user settles them all."""
    if row.match != "suggest":
        return [row]
    wording = _wording(row.text)
    return [row] + [a for a, _ in uow.reflect.all_asked()
                    if a.id != row.id and a.match == "suggest"
                    and a.canonical_id == row.canonical_id and _wording(a.text) == wording]


def uncertain(uow: UnitOfWork) -> list[dict[str, Any]]:
    """Unsure matches, one entry per wording and suggestion however often it was logged."""
    bank = load_bank()
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for a, _ in uow.reflect.all_asked():
        if a.match != "suggest" or not a.canonical_id:
            continue
        key = (_wording(a.text), a.canonical_id)
        if key in found:
            found[key]["times"] += 1
            continue
        q = bank.get(a.canonical_id)
        found[key] = {"id": a.id, "question": a.text, "suggested_id": a.canonical_id,
                      "suggested": q.text if q else a.canonical_id,
                      "score": round(a.match_score, 3), "times": 1}
    return list(found.values())


def frequency_chart_svg(rows: Sequence[RankedQuestion]) -> str | None:
    """How often each question came up against how hard it felt, as an SVG document."""
    points = [r for r in rows if r.difficulty is not None]
    if not points:
        return None
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.5, 3.6))
    ax = fig.add_subplot()
    quality = [r.answer_quality or 3.0 for r in points]
    ax.scatter([r.times_asked for r in points], [r.difficulty or 0 for r in points],
               s=[60 + 25 * r.interviews for r in points], c=quality, cmap="RdYlGn",
               vmin=1, vmax=5, edgecolors="#333", linewidths=0.5)
    # Numbered as in the list of all questions (its first rows), so the two can be read together.
    for n, r in enumerate(rows[:8], 1):
        if r.difficulty is not None:
            ax.annotate(str(n), (r.times_asked, r.difficulty), xytext=(5, 4),
                        textcoords="offset points", fontsize=8)
    ax.set_xlabel("Times asked")
    ax.set_ylabel("How hard it felt (1-5)")
    ax.set_ylim(0.5, 5.5)
    ax.set_xlim(0.5, max(r.times_asked for r in points) * 1.08 + 1)  # room for the labels
    ax.grid(alpha=0.3)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    return svg[svg.find("<svg"):]
