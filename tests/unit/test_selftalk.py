"""Harsh self-talk is recognised with its traps and trigger words; kindness is left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextround.domain.selftalk import Label, analyse

EXAMPLES = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("I'm such a failure.", "labeling"),
        ("I always mess up interviews.", "overgeneralizing"),
        ("It's all my fault they said no.", "personalizing"),
        ("I'll never get a job.", "fortune_telling"),
        ("My career is over.", "catastrophizing"),
        ("They thought I was an idiot.", "mind_reading"),
        ("I should have known that answer.", "should_statements"),
        ("Everyone else already has an offer.", "comparing_despairing"),
        ("It was just luck that I got the interview.", "disqualifying_positive"),
        ("I'm so stupid.", "self_judgment"),
    ],
)
def test_each_thinking_trap_is_named(text: str, trap: str) -> None:
    found = analyse(text)
    assert found.label is Label.HARSH
    assert trap in found.distortions


def test_spans_are_offsets_of_the_trigger_words() -> None:
    text = "Honestly, I'm such a failure and I'll never get hired."
    found = analyse(text)
    words = found.triggers()
    assert any("failure" in w for w in words)
    assert any("never" in w for w in words)
    for start, end in found.spans:
        assert 0 <= start < end <= len(text)


def test_a_kind_ending_outweighs_the_harsh_start() -> None:
    found = analyse("I messed up the second question, but next time I'll slow down.")
    assert found.label is Label.KIND


def test_negated_traps_are_kind_not_harsh() -> None:
    assert analyse("It's not my fault they froze hiring.").label is not Label.HARSH
    assert analyse("Nobody's perfect.").label is Label.KIND


def test_plain_facts_are_neutral() -> None:
    assert analyse("I never drink coffee after 4pm.").label is Label.NEUTRAL
    assert analyse("The interview is on Thursday.").label is Label.NEUTRAL


@pytest.mark.parametrize(
    "name", [f"selftalk_examples{n}.jsonl" for n in ("", "_2", "_3", "_4", "_5")]
)
def test_the_teams_own_examples_mostly_read_right(name: str) -> None:
    rows = [json.loads(line) for line in (EXAMPLES / name).read_text().splitlines()]
    right = 0
    for row in rows:
        got = analyse(row["text"]).label.value
        want = row["label"]
        if want == "not_crisis":
            assert got != "crisis", row["text"]
            right += 1
            continue
        if want == "crisis":
            assert got == "crisis", row["text"]
        right += got == want
    assert right / len(rows) >= 0.9


def test_a_learned_second_opinion_can_only_add_harsh() -> None:
    sure = analyse("Another week without callbacks, what a surprise.",
                   harsh_score=lambda _t: 0.9, threshold=0.6)
    assert sure.label is Label.HARSH and sure.spans == ()
    unsure = analyse("The interview is on Thursday.", harsh_score=lambda _t: 0.2, threshold=0.6)
    assert unsure.label is Label.NEUTRAL
    crisis = analyse("I want to die", harsh_score=lambda _t: 0.99, threshold=0.6)
    assert crisis.label is Label.CRISIS
    kind = analyse("I stumbled over my words, and that's fine.",
                   harsh_score=lambda _t: 0.99, threshold=0.6)
    assert kind.label is Label.KIND


@pytest.mark.parametrize(
    "text",
    ["I'll never get better at this.", "I'm such an idiot, I'll never learn.",
     "I literally cannot do anything right today."],
)
def test_negated_hope_is_not_mistaken_for_kindness(text: str) -> None:
    assert analyse(text).label is Label.HARSH


def test_hedged_hope_is_not_kind() -> None:
    assert analyse("I'm not confident at all.").label is not Label.KIND


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("Nothing I do ever works out.", "self_judgment"),
        ("I can't do anything right today.", "self_judgment"),
        ("I ruin everything I touch.", "self_judgment"),
        ("No company in their right mind would pick me.", "self_judgment"),
        ("I'll be stuck in this job forever.", "catastrophizing"),
        ("Maybe I'm just not cut out for this.", "labeling"),
        ("I hate myself for freezing up.", "labeling"),
        ("Feeling like such a loser tonight.", "labeling"),
        ("I'm bound to mess up the final round.", "fortune_telling"),
        ("The hiring manager must have thought I was an amateur.", "mind_reading"),
        ("They only gave me the interview to fill a quota.", "disqualifying_positive"),
        ("All the other candidates were obviously stronger.", "comparing_despairing"),
        ("If I'd been better they wouldn't have let me go.", "personalizing"),
        ("I just don't have what it takes.", "self_judgment"),
        ("Every interview ends the same way, badly.", "overgeneralizing"),
        ("My career is going down the drain.", "catastrophizing"),
    ],
)
def test_hopeless_self_evaluation_is_read_as_harsh(text: str, trap: str) -> None:
    found = analyse(text, learned=False)
    assert found.label is Label.HARSH
    assert trap in found.distortions


@pytest.mark.parametrize(
    "text",
    [
        "I'm behind on my emails this week.",
        "One rejection doesn't mean nobody will hire me.",
        "I'm not behind, everyone's timeline is different.",
        "I'm not an idiot, I was nervous, and that's human.",
    ],
)
def test_look_alikes_of_the_new_patterns_are_not_harsh(text: str) -> None:
    assert analyse(text).label is not Label.HARSH
