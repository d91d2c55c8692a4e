"""The reply-by rule: 5 working days after the day of receipt, England and Wales bank holidays
and weekends excluded, from the library's bundled data (no network)."""

import socket
from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from partnership.common import working_days
from partnership.enquiries.services import response_due_for

LONDON = ZoneInfo("Europe/London")


def received(*args):
    return datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(("received_at", "due"), [
    # An ordinary week: Monday -> the next Monday.
    (received(2026, 3, 9, 10, 0), date(2026, 3, 16)),
    # Friday -> the next Friday, across one weekend.
    (received(2026, 3, 13, 16, 30), date(2026, 3, 20)),
    # Saturday and Sunday count from Monday: Mon..Fri of the next week.
    (received(2026, 3, 14, 9, 0), date(2026, 3, 20)),
    (received(2026, 3, 15, 23, 59), date(2026, 3, 20)),
    # Christmas 2025: Fri 19 Dec -> Mon 22, Tue 23, Wed 24, (Thu 25, Fri 26 holidays), Mon 29, Tue 30.
    (received(2025, 12, 19, 11, 0), date(2025, 12, 30)),
    # Christmas Eve -> Mon 29, Tue 30, Wed 31, (Thu 1 Jan holiday), Fri 2, Mon 5 Jan 2026.
    (received(2025, 12, 24, 15, 0), date(2026, 1, 5)),
    # Christmas Day itself: (Fri 26 holiday, weekend) Mon 29, Tue 30, Wed 31, Fri 2, Mon 5 Jan.
    (received(2025, 12, 25, 8, 0), date(2026, 1, 5)),
    # Easter 2026: Thu 2 April -> (Good Friday 3, weekend, Easter Monday 6) Tue 7 .. Mon 13.
    (received(2026, 4, 2, 12, 0), date(2026, 4, 13)),
    # Good Friday itself: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    (received(2026, 4, 3, 12, 0), date(2026, 4, 13)),
    # Tuesday before Easter: Wed 1, Thu 2, (3-6 off) Tue 7, Wed 8, Thu 9.
    (received(2026, 3, 31, 9, 0), date(2026, 4, 9)),
    # Early May bank holiday 2026 (Mon 4 May): Fri 1 May -> Tue 5 .. Mon 11.
    (received(2026, 5, 1, 9, 0), date(2026, 5, 11)),
])
def test_reply_by_date(received_at, due):
    assert response_due_for(received_at) == due


def test_receipt_date_is_londons_not_utcs():
    # The clocks went forward that morning, so 23:30 UTC on Sunday 29 March 2026 is 00:30 on
    # Monday 30 in London: day 0 is Monday, then Tue 31, Wed 1, Thu 2, (Easter) Tue 7, Wed 8.
    # Counting from the UTC date (Sunday) would give Tuesday 7 April.
    late_sunday_utc = datetime(2026, 3, 29, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert response_due_for(late_sunday_utc) == date(2026, 4, 8)


def test_bank_holidays_are_england_and_wales():
    # St Andrew's Day (Scotland) and 12 July (Northern Ireland) are working days in London.
    assert working_days.is_working_day(date(2025, 12, 1))
    assert working_days.is_working_day(date(2025, 7, 14)) and working_days.is_working_day(date(2025, 7, 11))
    assert not working_days.is_working_day(date(2025, 12, 25))
    assert not working_days.is_working_day(date(2026, 4, 3))  # Good Friday
    assert not working_days.is_working_day(date(2026, 4, 6))  # Easter Monday
    assert not working_days.is_working_day(date(2026, 8, 31))  # Summer bank holiday


def test_previous_and_next_working_day():
    assert working_days.previous_working_day(date(2026, 4, 7)) == date(2026, 4, 2)
    assert working_days.next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)


def test_the_calendar_never_touches_the_network():
    working_days.bank_holidays.cache_clear()
    working_days.last_known_year.cache_clear()
    with mock.patch("requests.get", side_effect=AssertionError("downloaded the holiday list")) as download, \
         mock.patch.object(socket.socket, "connect", side_effect=AssertionError("opened a connection")):
        assert response_due_for(received(2025, 12, 19, 11, 0)) == date(2025, 12, 30)
    download.assert_not_called()
    assert working_days.last_known_year() >= 2028
