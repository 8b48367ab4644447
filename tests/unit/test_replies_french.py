"""French drafts are French from greeting to signature: no English phrase leaks in."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

from nextround.domain.linkedin import connection_note
from nextround.domain.replies import draft_followup, draft_reply, draft_thanks
from nextround.domain.reply_context import Contact, DraftContext, DraftOptions, Profile, Round
from nextround.domain.reply_texts import table

_WORD = re.compile(r"[A-Za-zÀ-ÿœ']+")


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _words(name: str) -> set[str]:
    texts = re.sub(r"\{\w+\}", " ", " ".join(_strings(table(name))))
    return {w.lower() for w in _WORD.findall(texts) if len(w) > 2}


# Words the English texts use and the French texts never do.
ENGLISH_ONLY = _words("en") - _words("fr") - {"linkedin"}

CTX = DraftContext(
    company="Boulangerie Martin",
    role="Chargée de données",
    contacts=(Contact(name="Élodie Martin", email="elodie@martin.example", role="recruiter"),),
    rounds=(Round(kind="technical", on=date(2026, 5, 12), interviewers=("Paul Roux",)),),
    discussed=("la refonte de la boutique en ligne",),
    stage="interview",
    door_open=True,
    applied_on=date(2026, 4, 2),
    profile=Profile(name="Camille Petit", skills=("Python", "SQL")),
)
BARE = DraftContext(stage="application")


def _leaks(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} & ENGLISH_ONLY


def test_english_word_list_is_meaningful() -> None:
    assert {"thank", "you", "the", "interview", "regards"} <= ENGLISH_ONLY


@pytest.mark.parametrize(
    ("tone", "variant", "ctx"),
    list(itertools.product(["warm", "formal", "brief"], range(4), [CTX, BARE])),
)
def test_french_reply_has_no_english(tone: str, variant: int, ctx: DraftContext) -> None:
    options = DraftOptions(
        tone=tone,
        language="fr",
        variant=variant,
        proposal="part-time",  # type: ignore[arg-type]
        parts=("thanks", "feedback", "future", "proposal", "linkedin"),
    )
    for draft in (
        draft_reply(ctx, options),
        draft_followup(ctx, options, step=1),
        draft_followup(ctx, options, step=2),
        draft_thanks(ctx, options),
    ):
        assert draft.language == "fr"
        assert _leaks(draft.subject + "\n" + draft.body) == set(), draft.body


def test_french_dates_and_elision() -> None:
    body = draft_thanks(
        DraftContext(**{**CTX.__dict__, "role": "Ingénieure"}), DraftOptions(language="fr")
    ).body
    assert "12 mai" in body
    assert "de Ingénieure" not in body


def test_french_linkedin_note() -> None:
    note = connection_note(CTX, CTX.contacts[0], language="fr")
    assert note.note.startswith("Bonjour Élodie")
    assert _leaks(note.note) == set()
