"""The broad crisis net: new wordings of crisis are caught, everyday figures of speech are not."""

from __future__ import annotations

import pytest

from nextround.domain.crisis import crisis_spans, is_crisis, without_figures
from nextround.domain.crisis_net import net_spans
from nextround.domain.reframes import Responder
from nextround.domain.selftalk import Label, analyse

# Wordings no precise phrase pattern was written for; the net must see each one on its own.
NEW_WORDINGS = [
    "I'm just a burden to everyone who knows me.",
    "I wrote a note for my sister and left it in the drawer.",
    "I've started giving my things away to friends.",
    "Today I said my goodbyes.",
    "I keep picturing my own funeral and it feels like relief.",
    "This will be my last entry.",
    "i cant go on",
    "been saving up my sleeping pills",
    "I know which bridge I'd use.",
    "sucidal again tonight",
    "I'm not going to be around much longer.",
    "I punch walls until my knuckles bleed.",
    "What's the fastest-acting poison?",
    "I don't think I'll survive the night and I don't want to.",
    "I'm thinking about drinking bleach.",
    "sometimes i want to step into traffic",
    "Sorry for everything. I love you all.",
]

IDIOMS = [
    "This job search is killing me.",
    "How do I kill a Python process?",
    "I'm dying to hear back from them.",
    "Dead tired after three interviews.",
    "I'm stuck in a dead-end job.",
    "That tiramisu was to die for.",
    "I was bored to death in the webinar.",
    "I was scared to death before the panel.",
    "I could die of embarrassment.",
    "I'd murder a curry right now.",
    "Got a triple kill in the last match.",
    "My character died on the final boss again.",
    "My laptop died during the call.",
    "My grandmother died last year and I miss her.",
    "We hung out after the meetup.",
    "I'll jump at the chance.",
    "I cut the cover letter down to one page.",
    "I'm hopeless at small talk.",
    "I'm done with this company, on to the next one.",
    "I won't be around for the call on Friday.",
    "I'm saying goodbye to my old team on Friday.",
    "How did Napoleon die?",
    "I'm drowning in applications.",
    "I want to dye my hair blue before the interview.",
    "This semester might actually kill me.",
    "I dodged a bullet with that company.",
    "That's the end of my shift, bye everyone, see you tomorrow!",
]


@pytest.mark.parametrize("text", NEW_WORDINGS)
def test_the_net_alone_catches_new_wordings(text: str) -> None:
    assert net_spans(without_figures(text)), text
    assert is_crisis(text, learned=False), text
    assert analyse(text).label is Label.CRISIS


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_and_look_alikes_stay_quiet(text: str) -> None:
    assert not is_crisis(text), text
    assert Responder().reply(analyse(text)).crisis is None


@pytest.mark.parametrize(
    "text",
    [
        "I always mess up interviews, I'm such a failure, and I've been thinking everyone "
        "would be better off without me.",
        "They thought I was an idiot. I should have prepared more. I'm a burden to my family.",
        "I'll never get a job. i want to disappear for good.",
        "It's all my fault. Anyway, this is my goodbye.",
    ],
)
def test_crisis_always_beats_a_reframe(text: str) -> None:
    found = analyse(text)
    assert found.label is Label.CRISIS
    reply = Responder(country="US").reply(found)
    assert reply.reframe is None
    assert reply.crisis is not None
    contacts = " ".join(line["contact"] for line in reply.resources() or [])
    assert "988" in contacts


def test_a_crisis_sentence_buried_in_a_long_entry_is_found_and_pointed_at() -> None:
    text = (
        "Two applications today, a phone screen tomorrow and a portfolio to tidy. "
        "Honestly I keep thinking the world would be lighter without me in it. "
        "Need to email the recruiter about the start date."
    )
    spans = crisis_spans(text)
    assert spans
    assert any("without me in it" in text[start:end] for start, end in spans)


def test_an_idiom_does_not_hide_crisis_language_in_the_same_entry() -> None:
    assert is_crisis("This search is killing me. Nobody would notice if I died.")


def test_a_negated_wish_stays_a_fear() -> None:
    assert not is_crisis("I don't want to die before I see my kids grow up.")
