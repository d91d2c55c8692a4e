"""Approved minutes fix the attendance as they fix the agenda: they record who attended and who
sent apologies, so neither may change once the minutes are approved. Draft minutes (or none)
leave it open."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnership.models import Attendance, AttendanceStatus
from partnership.services import attendance as attendance_services
from partnership.services import minutes as minutes_services
from tests.factories.meetings import MinutesFactory
from tests.factories.partnership import MeetingFactory, MembershipFactory, UserFactory, gla_officer

pytestmark = pytest.mark.django_db

FIXED = "The minutes of this meeting are approved, so its attendance is fixed."


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def present(meeting):
    person = MembershipFactory(body=meeting.body, user=UserFactory(full_name="Pat Present")).user
    Attendance.objects.create(meeting=meeting, person=person, status=AttendanceStatus.PRESENT)
    return person


@pytest.fixture
def absent(meeting):
    return MembershipFactory(body=meeting.body, user=UserFactory(full_name="Ade Absent")).user


def _approve(meeting):
    MinutesFactory(meeting=meeting, approved=True, text="Present: Pat Present.")


def _recorded(meeting):
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person__full_name", "status"))


CHANGES = {
    "record": lambda present, absent: {absent: AttendanceStatus.APOLOGIES},
    "change": lambda present, absent: {present: AttendanceStatus.APOLOGIES},
    "clear": lambda present, absent: {present: ""},
    "nothing said": lambda present, absent: {},
}


@pytest.mark.parametrize("change", CHANGES)
def test_attendance_is_refused_once_the_minutes_are_approved(meeting, present, absent, change):
    _approve(meeting)
    with pytest.raises(ValidationError) as refused:
        attendance_services.attendance_record(meeting=meeting, statuses=CHANGES[change](present, absent))
    assert refused.value.messages == [FIXED]
    assert _recorded(meeting) == {"Pat Present": AttendanceStatus.PRESENT}


@pytest.mark.parametrize("minutes", ["none", "draft"])
def test_attendance_is_recorded_while_the_minutes_are_not_approved(meeting, present, absent, minutes):
    if minutes == "draft":
        MinutesFactory(meeting=meeting, text="Draft.")
    attendance_services.attendance_record(meeting=meeting, statuses={present: "", absent: AttendanceStatus.APOLOGIES})
    assert _recorded(meeting) == {"Ade Absent": AttendanceStatus.APOLOGIES}


def test_other_meetings_attendance_stays_open(meeting, present):
    _approve(meeting)
    other = MeetingFactory(body=meeting.body)
    attendance_services.attendance_record(meeting=other, statuses={present: AttendanceStatus.PRESENT})
    assert _recorded(other) == {"Pat Present": AttendanceStatus.PRESENT}


# --- The pages ----------------------------------------------------------------------------------

def _url(meeting):
    return reverse("partnership:attendance_record", args=[meeting.pk])


def test_meeting_page_hides_record_attendance_once_the_minutes_are_approved(meeting, client_for):
    client = client_for(gla_officer())
    meeting_url = reverse("partnership:meeting_detail", args=[meeting.pk])
    assert _url(meeting) in client.get(meeting_url).content.decode()
    _approve(meeting)
    assert _url(meeting) not in client.get(meeting_url).content.decode()


def test_the_attendance_page_of_approved_minutes_is_not_offered(meeting, present, client_for):
    _approve(meeting)
    response = client_for(gla_officer()).get(_url(meeting), follow=True)
    # To the top of the meeting page, where the refusal is shown (not to #attendance far below).
    assert response.redirect_chain == [(reverse("partnership:meeting_detail", args=[meeting.pk]), 302)]
    assert response.content.decode().count(FIXED) == 1


def test_a_post_to_fixed_attendance_goes_back_to_the_meeting_saying_why(meeting, present, absent, client_for):
    _approve(meeting)
    data = {f"person_{present.pk}": AttendanceStatus.APOLOGIES, f"person_{absent.pk}": AttendanceStatus.PRESENT}
    response = client_for(gla_officer()).post(_url(meeting), data, follow=True)
    assert response.redirect_chain == [(reverse("partnership:meeting_detail", args=[meeting.pk]), 302)]
    assert response.content.decode().count(FIXED) == 1
    assert _recorded(meeting) == {"Pat Present": AttendanceStatus.PRESENT}


def test_a_post_refused_by_the_service_goes_back_to_the_meeting_saying_why(meeting, present, client_for,
                                                                             monkeypatch):
    # The minutes approved between the view's check and the service's (the service holds the lock).
    monkeypatch.setattr(minutes_services, "attendance_is_fixed", lambda meeting_id: False)
    _approve(meeting)
    response = client_for(gla_officer()).post(_url(meeting), {f"person_{present.pk}": ""}, follow=True)
    assert response.redirect_chain == [(reverse("partnership:meeting_detail", args=[meeting.pk]), 302)]
    assert response.content.decode().count(FIXED) == 1
    assert _recorded(meeting) == {"Pat Present": AttendanceStatus.PRESENT}
