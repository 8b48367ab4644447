"""The shipped learned head loads offline and reads obvious cases the right way."""

from __future__ import annotations

import pytest

from nextround.selftalk_model import harsh_scorer


def test_head_reads_obvious_cases() -> None:
    scorer = harsh_scorer()
    if scorer is None:
        pytest.skip("the sentence model is not installed")
    assert scorer("I'm worthless and nobody will ever hire me.") > 0.6
    assert scorer("I'm proud of how far I've come this year.") < 0.5
