"""Crisis language is recognised first and answered with helplines, never with a reframe."""

from __future__ import annotations

import pytest

from nextround.domain.crisis import crisis_spans, helplines_for, is_crisis
from nextround.domain.reframes import Responder
from nextround.domain.selftalk import Label, analyse

CRISIS = [
    "I want to die.",
    "I've been thinking about killing myself since the rejection.",
    "Everyone would be better off without me.",
    "I don't want to be alive anymore.",
    "What's the most painless way to end my life?",
    "I keep hurting myself when it gets bad.",
    "This job search is killing me and I wish I was dead.",
    "I'm thinking about suicide.",
    "how many pills would it take",
    "I\u2019ve been cutting myself again.",
]

FIGURATIVE = [
    "This job search is killing me.",
    "How do I kill a Python process?",
    "How can I kill time before my interview?",
    "I'm dying to know if they liked my demo.",
    "I killed it in the final round!",
    "The deadline is Friday.",
    "I'm going to cut myself some slack this week.",
    "What is the suicide rate among students?",
    "I'll shoot the recruiter an email.",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_language_is_recognised(text: str) -> None:
    assert is_crisis(text)
    assert analyse(text).label is Label.CRISIS


@pytest.mark.parametrize("text", FIGURATIVE)
def test_figurative_and_technical_phrases_stay_quiet(text: str) -> None:
    assert not is_crisis(text)


def test_crisis_wins_over_harsh_self_talk_and_gets_no_reframe() -> None:
    text = "I'm such a failure, I always mess up, I want to kill myself."
    found = analyse(text)
    assert found.label is Label.CRISIS
    reply = Responder(country="US").reply(found)
    assert reply.reframe is None
    assert reply.crisis is not None
    assert "not a crisis service" in reply.crisis.message
    contacts = " ".join(line["contact"] for line in reply.resources() or [])
    assert "988" in contacts


def test_spans_point_at_the_words() -> None:
    text = "Honestly I want to die after that call"
    (start, end), = crisis_spans(text)
    assert "want to die" in text[start:end]


def test_helplines_follow_the_country_and_always_include_a_directory() -> None:
    uk = helplines_for("GB")
    assert any("116 123" in line.contact for line in uk)
    assert any("findahelpline" in line.contact for line in uk)
    assert helplines_for("uk") == uk
    unknown = helplines_for("ZZ")
    assert any("988" in line.contact for line in unknown)
    assert any("116 123" in line.contact for line in unknown)
