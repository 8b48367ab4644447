"""The question bank and the text rules used to group questions."""

from __future__ import annotations

from collections import Counter

import pytest

from nextround.domain.question_bank import load_bank, load_rules
from nextround.domain.question_text import TextRules, conflicts, consensus_poles


@pytest.fixture(scope="module")
def rules() -> TextRules:
    return TextRules.from_data(load_rules())


def test_bank_has_200_questions_with_several_wordings_each() -> None:
    bank = load_bank()
    assert len(bank) >= 200
    assert len({q.id for q in bank.questions}) == len(bank)
    thin = [q.id for q in bank.questions if len(q.all_wordings) < 5]
    assert thin == []


def test_bank_covers_question_kinds_and_fields() -> None:
    bank = load_bank()
    categories = Counter(q.category for q in bank.questions)
    for kind in ("behavioural", "situational", "motivational", "technical"):
        assert categories[kind] >= 10, kind
    fields = {q.field for q in bank.questions}
    assert {"software", "data", "marketing", "finance", "health-care"} <= fields
    assert all(q.competencies for q in bank.questions)


def test_informal_and_formal_wordings_share_an_entry() -> None:
    about = load_bank().get("about-yourself")
    assert about is not None
    wordings = " ".join(about.all_wordings).lower()
    assert "walk me through your cv" in wordings and "tell me about yourself" in wordings


@pytest.mark.parametrize(("a", "b"), [
    ("feedback-given", "feedback-received"),
    ("proudest-achievement", "biggest-failure"),
    ("deadline-met", "deadline-missed"),
    ("greatest-strength", "greatest-weakness"),
    ("like-most-last-job", "like-least-last-job"),
    ("conflict-coworker", "conflict-manager"),
    ("salary-expectations", "current-salary"),
    ("what-motivates-you", "what-demotivates"),
    ("fired", "hr-dismissal"),
    ("managed-budget", "pm-over-budget"),
    ("why-leaving", "why-joined-current"),
    ("goal-achieved", "goal-not-achieved"),
    ("stress", "stress-triggers"),
    ("what-motivates-you", "motivate-team"),
    ("leadership-style", "ideal-manager"),
    ("help-colleague", "proactive-learning-from-others"),
    ("short-term-goals", "five-years"),
])
def test_near_misses_are_separate_entries_on_opposite_poles(rules: TextRules, a: str,
                                                             b: str) -> None:
    bank = load_bank()
    qa, qb = bank.get(a), bank.get(b)
    assert qa is not None and qb is not None
    pa = consensus_poles([rules.poles(w) for w in qa.all_wordings])
    pb = consensus_poles([rules.poles(w) for w in qb.all_wordings])
    assert conflicts(pa, pb)


@pytest.mark.parametrize(("text", "core"), [
    ("Tell me about a time when you failed.", "you failed"),
    ("Can you give me an example of a time you showed leadership?", "you showed leadership"),
    ("So, could you describe a situation where you had to give feedback?",
     "you had to give feedback"),
    ("Have you ever had a conflict with a colleague? How did you handle it?",
     "had a conflict with a colleague"),
    ("Tell me about yourself.", "tell me about yourself"),
    ("Why do you want this job?", "why do you want this job"),
    ("Nobody's perfect. Tell me about a mistake you made at work.",
     "tell me about a mistake you made at work"),
    ("A relative is shouting at the nurses' station. How would you handle that?",
     "a relative is shouting at the nurses' station. how would you handle that"),
    ("You inherit a failing project. What would you do first?",
     "you inherit a failing project. what would you do first"),
    ("To start us off, tell me about yourself.", "tell me about yourself"),
    ("Brief introduction, please.", "brief introduction"),
])
def test_behavioural_boilerplate_is_cut_but_short_questions_survive(rules: TextRules, text: str,
                                                                    core: str) -> None:
    assert rules.core(text) == core


@pytest.mark.parametrize(("x", "y"), [
    ("Tell me about a time you gave constructive feedback to a colleague.",
     "Describe a time you received critical feedback."),
    ("Tell me about your greatest success.", "Tell me about your biggest failure."),
    ("Describe a time you met a tight deadline.", "Tell me about a time you missed a deadline."),
])
def test_opposite_questions_conflict(rules: TextRules, x: str, y: str) -> None:
    assert conflicts(rules.poles(x), rules.poles(y))


def test_paraphrases_do_not_conflict(rules: TextRules) -> None:
    assert not conflicts(rules.poles("How do you handle criticism?"),
                         rules.poles("What's the toughest feedback you've ever received?"))


def test_shipped_bank_vectors_cover_the_bank() -> None:
    """A first run must not spend seconds embedding the bank: its vectors ship with it."""
    from nextround.nlp.bank_seed import bank_texts, key, load_seed
    from nextround.nlp.embedder import MODEL_NAME

    seed = load_seed(MODEL_NAME)
    stale = [t for t in bank_texts() if key(MODEL_NAME, t) not in seed]
    assert stale == [], "regenerate with `python -m nextround.nlp.bank_seed`"
