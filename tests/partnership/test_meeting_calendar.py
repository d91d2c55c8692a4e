"""The .ics files parse with icalendar and carry the right London times either side of the
October and March clock changes, both by the TZID and by the VTIMEZONE they carry."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from partnership.services.meeting_calendar import meeting_ics
from tests.factories.partnership import MeetingFactory

LONDON = ZoneInfo("Europe/London")


def _ics(meeting, **kwargs):
    name, content, mimetype = meeting_ics(meeting=meeting, recipient_email="m@example.org", **kwargs)
    assert name == f"meeting-{meeting.pk}.ics" and mimetype == "text/calendar"
    return Calendar.from_ical(content)


@pytest.mark.django_db
@pytest.mark.parametrize(("local_start", "utc_offset_hours"), [
    (dt.datetime(2026, 10, 24, 10, 0), 1),   # Saturday before the October change: BST
    (dt.datetime(2026, 10, 26, 10, 0), 0),   # Monday after it: GMT
    (dt.datetime(2027, 3, 27, 10, 0), 0),    # Saturday before the March change: GMT
    (dt.datetime(2027, 3, 29, 10, 0), 1),    # Monday after it: BST
    (dt.datetime(2031, 10, 27, 18, 30), 0),  # years ahead: the rule, not a list of dates
])
def test_times_are_right_in_london_across_the_clock_changes(local_start, utc_offset_hours):
    starts = local_start.replace(tzinfo=LONDON)
    meeting = MeetingFactory(starts_at=starts, ends_at=starts + dt.timedelta(hours=2))
    calendar = _ics(meeting)
    event = calendar.walk("VEVENT")[0]
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert event["dtstart"].to_ical().decode() == local_start.strftime("%Y%m%dT%H%M%S")
    start = event.decoded("dtstart")
    assert start == starts
    assert start.utcoffset() == dt.timedelta(hours=utc_offset_hours)
    # The VTIMEZONE in the file, read on its own, gives the same offset (for calendars that do
    # not know the zone name).
    carried = calendar.walk("VTIMEZONE")[0].to_tz()
    assert local_start.replace(tzinfo=carried).utcoffset() == dt.timedelta(hours=utc_offset_hours)


@pytest.mark.django_db
def test_uid_is_stable_and_sequence_follows_the_meeting():
    meeting = MeetingFactory()
    first = _ics(meeting).walk("VEVENT")[0]
    meeting.sequence = 3
    moved = _ics(meeting).walk("VEVENT")[0]
    cancelled = _ics(meeting, cancel=True)
    assert first["uid"] == moved["uid"] == cancelled.walk("VEVENT")[0]["uid"]
    assert (int(first["sequence"]), int(moved["sequence"])) == (0, 3)
    assert str(_ics(meeting)["method"]) == "REQUEST"
    assert str(cancelled["method"]) == "CANCEL"
    assert str(moved["attendee"]) == "mailto:m@example.org"
