"""The STAR check gives concrete, stable advice."""

from __future__ import annotations

from nextround.domain.stories import Level, Story, check_story

GOOD = Story(
    title="Support queue",
    situation="At my last job the support queue had grown to 400 open tickets and customers "
              "waited a week for an answer, which hurt renewals.",
    task="My manager asked me to bring the wait under two days before the spring launch.",
    action="I sorted a month of tickets by topic and found that a third were password resets. "
           "I wrote a help article, I added a reset link to the login page and I trained two "
           "colleagues on a shared checklist for the rest. I reported progress to the product "
           "team every week and I adjusted the checklist when new kinds of tickets appeared. "
           "When the launch date moved forward I asked for one more person for two weeks.",
    result="Within six weeks the queue fell to 60 tickets and the average wait dropped from "
           "seven days to one; renewals that quarter were the best of the year.",
    learned="I learned to look for the pattern in the work before adding people to it.",
)


def levels(story: Story, part: str) -> set[Level]:
    return {f.level for f in check_story(story).findings if f.part == part}


def test_complete_story_with_numbers_passes() -> None:
    report = check_story(GOOD)
    assert report.complete and report.first_person and report.measurable
    assert report.score >= 90
    assert 60 <= report.spoken_seconds <= 150


def test_missing_parts_are_named() -> None:
    report = check_story(Story(title="t", situation="We had a problem with the build system."))
    missing = {f.part for f in report.findings if f.level is Level.MISSING}
    assert missing == {"task", "action", "result"}
    assert not report.complete


def test_action_told_with_we_only_is_flagged() -> None:
    story = Story(**{**GOOD.__dict__, "action": "We sorted the tickets and we wrote an article "
                                                "and then the team trained everyone on it."})
    report = check_story(story)
    assert not report.first_person
    assert Level.SUGGEST in levels(story, "action")
    assert any("I" in f.message for f in report.findings if f.part == "action")


def test_result_without_number_asks_for_one() -> None:
    story = Story(**{**GOOD.__dict__, "result": "The queue was reduced a lot and customers were "
                                                "happier with support afterwards."})
    report = check_story(story)
    assert not report.measurable
    msg = next(f.message for f in report.findings if f.part == "result")
    assert "number" in msg or "quantify" in msg


def test_too_long_story_is_flagged_with_its_spoken_time() -> None:
    story = Story(**{**GOOD.__dict__, "situation": GOOD.situation + " more context" * 120})
    finding = next(f for f in check_story(story).findings if f.part == "length")
    assert finding.level is Level.SUGGEST
    assert str(check_story(story).spoken_seconds) in finding.message


def test_advice_is_stable_while_typing() -> None:
    a = check_story(Story(title="Same", action="we did it"))
    b = check_story(Story(title="Same", action="we did it"))
    assert [f.message for f in a.findings] == [f.message for f in b.findings]
