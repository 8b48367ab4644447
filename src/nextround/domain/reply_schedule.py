"""Dates for following up: working days after a message, months before looking again."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

DEFAULT_FOLLOW_UP_WORKING_DAYS = 10
DEFAULT_LOOK_AGAIN_MONTHS = 3


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days (Monday to Friday) after `start`."""
    if days < 0:
        raise ValueError("The number of working days cannot be negative.")
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    if months < 0:
        raise ValueError("The number of months cannot be negative.")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
