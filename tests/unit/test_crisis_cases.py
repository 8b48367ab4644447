"""The team's own crisis statements and look-alike phrases, read the way a person would need."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextround.domain.crisis import is_crisis, safety_topic
from nextround.domain.reframes import Responder
from nextround.domain.selftalk import Label, analyse

CASES = Path(__file__).resolve().parents[1] / "data" / "selftalk_crisis_cases.jsonl"
ROWS = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]


def _texts(label: str) -> list[str]:
    return [str(row["text"]) for row in ROWS if row["label"] == label]


def test_the_case_file_is_broad() -> None:
    assert len(_texts("crisis")) >= 200
    assert len(_texts("not_crisis")) >= 100
    assert len(_texts("not_crisis_informational")) >= 15


@pytest.mark.parametrize("text", _texts("crisis"))
def test_crisis_statements_get_the_safety_message(text: str) -> None:
    found = analyse(text)
    assert found.label is Label.CRISIS, text
    reply = Responder(country="GB").reply(found)
    assert reply.reframe is None and reply.crisis is not None
    assert reply.resources()


@pytest.mark.parametrize("text", _texts("not_crisis"))
def test_figurative_and_everyday_phrases_stay_quiet(text: str) -> None:
    assert not is_crisis(text), text
    reply = Responder().reply(analyse(text))
    assert reply.crisis is None
    assert reply.resources() is None


@pytest.mark.parametrize("text", _texts("not_crisis_informational"))
def test_questions_of_fact_get_helplines_but_no_crisis_message(text: str) -> None:
    found = analyse(text)
    assert found.label is not Label.CRISIS, text
    assert found.safety
    reply = Responder(country="US").reply(found)
    assert reply.crisis is None
    contacts = " ".join(line["contact"] for line in reply.resources() or [])
    assert "988" in contacts


@pytest.mark.parametrize(
    ("fear", "wish"),
    [
        ("I don't want to die alone.", "I want to die alone."),
        ("I'm not ready to die.", "I'm ready to die."),
        ("I never wanted to end it with her.", "I wanted to end it all."),
    ],
)
def test_a_negated_wish_is_a_fear_not_a_wish(fear: str, wish: str) -> None:
    assert not is_crisis(fear)
    assert is_crisis(wish)


def test_a_figurative_phrase_does_not_hide_a_real_one() -> None:
    assert not is_crisis("These rejections are killing me.")
    assert is_crisis("These rejections are killing me, I want to kill myself.")
    assert not is_crisis("I'd kill for a remote job.")
    assert is_crisis("I'd kill for a remote job, honestly I just want to die.")


def test_someone_worried_about_another_person_is_shown_the_helplines() -> None:
    found = analyse("My friend keeps saying she wants to kill herself.")
    assert found.label is Label.CRISIS


def test_history_and_fiction_are_not_about_the_writer() -> None:
    for text in ("The hero takes his own life in the last act.",
                 "Why did Virginia Woolf die by suicide?"):
        assert not is_crisis(text)
        assert safety_topic(text)


def test_spans_point_into_the_original_text() -> None:
    text = "ugh. i wnat to die, honestly"
    (start, end), = analyse(text).spans
    assert "die" in text[start:end]


def test_the_learned_net_ships_and_catches_wording_without_a_pattern() -> None:
    from nextround.domain.harsh_model import crisis_model

    net = crisis_model()
    assert net is not None
    text = "Is 20 sleeping pills enough?"
    assert not is_crisis(text, learned=False)
    assert is_crisis(text)
    (start, end), = analyse(text).spans
    assert (start, end) == (0, len(text))


def test_the_net_keeps_held_out_look_alikes_quiet() -> None:
    held = Path(__file__).resolve().parents[1] / "data" / "selftalk_crisis_holdout.jsonl"
    rows = [json.loads(line) for line in held.read_text(encoding="utf-8").splitlines() if line]
    quiet = [r["text"] for r in rows if r["label"] == "not_crisis"]
    assert quiet and not [text for text in quiet if is_crisis(text)]
