"""Absolute links in emails and calendar files all come from partnership.notifications.services.notice_links,
so a PORTAL_BASE_URL written with a trailing slash never gives a double slash."""

import pytest
from django.test import override_settings
from icalendar import Calendar

from partnership.notifications.services.notice_links import meeting_link, portal_link
from partnership.services.meeting_calendar import meeting_ics
from tests.factories.partnership import MeetingFactory


@pytest.mark.parametrize("base", ["https://lsmp.example.org", "https://lsmp.example.org/"])
def test_portal_link_joins_base_and_path_with_one_slash(base):
    with override_settings(PORTAL_BASE_URL=base):
        assert portal_link("/meetings/7/") == "https://lsmp.example.org/meetings/7/"
        assert meeting_link(7) == "https://lsmp.example.org/meetings/7/"


@pytest.mark.django_db
@override_settings(PORTAL_BASE_URL="https://lsmp.example.org/")
def test_the_calendar_invite_links_to_the_meeting_page():
    meeting = MeetingFactory()
    _, content, _ = meeting_ics(meeting=meeting, recipient_email="m@example.org")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["description"]) == f"https://lsmp.example.org/meetings/{meeting.pk}/"
