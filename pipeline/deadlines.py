"""Statutory deadlines: a Subject Access Request is answered within one calendar month.

Plain functions, no Prefect, no database.

    >>> due_date(date(2026, 1, 31))
    datetime.date(2026, 2, 28)
    >>> urgency(date(2026, 2, 28), today=date(2026, 2, 25))
    <Urgency.DUE_SOON: 'due_soon'>

The due date is the received date plus one calendar month: the same day number in the
next month, or that month's last day when the day does not exist (31 January -> 28 or
29 February). When the case records an extension (``extended_due`` in case.json), the
extended date is the due date.
"""
from __future__ import annotations

import calendar
import os
from datetime import date, datetime
from enum import Enum
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DUE_SOON_DAYS = 7
TODAY_ENV = "SARPACK_TODAY"


class Urgency(str, Enum):
    """How close a case is to its due date; the report lists overdue, then due soon."""

    OVERDUE = "overdue"      # the due date has passed
    DUE_SOON = "due_soon"    # due today or within DUE_SOON_DAYS days
    ON_TRACK = "on_track"

    def __str__(self) -> str:
        return self.value


def add_one_month(d: date) -> date:
    """Same day number next month, or that month's last day when the day does not exist."""
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def due_date(received: date, extended: date | None = None) -> date:
    """The statutory due date, or the extended date when the case records one."""
    return extended if extended is not None else add_one_month(received)


def days_left(due: date, today: date) -> int:
    """Days until the due date: 0 on the day, negative once overdue."""
    return (due - today).days


def urgency(due: date, today: date, soon_days: int = DUE_SOON_DAYS) -> Urgency:
    left = days_left(due, today)
    if left < 0:
        return Urgency.OVERDUE
    if left <= soon_days:
        return Urgency.DUE_SOON
    return Urgency.ON_TRACK


def london_today(now: datetime | None = None) -> date:
    """Today's date in Europe/London (what a caseworker's calendar says)."""
    now = now or datetime.now(tz=LONDON)
    if now.tzinfo is None:
        raise ValueError("london_today needs an aware datetime")
    return now.astimezone(LONDON).date()


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def today(value: str | date | None = None) -> date:
    """The run's "today": an explicit value, else $SARPACK_TODAY, else the Europe/London date."""
    if isinstance(value, date):
        return value
    if value:
        return parse_day(value)
    env = os.environ.get(TODAY_ENV)
    if env:
        return parse_day(env)
    return london_today()
