"""Forms that an empty POST may legitimately satisfy, and what it does to them. (Every form page
answers an empty POST somehow: tests/access/test_empty_post.py. These check the outcome.)"""

import re

from django.urls import reverse

from partnership.models import Attendance, AttendanceStatus, NotificationPreference
from partnership.notifications.registry import optional_kinds
from tests.factories.meetings import CalendarFeedTokenFactory, members_meeting
from tests.factories.partnership import MembershipFactory, UserFactory


def _attendance_page(world, client_for):
    meeting = members_meeting(world.mrap)
    present, apologies = (MembershipFactory(body=world.mrap, user=UserFactory(full_name=name)).user
                          for name in ("Pat Present", "Ade Apologies"))
    Attendance.objects.create(meeting=meeting, person=present, status=AttendanceStatus.PRESENT)
    Attendance.objects.create(meeting=meeting, person=apologies, status=AttendanceStatus.APOLOGIES)
    client = client_for(world.users["gla_officer"])
    return client, reverse("partnership:attendance_record", args=[meeting.pk]), meeting, present, apologies


def _recorded(meeting):
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person__full_name", "status"))


def test_the_attendance_page_ticks_one_option_for_every_person(world, client_for):
    # Why a group missing from a POST may be read as "no change": the page always posts every group.
    client, url, *_ = _attendance_page(world, client_for)
    page = client.get(url).content.decode()
    groups = set(re.findall(r'name="(person_\d+)"', page))
    ticked = re.findall(r'<input[^>]*name="(person_\d+)"[^>]*checked', page)
    assert len(groups) >= 2
    assert sorted(ticked) == sorted(groups)


def test_an_empty_attendance_post_changes_nothing(world, client_for):
    client, url, meeting, *_ = _attendance_page(world, client_for)
    before = _recorded(meeting)
    response = client.post(url, {})
    assert response.status_code == 302
    assert _recorded(meeting) == before == {"Pat Present": "present", "Ade Apologies": "apologies"}


def test_attendance_changes_only_the_people_posted(world, client_for):
    client, url, meeting, present, apologies = _attendance_page(world, client_for)
    client.post(url, {f"person_{apologies.pk}": ""})  # "Not recorded", ticked
    assert _recorded(meeting) == {"Pat Present": "present"}
    client.post(url, {f"person_{present.pk}": AttendanceStatus.APOLOGIES})
    assert _recorded(meeting) == {"Pat Present": "apologies"}


def test_an_empty_post_to_the_calendar_address_page_changes_nothing(world, client_for):
    user = world.users["panel_member"]
    token = CalendarFeedTokenFactory(user=user).token
    client = client_for(user)
    response = client.post(reverse("partnership:feed_settings"), {}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    user.refresh_from_db()
    assert user.calendar_feed_token.token == token
    assert client.get(reverse("partnership:personal_feed", args=[token])).status_code == 200


def test_no_notice_ticked_switches_every_optional_notice_off(world, client_for):
    # Unticked boxes post nothing; the choice of delivery is still required (an empty POST is refused:
    # tests/partnership/notifications/test_preferences_and_digests.py).
    user = world.users["panel_member"]
    response = client_for(user).post(reverse("partnership:notification_preferences"), {"delivery": "single"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=user)
    assert sorted(preference.switched_off_kinds) == sorted(kind.kind for kind in optional_kinds())


def test_an_empty_post_does_not_switch_a_person_off(world, client_for):
    # "May sign in" is a checkbox: unticked posts nothing. An empty POST must not read as "unticked".
    member = world.users["panel_member"]
    response = client_for(world.users["gla_officer"]).post(reverse("partnership:person_edit", args=[member.pk]), {})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active and member.full_name == "Mo Member"
