"""Plain stress and complaints about the world are not harsh self-talk; judging oneself is."""

from __future__ import annotations

import pytest

from nextround.domain.selftalk import Label, analyse


@pytest.mark.parametrize(
    "text",
    [
        "Have to wait for a replacement train and no one seems to remember the platform.",
        "Everything that could go wrong at the depot tonight went wrong!",
        "Nobody answers the phone at the housing office, it's hopelessly slow.",
        "I had a nightmare about spiders in the car vents last night.",
        "The typical Sunday bath photo, candles and all.",
        "In a few hours I should have money in my account, payday!",
        "Not sure I should have eaten that third slice, oh well.",
    ],
)
def test_stress_and_the_world_are_not_read_as_harsh(text: str) -> None:
    assert analyse(text, learned=False).label is not Label.HARSH


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("I always mess up the first question.", "overgeneralizing"),
        ("Nobody ever picks me for anything.", "overgeneralizing"),
        ("Missed the deadline again. Typical.", "overgeneralizing"),
        ("I should have prepared the case study properly.", "should_statements"),
        ("The whole interview was a disaster and it's on me.", "catastrophizing"),
    ],
)
def test_the_same_words_about_oneself_still_count(text: str, trap: str) -> None:
    found = analyse(text, learned=False)
    assert found.label is Label.HARSH
    assert trap in found.distortions
