"""Reframes are grounded in the record, varied, never repeated twice in a row."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.domain.reframes import Record, Responder
from nextround.domain.selftalk import Label, analyse

HARSH = [
    "I'm such a failure.",
    "I always mess up interviews.",
    "I'll never get a job.",
    "They thought I was an idiot.",
    "It's all my fault.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(HARSH + ["I'm proud of myself.", "Interview on Friday."]),
                min_size=2, max_size=12), st.integers(0, 10_000))
def test_no_wording_is_used_twice_in_a_row(texts: list[str], seed: int) -> None:
    responder = Responder(Record(interviews=3, applications=20), seed=seed)
    previous = None
    for text in texts:
        reply = responder.reply(analyse(text))
        assert reply.id != previous
        main = (reply.id or "").split("+")[0]
        assert main != (previous or "").split("+")[0]
        previous = reply.id


def test_reframe_points_to_the_users_own_record() -> None:
    record = Record(interviews=4, applications=31)
    texts = {Responder(record, seed=s).reply(analyse("I'm a failure.")).reframe for s in range(8)}
    assert all(t and ("4 interview" in t or "31 application" in t) for t in texts)
    assert len(texts) > 3


def test_a_lesson_the_user_wrote_can_come_back_to_them() -> None:
    record = Record(lessons=("Pause before answering system design questions",))
    seen = " ".join(
        Responder(record, seed=s).reply(analyse("I'm so stupid.")).reframe or "" for s in range(6)
    )
    assert "Pause before answering system design questions" in seen


def test_kind_entries_get_encouragement_not_correction() -> None:
    reply = Responder().reply(analyse("I'm proud that I reached the final round."))
    assert reply.label is Label.KIND
    assert reply.reframe is None
    assert reply.encouragement
