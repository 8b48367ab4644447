"""Fit: weighted scores, the summary and red flags."""

from __future__ import annotations

from nextround.domain.fit import (
    Assessment,
    default_weights,
    flags,
    summarise,
    validate_scores,
    values,
    weighted_score,
)


def test_checklist_covers_the_warning_signs_people_name() -> None:
    keys = {f.key for f in flags()}
    assert {"disorganised", "vague_role", "unpaid_work", "pressure", "evasive",
            "illegal_questions"} <= keys
    assert {"growth", "pay", "team", "flexibility", "mission", "stability",
            "commute"} <= {v.key for v in values()}


def test_weights_decide_the_score() -> None:
    scores = {"pay": 5, "commute": 1}
    assert weighted_score({"pay": 5, "commute": 1}, scores) > 80
    assert weighted_score({"pay": 1, "commute": 5}, scores) < 20
    assert weighted_score({"pay": 0}, {"pay": 5}) is None


def test_summary_names_the_weak_spot_and_the_flags() -> None:
    a = Assessment(scores={"growth": 1, "team": 2, "pay": 2}, flags={"pressure": "24 h"})
    s = summarise(default_weights(), a, seed="x")
    assert s.score is not None and s.score < 45
    assert "growth" in s.text.lower()
    assert "pressure to decide" in s.text.lower()
    assert s.after_rejection


def test_bad_scores_are_reported() -> None:
    assert validate_scores({"growth": 7, "nope": 3})
    assert not validate_scores({"growth": 4})
