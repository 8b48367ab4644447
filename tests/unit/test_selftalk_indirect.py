"""Harsh thoughts said indirectly (others' verdicts, chains of disaster, rhetorical questions)."""

from __future__ import annotations

import pytest

from nextround.domain.selftalk import Label, analyse

INDIRECT = [
    ("By Monday the whole office will have me down as the one who can't cope.", "mind_reading"),
    ("My tutor probably has me pegged as the weak link in the seminar.", "mind_reading"),
    ("When my aunt sighed at the table, I know what it meant.", "mind_reading"),
    ("She paused on the phone and I could tell what she was thinking.", "mind_reading"),
    ("I could feel the cashier judging my shopping.", "mind_reading"),
    ("My coach has given up expecting anything from me.", "mind_reading"),
    ("The club must be relieved I'm not coming any more.", "mind_reading"),
    ("The receptionist must be tired of people like me turning up late.", "mind_reading"),
    ("They only keep me on the rota out of obligation.", "mind_reading"),
    ("My old flatmate has outgrown me.", "mind_reading"),
    ("When I finished the toast, the room went quiet, so it must have sounded awkward.",
     "mind_reading"),
    ("If I call him twice, he'll realise how needy I am.", "fortune_telling"),
    ("My running group will stop inviting me after this season.", "fortune_telling"),
    ("My grandparents will all shake their heads when they hear.", "fortune_telling"),
    ("No reply yet, which means they've picked someone stronger.", "fortune_telling"),
    ("I'm clearly not what recruiters are looking for.", "fortune_telling"),
    ("By the time I finish retraining I'll be too old.", "fortune_telling"),
    ("Skip one practice and I'll be back to square one.", "fortune_telling"),
    ("That's yet another sign I'm not meant to drive.", "fortune_telling"),
    ("Why would the gallery give me a chance when there are real artists applying?",
     "self_judgment"),
    ("Who's going to hire someone with my gaps?", "self_judgment"),
    ("Who in their right mind would date someone like me?", "self_judgment"),
    ("They'll see I'm only average.", "self_judgment"),
    ("My manager sees me as a lost cause.", "self_judgment"),
    ("At reunions they keep comparing me to my sister.", "comparing_despairing"),
    ("One missed payment and then my whole credit history is gone.", "catastrophizing"),
    ("I lose this contract, then the van goes too.", "catastrophizing"),
    ("A single bad review and the shop is done for.", "catastrophizing"),
    ("If the audit finds that error, it'll be traced back to me.", "catastrophizing"),
    ("One late essay and that's the end of my chances at a first.", "catastrophizing"),
    ("What's the point in applying when they never read past the first line?",
     "catastrophizing"),
    ("What if my neighbours notice the state of my garden?", "catastrophizing"),
    ("What if the panel finds out I've never used the software?", "catastrophizing"),
    ("What if I freeze and get it wrong in front of everyone?", "catastrophizing"),
]


@pytest.mark.parametrize(("text", "trap"), INDIRECT)
def test_indirect_harsh_thoughts_are_named_with_their_words(text: str, trap: str) -> None:
    found = analyse(text, learned=False)
    assert found.label is Label.HARSH
    assert trap in found.distortions
    assert found.spans and all(0 <= start < end <= len(text) for start, end in found.spans)


@pytest.mark.parametrize(
    "text",
    [
        # "What if" about plans and logistics is a plain worry, not a judgement.
        "What if it snows on moving day?",
        "What if the shop closes before I get there; should I order online?",
        "What if the landlord sells the flat next year?",
        "Who would pick me up from the station if the bus is late?",
        "Why would the assessors want me to bring a laptop on the day?",
        "The whole team went to the pub after the launch.",
        "They'll know what time to arrive once I send the invite.",
        "He dodged a bullet when that startup folded, and he knows it.",
        "One more stop and then we're home.",
        "The email said they've picked someone else for the role.",
        "My sister compared the two phone contracts for me.",
        "The recruiter remembered me from last year's fair.",
        "Whatever happens, I'm back to square one on the garden this spring as planned.",
    ],
)
def test_look_alikes_stay_out_of_harsh(text: str) -> None:
    assert analyse(text, learned=False).label is not Label.HARSH
    assert analyse(text).label is not Label.HARSH


@pytest.mark.parametrize(
    "text",
    [
        "The club may be glad I'm taking a break, and that's fine; rest is allowed.",
        "They may think I'm only average today, but that doesn't mean I'll stay there.",
    ],
)
def test_a_kind_ending_still_wins(text: str) -> None:
    assert analyse(text, learned=False).label is Label.KIND
