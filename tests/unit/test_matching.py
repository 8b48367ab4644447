"""Matching job emails to applications: company, domain, ATS senders, role and thread."""

from __future__ import annotations

import pytest

from nextround.domain.matching import (
    AppRef,
    MessageFacts,
    ats_for,
    company_from_sender,
    company_key,
    match,
    role_similarity,
    sender_key,
)

APPS = [
    AppRef("1", "Acme Corp", "Senior Backend Engineer", aliases=("ACME Robotics",)),
    AppRef("2", "Globex", "Data Analyst", domains=("globex-careers.com",)),
    AppRef("3", "Initech", "Product Designer", thread_ids=frozenset({"<sent-1@nextround>"})),
    AppRef("4", "Acme Corp", "Frontend Developer"),
    AppRef("5", "Société Générale", "Ingénieur logiciel"),
]


@pytest.mark.parametrize(
    ("sender", "ats"),
    [
        ("Acme Hiring Team <no-reply@us.greenhouse-mail.io>", "Greenhouse"),
        ("Acme <no-reply@hire.lever.co>", "Lever"),
        ("acme@myworkday.com", "Workday"),
        ("Acme Recruiting <no-reply@ashbyhq.com>", "Ashby"),
        ("Acme <notification@smartrecruiters.com>", "SmartRecruiters"),
        ("Acme Careers <acme+autoreply@talent.icims.com>", "iCIMS"),
        ("Acme <noreply@candidates.workablemail.com>", "Workable"),
        ("Jane <jane@acme.com>", None),
    ],
)
def test_every_named_ats_is_recognised(sender: str, ats: str | None) -> None:
    assert ats_for(sender.rpartition("<")[2].rstrip(">")) == ats


@pytest.mark.parametrize(
    "sender",
    [
        "Acme Hiring Team <no-reply@us.greenhouse-mail.io>",
        "Acme Corp via Lever <no-reply@hire.lever.co>",
        "acme@myworkday.com",
        "Acme Recruiting <no-reply@ashbyhq.com>",
        "Acme Corp. Talent Acquisition <notification@smartrecruiters.com>",
        "acme+autoreply@talent.icims.com",
        "Acme - Recrutement <noreply@candidates.workablemail.com>",
        "Talent Team <talent@acme.com>",
    ],
)
def test_ats_mail_is_matched_to_the_employer_not_the_ats(sender: str) -> None:
    assert company_key(company_from_sender(sender) or "") == "acme"
    result = match(MessageFacts(sender, "Your application"), APPS)
    assert result.app_id in {"1", "4"}
    assert result.ambiguous  # two Acme applications and no role to tell them apart


def test_role_separates_two_applications_at_one_company() -> None:
    msg = MessageFacts(
        "Acme <no-reply@hire.lever.co>", "Update", role="Sr. Back-end Engineer", company="Acme"
    )
    result = match(msg, APPS)
    assert result.app_id == "1" and not result.ambiguous
    assert any("role" in e for e in result.evidence)


def test_sender_domain_and_known_domains() -> None:
    direct = match(MessageFacts("Recruiter <r@globex-careers.com>", "Next steps"), APPS)
    assert direct.app_id == "2"
    assert any("domain" in e for e in direct.evidence)
    by_name = match(MessageFacts("HR <hr@mail.globex.com>", "Next steps"), APPS)
    assert by_name.app_id == "2"


def test_alias_and_accents() -> None:
    assert match(MessageFacts("x@gmail.com", "", company="Acme Robotics"), APPS).app_id in {
        "1",
        "4",
    }
    fr = match(
        MessageFacts(
            "rh@socgen.example", "", company="Societe Generale", role="Ingénieure Logiciel"
        ),
        APPS,
    )
    assert fr.app_id == "5"


def test_thread_reply_beats_everything() -> None:
    msg = MessageFacts(
        "someone@unrelated.example", "Re: feedback", in_reply_to="<sent-1@nextround>"
    )
    result = match(msg, APPS)
    assert result.app_id == "3"
    assert "thread" in result.evidence[0]


def test_unknown_company_matches_nothing() -> None:
    result = match(MessageFacts("Hooli Recruiting <no-reply@ashbyhq.com>", "Thanks"), APPS)
    assert result.app_id is None
    assert result.company == "Hooli"


def test_free_mail_domain_is_not_a_company() -> None:
    assert company_from_sender("<jane.doe@gmail.com>") is None


def test_mention_in_body_is_weak_evidence_alone() -> None:
    msg = MessageFacts("news@jobletter.example", "Weekly jobs", text="Initech is hiring again")
    assert match(msg, APPS).app_id is None


def test_learned_correction_wins_for_that_sender() -> None:
    sender = "Talent <no-reply@ashbyhq.com>"  # the display name names nobody
    assert match(MessageFacts(sender, "Thanks"), APPS).app_id is None
    learned = {sender_key(sender): "Globex"}
    result = match(MessageFacts(sender, "Thanks"), APPS, learned)
    assert result.app_id == "2"
    assert any("before" in e for e in result.evidence)


def test_sender_key_groups_one_company_on_one_ats() -> None:
    a = sender_key("Acme <no-reply@hire.lever.co>")
    b = sender_key("ACME Inc. <no-reply@hire.lever.co>")
    c = sender_key("Globex <no-reply@hire.lever.co>")
    assert a == b != c
    assert sender_key("a@mail.acme.com") == sender_key("b@acme.com")


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Senior Backend Engineer", "Sr. Back-end Engineer", True),
        ("Senior Backend Engineer", "Senior Backend Engineer (m/f/d)", True),
        ("Data Analyst", "Junior Data Analyst", True),
        ("Data Analyst", "Product Designer", False),
        ("Développeur Python", "Python Developer", True),
        ("Software Engineering Intern", "Stage ingénieur logiciel", True),
    ],
)
def test_role_similarity(a: str, b: str, alike: bool) -> None:
    assert (role_similarity(a, b) >= 0.5) is alike
