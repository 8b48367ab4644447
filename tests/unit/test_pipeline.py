"""Pipeline rules and value checks that every form and import relies on."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.applications import (
    Status,
    check_transition,
    clean_url,
    is_reopening,
    parse_date,
    parse_salary,
    parse_status,
)
from nextround.domain.csv_layouts import (
    detect_layout,
    protect_cell,
    status_from_text,
    unprotect_cell,
)
from nextround.errors import ConflictError, UserInputError


def test_statuses_follow_the_real_pipeline() -> None:
    assert [s.value for s in Status][:6] == [
        "saved", "applied", "screening", "interviewing", "offer", "accepted"]
    assert {s for s in Status if s.is_ending} == {
        Status.REJECTED, Status.GHOSTED, Status.WITHDRAWN, Status.CLOSED}


def test_endings_can_be_reopened() -> None:
    check_transition(Status.GHOSTED, Status.INTERVIEWING)
    assert is_reopening(Status.GHOSTED, Status.INTERVIEWING)
    check_transition(Status.REJECTED, Status.APPLIED)


@pytest.mark.parametrize("old,new", [
    (Status.APPLIED, Status.SAVED), (Status.ACCEPTED, Status.REJECTED),
    (Status.APPLIED, Status.APPLIED)])
def test_senseless_moves_are_refused_with_a_next_step(old: Status, new: Status) -> None:
    with pytest.raises(ConflictError):
        check_transition(old, new)


def test_status_names_are_forgiving_but_unknown_ones_list_the_choices() -> None:
    assert parse_status(" Interviewing ") == Status.INTERVIEWING
    with pytest.raises(UserInputError) as err:
        parse_status("pending")
    assert "ghosted" in str(err.value)


def test_dates() -> None:
    assert parse_date("2026-03-14") == date(2026, 3, 14)
    assert parse_date("14/03/2026") == date(2026, 3, 14)
    assert parse_date("") is None
    with pytest.raises(UserInputError, match="YYYY-MM-DD"):
        parse_date("next tuesday")


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "x y"])
def test_only_web_links_are_kept(bad: str) -> None:
    with pytest.raises(UserInputError):
        clean_url(bad)
    assert clean_url("https://example.org/jobs/1") == "https://example.org/jobs/1"


def test_salary_shorthand() -> None:
    assert parse_salary("55k") == 55000
    assert parse_salary("55,000") == 55000
    with pytest.raises(UserInputError):
        parse_salary("lots")


def test_tracker_layouts_and_status_words() -> None:
    assert detect_layout(["Company", "Job Title", "List", "Date Applied"]) == "huntr"
    assert detect_layout(["Company", "Job Position", "Status", "Date Applied"]) == "teal"
    assert detect_layout(["company", "role", "status"]) == "generic"
    assert status_from_text("Not Selected") == Status.REJECTED
    assert status_from_text("No Response") == Status.GHOSTED
    assert status_from_text("Wishlist") == Status.SAVED
    assert status_from_text("banana") is None


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"https://x\",\"y\")", "+cmd", "@SUM(1)", "-1", "\tx"])
def test_formula_cells_are_neutralised_and_round_trip(cell: str) -> None:
    protected = protect_cell(cell)
    assert protected.startswith("'")
    assert unprotect_cell(protected) == cell
    assert protect_cell("Acme") == "Acme"
