"""Company and role read from job mail, as the user sees them in the inbox."""

from __future__ import annotations

import pytest

from nextround.domain.classify import sentences_of
from nextround.domain.extract import company_from_sender, extract_company, extract_role


@pytest.mark.parametrize(
    ("text", "company", "role"),
    [
        (
            "Thank you for applying to the Backend Engineer position at Kestrel.",
            "Kestrel",
            "Backend Engineer",
        ),
        (
            "Thank you for your interest in the Software Developer I position at Pinecrest Bank.",
            "Pinecrest Bank",
            "Software Developer I",
        ),
        (
            "Thanks for considering Oakridge for the Marketing Associate role.",
            "Oakridge",
            "Marketing Associate",
        ),
        (
            "Merci pour votre candidature au poste de chargé de communication et à bientôt.",
            None,
            "chargé de communication",
        ),
        (
            "Nous vous proposons de rejoindre Mosaic au poste de développeuse front-end en CDI.",
            "Mosaic",
            "développeuse front-end",
        ),
    ],
)
def test_company_and_role_from_text(text: str, company: str | None, role: str) -> None:
    sentences = sentences_of(text)
    assert extract_company(sentences) == company
    assert extract_role(sentences, company) == role


def test_company_from_sender_uses_names_not_platforms() -> None:
    assert company_from_sender("Acme Careers", "jobs@acme.example") == "Acme"
    assert company_from_sender("Harbor Analytics", "careers@harboranalytics.com") == "Harbor Analytics"
    assert company_from_sender("Maya Chen", "maya@orbitalworks.com") == "Orbitalworks"
    assert company_from_sender("", "no-reply@us.greenhouse-mail.io") is None
    assert company_from_sender("Brightline via Lever", "no-reply@hire.lever.co") == "Brightline"
