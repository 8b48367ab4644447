"""The funnel counts each stage once per application and gives honest rates."""

from __future__ import annotations

from datetime import date

from nextround.domain.stats import EffortFact, FunnelFact, compute


def test_funnel_counts_and_rates() -> None:
    apps = [
        FunnelFact(date(2026, 1, 5), frozenset({"applied"})),
        FunnelFact(date(2026, 1, 9), frozenset({"applied", "rejected"})),
        FunnelFact(date(2026, 1, 20), frozenset({"applied", "interviewing", "rejected"}), rounds=2,
                   final_round=True),
        FunnelFact(date(2026, 2, 2), frozenset({"applied", "interviewing", "offer"}), rounds=3),
        FunnelFact(None, frozenset({"saved"})),
    ]
    stats = compute(apps, [EffortFact(date(2026, 1, 5), 2.5), EffortFact(date(2026, 2, 1), 1.0)])
    assert stats.funnel.counts == {"applications": 4, "replies": 3, "interviews": 2,
                                   "final_rounds": 2, "offers": 1}
    assert stats.funnel.rate("replies") == 0.75
    assert stats.months["2026-01"].counts["applications"] == 3
    assert stats.months["2026-02"].counts["offers"] == 1
    data = stats.as_dict()
    assert data["effort"]["hours"] == 3.5
    assert [m["month"] for m in data["months"]] == ["2026-01", "2026-02"]


def test_no_division_by_zero_on_an_empty_record() -> None:
    stats = compute([])
    assert stats.funnel.rate("replies") is None
    assert stats.as_dict()["funnel"]["counts"]["applications"] == 0
