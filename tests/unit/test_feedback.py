"""Growth areas pulled from feedback, each with its quote, and ranked across feedback."""

from __future__ import annotations

from datetime import date

from nextround.domain.feedback import FeedbackItem, extract_growth_areas, rank_growth_areas


def _keys(text: str) -> list[str]:
    return [a.key for a in extract_growth_areas(text)]


def test_examples_from_the_brief() -> None:
    assert _keys("We were looking for more experience with SQL.") == ["sql"]
    assert _keys("Your answers were too long.") == ["concise-answers"]
    assert _keys("The panel wanted more leadership examples.") == ["leadership"]


def test_each_area_keeps_its_quote() -> None:
    text = "Thanks for coming in. Your answers were too long. We'd have liked more SQL depth."
    areas = extract_growth_areas(text)
    quotes = {a.key: a.quote for a in areas}
    assert quotes["concise-answers"] == "Your answers were too long."
    assert quotes["sql"] == "We'd have liked more SQL depth."


def test_praise_is_not_a_gap() -> None:
    assert _keys("Your Python was excellent and the team enjoyed meeting you.") == []
    assert _keys("Your SQL was strong, but your system design answers lacked depth.") == [
        "system-design"
    ]


def test_new_skills_are_named_from_the_text() -> None:
    areas = extract_growth_areas("We wanted someone with more experience in Terraform modules.")
    assert [(a.key, a.label, a.category) for a in areas] == [
        ("skill:terraform-modules", "Terraform modules", "skill")
    ]


def test_generic_experience_only_when_nothing_specific() -> None:
    assert _keys("The other candidate simply had more experience.") == ["seniority"]
    assert _keys("We needed more experience with Kubernetes.") == ["cloud"]


def test_french_feedback() -> None:
    keys = _keys(
        "Nous aurions aimé des exemples plus concrets, et vos réponses étaient trop longues."
    )
    assert "concise-answers" in keys and "specific-examples" in keys


def test_ranking_counts_each_piece_once() -> None:
    one = FeedbackItem(
        1,
        date(2026, 1, 5),
        extract_growth_areas(
            "Answers were too long. Again, answers were too long. More SQL would help."
        ),
    )
    two = FeedbackItem(2, date(2026, 2, 5), extract_growth_areas("You rambled a bit."))
    three = FeedbackItem(3, date(2026, 3, 5), extract_growth_areas("Needs stronger SQL skills."))
    four = FeedbackItem(4, None, extract_growth_areas("Answers could be more concise."))
    ranked = rank_growth_areas([one, two, three, four])
    assert [(r.key, r.count) for r in ranked[:2]] == [("concise-answers", 3), ("sql", 2)]
    assert ranked[0].feedback_ids == (1, 2, 4)
    assert len(ranked[0].quotes) == 3
    assert ranked[0].as_dict()["last_seen"] == "2026-02-05"


def test_recruiting_boilerplate_is_not_feedback() -> None:
    text = (
        "We received a large number of applications from many qualified candidates. "
        "We encourage you to apply for future roles that match your skills and experience. "
        "We will keep your CV on file and wish you the best of luck."
    )
    assert _keys(text) == []


def test_more_ways_of_naming_a_gap() -> None:
    cases = {
        "We felt you lacked depth in statistics.": ["data-analysis"],
        "It would help to be more familiar with agile practices.": ["skill:agile-practices"],
        "Your technical skills are solid, but your communication could be clearer.":
            ["communication"],
        "You didn't ask us any questions.": ["questions-for-interviewer"],
        "Consider preparing more for behavioural questions.": ["behavioural-answers"],
        "You took a long time to get to the point.": ["concise-answers"],
        "Your solution to the coding exercise had bugs and no tests.": ["coding", "testing"],
        "Candidates who progressed had more hands-on experience with React.": ["javascript"],
        "We really enjoyed meeting you and thought your portfolio was impressive.": [],
        "Unfortunately we are unable to provide individual feedback.": [],
    }
    for text, expected in cases.items():
        assert _keys(text) == expected, text
