"""Follow-up and look-again dates: working days skip weekends, months keep the day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextround.domain.reply_schedule import add_months, add_working_days


def test_ten_working_days_is_two_weeks_from_a_weekday() -> None:
    assert add_working_days(date(2026, 3, 20), 10) == date(2026, 4, 3)  # Friday to Friday
    assert add_working_days(date(2026, 3, 21), 1) == date(2026, 3, 23)  # Saturday to Monday
    assert add_working_days(date(2026, 3, 20), 0) == date(2026, 3, 20)


def test_months_keep_the_day_or_end_the_month() -> None:
    assert add_months(date(2026, 3, 4), 3) == date(2026, 6, 4)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


def test_negative_spans_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        add_months(date(2026, 1, 1), -1)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
       st.integers(min_value=1, max_value=60))
def test_working_days_never_land_on_a_weekend(start: date, days: int) -> None:
    end = add_working_days(start, days)
    assert end.weekday() < 5
    assert (end - start).days >= days
