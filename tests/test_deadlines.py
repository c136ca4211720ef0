"""[nightly] Statutory due dates: received + one calendar month, or the recorded extension."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from pipeline import db
from pipeline.deadlines import (
    Urgency,
    add_one_month,
    days_left,
    due_date,
    london_today,
    parse_day,
    today,
    urgency,
)


@pytest.mark.parametrize(
    "received, due",
    [
        ("2026-01-15", "2026-02-15"),  # the same day number
        ("2026-01-31", "2026-02-28"),  # 31 February does not exist: the month's last day
        ("2028-01-31", "2028-02-29"),  # a leap year
        ("2026-01-29", "2026-02-28"),
        ("2026-03-31", "2026-04-30"),
        ("2026-08-31", "2026-09-30"),
        ("2026-12-31", "2027-01-31"),  # over the year end
        ("2026-12-01", "2027-01-01"),
        ("2026-02-28", "2026-03-28"),  # not "the month's last day" when the day exists
    ],
)
def test_due_is_received_plus_one_calendar_month(received, due):
    assert add_one_month(date.fromisoformat(received)) == date.fromisoformat(due)
    assert due_date(date.fromisoformat(received)) == date.fromisoformat(due)


def test_an_extension_replaces_the_due_date():
    assert due_date(date(2026, 1, 31), date(2026, 4, 30)) == date(2026, 4, 30)


def test_the_review_database_uses_the_same_arithmetic():
    assert db.due_date is due_date and db.add_one_month is add_one_month


@pytest.mark.parametrize(
    "due, expected, left",
    [
        ("2026-02-24", Urgency.OVERDUE, -1),
        ("2026-02-25", Urgency.DUE_SOON, 0),   # due today
        ("2026-03-04", Urgency.DUE_SOON, 7),   # within 7 days
        ("2026-03-05", Urgency.ON_TRACK, 8),
    ],
)
def test_urgency_relative_to_today(due, expected, left):
    t = date(2026, 2, 25)
    assert urgency(date.fromisoformat(due), t) is expected
    assert days_left(date.fromisoformat(due), t) == left


def test_today_is_the_london_date():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)...
    assert london_today(datetime(2026, 6, 30, 23, 30, tzinfo=timezone.utc)) == date(2026, 7, 1)
    # ...but still 31 December in winter (GMT).
    assert london_today(datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)) == date(2026, 12, 31)


def test_today_can_be_injected(monkeypatch):
    monkeypatch.setenv("SARPACK_TODAY", "2026-02-25")
    assert today() == date(2026, 2, 25)
    assert today("2026-03-01") == date(2026, 3, 1)  # an explicit value wins
    monkeypatch.delenv("SARPACK_TODAY")
    assert today() == london_today()


def test_a_bad_date_says_how_to_write_one():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day("25/02/2026")
