"""Who is a member of a body at a meeting: the members on the meeting's day in London. The rule is
written once in Python (Membership.objects.at) and once in SQL for a list of meetings
(selectors.meetings.meeting_for_page); these tests hold the two together at the day's edge, where
a meeting at 00:30 in summer is on the next day in London but on the day before in UTC."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnership.models import AttendanceReplyChoice, Membership
from partnership.selectors.attendance import expected_people, is_member_on_the_day
from partnership.selectors.meetings import meeting_for_page
from partnership.services.attendance import attendance_reply
from tests.factories.partnership import BodyFactory, MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LONDON_DAY = dt.date(2026, 6, 11)
HALF_PAST_MIDNIGHT_BST = dt.datetime(2026, 6, 10, 23, 30, tzinfo=dt.UTC)  # 00:30 on 11 June in London


@pytest.fixture
def edge():
    body = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    meeting = MeetingFactory(body=body, starts_at=HALF_PAST_MIDNIGHT_BST,
                             ends_at=HALF_PAST_MIDNIGHT_BST + dt.timedelta(hours=1))
    left = UserFactory(full_name="Left the day before")
    joined = UserFactory(full_name="Joined that day")
    MembershipFactory(body=body, user=left, started_on=dt.date(2025, 1, 1), ended_on=LONDON_DAY - dt.timedelta(days=1))
    MembershipFactory(body=body, user=joined, started_on=LONDON_DAY)
    return meeting, left, joined


def test_the_meeting_is_on_its_london_day(edge):
    meeting, _, _ = edge
    assert meeting.local_day == LONDON_DAY
    assert str(meeting).endswith("11 Jun 2026")


def test_members_on_the_day_in_python(edge):
    meeting, left, joined = edge
    assert [m.user for m in Membership.objects.at(meeting)] == [joined]
    assert is_member_on_the_day(meeting, joined) and not is_member_on_the_day(meeting, left)
    assert list(expected_people(meeting)) == [joined]


def test_the_sql_rule_of_the_meeting_page_agrees(edge):
    meeting, left, joined = edge
    assert meeting_for_page(joined).get(pk=meeting.pk).viewer_is_member is True
    assert meeting_for_page(left).get(pk=meeting.pk).viewer_is_member is False


def test_only_a_member_on_the_day_may_reply(edge):
    meeting, left, joined = edge
    now = HALF_PAST_MIDNIGHT_BST - dt.timedelta(days=2)
    reply = attendance_reply(meeting=meeting, person=joined, reply=AttendanceReplyChoice.ATTENDING, now=now)
    assert reply.person == joined
    with pytest.raises(ValidationError, match="Only members of the body"):
        attendance_reply(meeting=meeting, person=left, reply=AttendanceReplyChoice.ATTENDING, now=now)
