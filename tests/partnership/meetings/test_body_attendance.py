"""A body's page of each member's attendance over the last year: counts from the recorded
attendance of held meetings, bounded to the last year, paged, flat in queries."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from partnership.models import AttendanceStatus, MeetingStatus
from partnership.selectors.attendance import body_attendance
from tests.factories.meetings import AttendanceFactory
from tests.factories.partnership import MeetingFactory, MembershipFactory, UserFactory
from tests.support.queries import assert_flat_query_count


def _held(body, days_ago):
    starts = timezone.now() - dt.timedelta(days=days_ago)
    return MeetingFactory(body=body, status=MeetingStatus.HELD, starts_at=starts,
                          ends_at=starts + dt.timedelta(hours=1))


def test_counts_cover_held_meetings_of_the_last_year_only(world):
    member = world.users["panel_member"]
    recent, older, too_old = _held(world.mrap, 30), _held(world.mrap, 200), _held(world.mrap, 400)
    AttendanceFactory(meeting=recent, person=member, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=older, person=member, status=AttendanceStatus.APOLOGIES)
    AttendanceFactory(meeting=too_old, person=member, status=AttendanceStatus.PRESENT)
    rows, counted = body_attendance(world.mrap)
    row = rows.get(user=member)
    assert counted == 2 and (row.present, row.apologies, row.absent) == (1, 1, 0)


def test_members_and_officers_see_the_page_others_get_404(world, client_for):
    url = reverse("partnership:body_attendance", args=[world.mrap.pk])
    assert client_for(world.users["panel_member"]).get(url).status_code == 200
    assert client_for(world.users["gla_officer"]).get(url).status_code == 200
    assert client_for(world.users["borough_a"]).get(url).status_code == 404


def test_query_count_is_flat(world, client_for):
    meetings = [_held(world.mrap, days) for days in (10, 40, 70)]
    client = client_for(world.users["gla_officer"])

    def make_rows(n):
        for index in range(n):
            person = UserFactory(full_name=f"Member {index:03d}")
            MembershipFactory(user=person, body=world.mrap)
            for meeting in meetings:
                AttendanceFactory(meeting=meeting, person=person)

    assert_flat_query_count(client, reverse("partnership:body_attendance", args=[world.mrap.pk]), make_rows,
                            small=5, large=25)
