"""The classifier on the team's own written examples: labels and rejection attributes."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.classify import classify_text, describe_rejection
from nextround.mail.headers import parse_address_list

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "mail" / "classify_examples.toml"


def _examples() -> list[dict[str, Any]]:
    return list(tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))["example"])


def _id(example: dict[str, Any]) -> str:
    return f"{example['label']}:{example['subject'][:30]}"


@pytest.mark.parametrize("example", _examples(), ids=_id)
def test_label(example: dict[str, Any]) -> None:
    sender = parse_address_list(example.get("from", ""), [], "From")
    name, addr = (sender[0].name, sender[0].addr) if sender else ("", "")
    result = classify_text(example["subject"], example["body"], name, addr)
    assert result.label.value == example["label"], result.evidence
    assert 0.0 <= result.confidence <= 1.0
    assert result.evidence


@pytest.mark.parametrize("example", [e for e in _examples() if e["label"] == "rejection"], ids=_id)
def test_rejection_attributes(example: dict[str, Any]) -> None:
    details = describe_rejection(example["subject"], example["body"])
    got = {
        "reason_given": details.reason_given,
        "door_open": details.door_open,
        "stage": details.stage.value,
    }
    want = {k: example[k] for k in ("reason_given", "door_open", "stage")}
    assert got == want, (details.reason, details.door_phrase)
