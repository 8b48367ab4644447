"""Fit and red flags: weighted values the user sets once, scores per company, a summary."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SCORE_MIN, SCORE_MAX = 1, 5
WEIGHT_MAX = 5
STRONG, WEAK = 70, 45


@dataclass(frozen=True)
class Value:
    key: str
    label: str
    prompt: str
    default_weight: int


@dataclass(frozen=True)
class Flag:
    key: str
    label: str
    detail: str
    severity: int


@dataclass
class Assessment:
    """One company as the user saw it: scores 1-5 per value, flags raised with a note each."""

    scores: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FitSummary:
    score: int | None  # 0-100 weighted, None when nothing is scored
    best: list[str]
    worst: list[str]
    flags: list[Flag]
    text: str
    after_rejection: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "best": self.best,
            "worst": self.worst,
            "flags": [{"key": f.key, "label": f.label, "severity": f.severity}
                      for f in self.flags],
            "summary": self.text,
            "after_rejection": self.after_rejection,
        }


def _data() -> dict[str, Any]:
    from nextround.data import load_toml

    return load_toml("reflect/fit.toml")


def values() -> list[Value]:
    return [Value(str(v["key"]), str(v["label"]), str(v["prompt"]), int(v["default_weight"]))
            for v in _data()["value"]]


def flags() -> list[Flag]:
    return [Flag(str(f["key"]), str(f["label"]), str(f["detail"]), int(f["severity"]))
            for f in _data()["flag"]]


def default_weights() -> dict[str, int]:
    return {v.key: v.default_weight for v in values()}


def validate_weights(weights: Mapping[str, int]) -> list[str]:
    known = {v.key for v in values()}
    problems = [f"unknown value '{k}'" for k in weights if k not in known]
    problems += [f"weight for '{k}' must be 0-{WEIGHT_MAX}" for k, w in weights.items()
                 if not 0 <= w <= WEIGHT_MAX]
    return problems


def validate_scores(scores: Mapping[str, int]) -> list[str]:
    known = {v.key for v in values()}
    problems = [f"unknown value '{k}'" for k in scores if k not in known]
    problems += [f"score for '{k}' must be {SCORE_MIN}-{SCORE_MAX}" for k, s in scores.items()
                 if not SCORE_MIN <= s <= SCORE_MAX]
    return problems


def weighted_score(weights: Mapping[str, int], scores: Mapping[str, int]) -> int | None:
    """Scores mapped to 0-100 and averaged by weight; values not scored are left out."""
    total_weight = sum(weights.get(k, 0) for k in scores)
    if not total_weight:
        return None
    acc = sum(weights.get(k, 0) * (s - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)
              for k, s in scores.items())
    return round(100 * acc / total_weight)


def _pick(variants: Sequence[str], seed: str, **kw: object) -> str:
    return variants[int(hashlib.sha1(seed.encode()).hexdigest(), 16) % len(variants)].format(**kw)


def _join(labels: Sequence[str]) -> str:
    return " and ".join(label.lower() for label in labels)


def summarise(weights: Mapping[str, int], assessment: Assessment, seed: str = "") -> FitSummary:
    labels = {v.key: v.label for v in values()}
    texts = _data()["summary"]
    score = weighted_score(weights, assessment.scores)
    # Best and worst among the values the user weighs: a low score on a weight-0 value is noise.
    weighed = [(k, s) for k, s in assessment.scores.items() if weights.get(k, 0) > 0]
    ranked = sorted(weighed, key=lambda ks: (ks[1], weights.get(ks[0], 0)))
    worst = [labels[k] for k, s in ranked if s <= 2][:2]
    best = [labels[k] for k, s in reversed(ranked) if s >= 4][:2]
    raised = [f for f in flags() if f.key in assessment.flags]
    parts: list[str] = []
    if score is not None:
        if score >= STRONG:
            parts.append(_pick(texts["strong"], seed, score=score))
        elif score < WEAK:
            parts.append(_pick(texts["weak"], seed, score=score,
                               worst=_join(worst) or "several values"))
        else:
            parts.append(_pick(texts["mixed"], seed, score=score,
                               best=_join(best) or "some values",
                               worst=_join(worst) or "others"))
    if raised:
        parts.append(_pick(texts["flags"], seed, count=len(raised),
                           labels=", ".join(f.label.lower() for f in raised)))
    return FitSummary(score, best, worst, raised, " ".join(parts),
                      _pick(texts["after_rejection"], seed))
