"""Harsh thoughts about everyday life, often without a classic trigger word, are named."""

from __future__ import annotations

import pytest

from nextround.domain.selftalk import Label, analyse

THOUGHTS = [
    ("My supervisor must hate my drafts by now.", "mind_reading"),
    ("My flatmate doesn't really want me around anymore.", "mind_reading"),
    ("Everyone at the table could tell I had no idea what they meant.", "mind_reading"),
    ("My neighbours will laugh at how messy my garden is.", "mind_reading"),
    ("Sooner or later they'll find out I've been bluffing all year.", "mind_reading"),
    ("The examiner had already decided against me before I sat down.", "mind_reading"),
    ("My aunt thinks I'm irresponsible with money.", "mind_reading"),
    ("If I ask twice, my tutor will think less of me.", "fortune_telling"),
    ("She's going to break up with me after the holidays.", "fortune_telling"),
    ("If the report is late I'll get sacked.", "fortune_telling"),
    ("This check-up went fine, but the next one won't.", "fortune_telling"),
    ("If I fail this module my medical career is finished.", "catastrophizing"),
    ("One late payment and my credit score is ruined for good.", "catastrophizing"),
    ("The nurse wants another blood test, so it must be something serious.", "catastrophizing"),
    ("I overslept and the whole morning was wasted.", "catastrophizing"),
    ("Every friendship I make ends badly.", "overgeneralizing"),
    ("I always push people away.", "overgeneralizing"),
    ("Nobody ever checks in on me.", "overgeneralizing"),
    ("I forgot the anniversary. What kind of husband forgets that?", "self_judgment"),
    ("I can't even get the most basic chores done.", "self_judgment"),
    ("I'm throwing my education away.", "self_judgment"),
    ("I snapped at the kids, I'm becoming my mother.", "self_judgment"),
    ("I locked myself out again like a complete idiot.", "labeling"),
    ("The plant died and it's probably something I did.", "personalizing"),
    ("I'm the reason the team lost the quiz.", "personalizing"),
    ("My cousin bought a flat and I'm still sleeping on a sofa.", "comparing_despairing"),
    ("My brother was always the clever one.", "comparing_despairing"),
    ("I only got the part because the others dropped out.", "disqualifying_positive"),
    ("My coach compliments everyone, so it means little.", "disqualifying_positive"),
    ("They hired me, but they must have been desperate.", "disqualifying_positive"),
    ("I won the round but the questions were easy.", "disqualifying_positive"),
    ("My friend said it was good, but she has to say that.", "disqualifying_positive"),
    ("My colleagues only invite me out of politeness.", "disqualifying_positive"),
]


@pytest.mark.parametrize(("text", "trap"), THOUGHTS)
def test_everyday_harsh_thoughts_are_named_with_their_words(text: str, trap: str) -> None:
    found = analyse(text, learned=False)
    assert found.label is Label.HARSH
    assert trap in found.distortions
    assert found.spans and all(0 <= start < end <= len(text) for start, end in found.spans)


def test_the_default_reader_keeps_nearly_all_of_them_harsh() -> None:
    # The light reader may still overrule a rule it doubts; it must not undo the new traps.
    harsh = [text for text, _ in THOUGHTS if analyse(text).label is Label.HARSH]
    assert len(harsh) >= 0.9 * len(THOUGHTS)
    for text in harsh:
        assert analyse(text).spans


@pytest.mark.parametrize(
    "text",
    [
        # Facts, feelings and other people's doings that look like the new patterns.
        "I could tell I was getting a cold.",
        "My sister got a new job and I'm still so happy for her.",
        "Everyone was staring at the fireworks.",
        "We laughed at how the dog chased its tail.",
        "My friend only called me because she needed a lift, which is fine.",
        "Our coach praises everyone who turns up on time.",
        "My friend finished her exams and I'm still on holiday until May.",
        "My grandmother's house was sold for good last year.",
        "The whole day was sunny.",
        "He's going to pick me up at six.",
        "I'm the reason we won the quiz!",
        "I'm the reason the party happened at all.",
        "I can barely wait for the holidays.",
    ],
)
def test_look_alikes_stay_out_of_harsh(text: str) -> None:
    assert analyse(text).label is not Label.HARSH


@pytest.mark.parametrize(
    "text",
    [
        "My friend cancelled because she's busy, not because of me.",
        "I got lost on the way, which happens to everyone in a new city.",
        "Comparing myself to my brother isn't fair to either of us.",
        "One bad review doesn't define my work.",
        "I didn't finish everything, but I did the most important thing.",
    ],
)
def test_balanced_thoughts_are_kind(text: str) -> None:
    assert analyse(text).label is Label.KIND


def test_barely_managing_is_not_read_as_kind() -> None:
    text = "My cousin runs a company and I can barely manage my own budget."
    assert analyse(text, learned=False).label is Label.HARSH


@pytest.mark.parametrize(
    "text",
    [
        "I'm exhausted and a bit flat this evening.",
        "Still no word from the landlord about the boiler.",
        "I'm anxious about Thursday's exam.",
        "I've been out of work since June.",
        "My application for the flat was turned down.",
        "I'm fed up with the rain.",
        "I miss my friends back home.",
    ],
)
def test_plain_negative_facts_and_feelings_stay_neutral(text: str) -> None:
    assert analyse(text).label is Label.NEUTRAL
