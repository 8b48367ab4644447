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


MORE_CRISIS = [
    "I feel like there's no way out of this.",
    "I'm so tired of living like this.",
    "I just want to disappear.",
    "I'm going to take all of my pills tonight.",
    "How much paracetamol is lethal?",
    "I don't see the point in living.",
    "I want to go to sleep and never wake up.",
    "I thought about jumping off the tall bridge near my flat.",
    "How do I hide my cuts from my parents?",
    "How do people kill themselves without pain?",
    "I'd rather be dead than go through another round.",
]

MORE_QUIET = [
    "Why do people commit suicide?",
    "What are the warning signs of self-harm in teenagers?",
    "Suicide prevention week starts Monday.",
    "How do I kill all child processes in Linux?",
    "The interview went on forever and I was dying for a coffee.",
    "I'm stuck in a dead end job.",
]


@pytest.mark.parametrize("text", MORE_CRISIS)
def test_more_ways_of_saying_it(text: str) -> None:
    assert is_crisis(text)


@pytest.mark.parametrize("text", MORE_QUIET)
def test_questions_of_fact_and_idioms_stay_quiet(text: str) -> None:
    assert not is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have nothing left to live for.",
        "I wish I could just not exist.",
        "I relapsed again last night.",
        "Should I just end it?",
        "How do I become anorexic?",
    ],
)
def test_hopelessness_and_self_harm_in_other_words(text: str) -> None:
    assert is_crisis(text)


def test_beating_yourself_up_is_an_idiom() -> None:
    assert not is_crisis("I keep beating myself up about that answer.")
    assert analyse("I keep beating myself up about that answer.").label is not Label.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i just want to sleep forever",
        "I hope I never wake up tomorrow.",
        "I started cutting again after the last rejection.",
        "I took too many pills last night.",
        "I hate being alive.",
        "I'm done with life.",
        "How do I stop eating so I lose weight fast?",
        "I shouldn't even exist.",
    ],
)
def test_quieter_ways_of_saying_it(text: str) -> None:
    assert is_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["I'm done with this application form.", "I'd sleep forever if the alarm let me.",
     "I cut my hair short before the interview."],
)
def test_ordinary_sentences_with_those_words(text: str) -> None:
    assert not is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I just want to end my suffering.",
        "I've been having really dark thoughts lately.",
        "I think about dying a lot since I lost my job.",
        "I don't care if I die.",
        "If I died tomorrow nobody would notice.",
        "Which pills would kill me fastest?",
        "How deep should I cut?",
    ],
)
def test_indirect_and_method_language(text: str) -> None:
    assert is_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["Where should I cut costs in my budget while I'm unemployed?",
     "That commute would kill me, I'd rather work remotely."],
)
def test_budgets_and_commutes_stay_quiet(text: str) -> None:
    assert not is_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["How do I slash my wrists?", "I could blow my brains out.",
     "I keep thinking of walking... I'd walk into the sea and not come back."],
)
def test_method_words_in_other_forms(text: str) -> None:
    assert is_crisis(text)
