"""The rules of meetings and minutes, at the service and database level."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnership.models import AgendaItem, Attendance, AttendanceStatus, MeetingStatus, Minutes, MinutesStatus
from partnership.services import agenda as agenda_services
from partnership.services import attendance as attendance_services
from partnership.services import meeting_notices
from partnership.services import meetings as meeting_services
from partnership.services import minutes as minutes_services
from partnership.services.meeting_decisions import meeting_decision_record
from tests.factories.meetings import AgendaItemFactory, MinutesFactory, members_meeting
from tests.factories.partnership import BodyFactory, MeetingFactory, UserFactory, gla_officer

pytestmark = pytest.mark.django_db


def london(year, month, day, hour, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def test_approved_minutes_cannot_change():
    minutes = MinutesFactory(text="Agreed text.")
    minutes_services.minutes_approve(minutes=minutes, by=gla_officer())
    with pytest.raises(ValidationError, match="approved and can no longer be changed"):
        minutes_services.minutes_save(meeting=minutes.meeting, text="Rewritten history.")
    minutes.refresh_from_db()
    assert minutes.text == "Agreed text."
    assert minutes.status == MinutesStatus.APPROVED


def test_minutes_are_approved_once_and_not_when_empty():
    minutes = MinutesFactory(text="   ")
    with pytest.raises(ValidationError, match="Write the minutes"):
        minutes_services.minutes_approve(minutes=minutes, by=gla_officer())
    minutes = MinutesFactory(text="Text.")
    officer = gla_officer()
    minutes_services.minutes_approve(minutes=minutes, by=officer)
    with pytest.raises(ValidationError, match="approved already"):
        minutes_services.minutes_approve(minutes=minutes, by=officer)


def test_draft_minutes_can_be_saved_again():
    meeting = MeetingFactory()
    minutes_services.minutes_save(meeting=meeting, text="First draft.")
    minutes_services.minutes_save(meeting=meeting, text="Second draft.")
    assert Minutes.objects.get(meeting=meeting).text == "Second draft."
    assert Minutes.history.filter(meeting_id=meeting.pk).count() == 2


def test_database_refuses_approved_minutes_without_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.create(meeting=MeetingFactory(), text="x", status=MinutesStatus.APPROVED)


def test_database_refuses_two_attendance_records_for_one_person():
    meeting, person = MeetingFactory(), UserFactory()
    Attendance.objects.create(meeting=meeting, person=person, status=AttendanceStatus.PRESENT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, person=person, status=AttendanceStatus.APOLOGIES)


@pytest.mark.parametrize(("starts", "ends", "field"), [
    (london(2027, 3, 2, 12), london(2027, 3, 2, 10), "end_time"),
    (london(2027, 3, 2, 10), london(2027, 3, 2, 10), "end_time"),
    (london(1900, 3, 2, 10), london(1900, 3, 2, 12), "date"),
])
def test_meeting_times_are_checked(starts, ends, field):
    with pytest.raises(ValidationError) as raised:
        meeting_services.meeting_schedule(body=BodyFactory(), starts_at=starts, ends_at=ends, location="City Hall")
    assert field in raised.value.message_dict


def test_reschedule_bumps_the_sequence_and_tells_members(monkeypatch):
    calls = []
    monkeypatch.setattr(meeting_notices, "on_meeting_rescheduled",
                        lambda **kwargs: calls.append(kwargs) or 0)
    meeting = MeetingFactory(starts_at=london(2027, 3, 2, 10), ends_at=london(2027, 3, 2, 12))
    moved = meeting_services.meeting_reschedule(meeting=meeting, starts_at=london(2027, 3, 9, 14),
                                        ends_at=london(2027, 3, 9, 16), location=meeting.location, online_link="")
    assert moved.sequence == 1
    assert calls == [{"meeting": moved, "previous_starts_at": london(2027, 3, 2, 10)}]
    # The same time and place again is no change: no new sequence, no notice.
    meeting_services.meeting_reschedule(meeting=moved, starts_at=moved.starts_at, ends_at=moved.ends_at,
                                location=moved.location, online_link="https://meet.example.org/new")
    moved.refresh_from_db()
    assert moved.sequence == 1 and len(calls) == 1


def test_cancel_keeps_the_meeting_and_tells_members(monkeypatch):
    calls = []
    monkeypatch.setattr(meeting_notices, "on_meeting_cancelled", lambda **kwargs: calls.append(kwargs) or 0)
    meeting = MeetingFactory()
    cancelled = meeting_services.meeting_cancel(meeting=meeting)
    assert cancelled.status == MeetingStatus.CANCELLED and cancelled.sequence == 1
    assert calls == [{"meeting": cancelled}]
    with pytest.raises(ValidationError):
        meeting_services.meeting_cancel(meeting=cancelled)
    with pytest.raises(ValidationError):
        meeting_services.meeting_reschedule(meeting=cancelled, starts_at=cancelled.starts_at,
                                    ends_at=cancelled.ends_at + dt.timedelta(hours=1), location="", online_link="")


def test_a_meeting_is_held_only_once_started_and_postponed_then_rescheduled():
    future = MeetingFactory()
    with pytest.raises(ValidationError, match="before it has started"):
        meeting_services.meeting_mark_held(meeting=future)
    postponed = meeting_services.meeting_postpone(meeting=future)
    assert postponed.status == MeetingStatus.POSTPONED
    again = meeting_services.meeting_reschedule(meeting=postponed, starts_at=postponed.starts_at + dt.timedelta(days=7),
                                        ends_at=postponed.ends_at + dt.timedelta(days=7),
                                        location=postponed.location, online_link="")
    assert again.status == MeetingStatus.SCHEDULED
    past = MeetingFactory(starts_at=timezone.now() - dt.timedelta(hours=3))
    assert meeting_services.meeting_mark_held(meeting=past).status == MeetingStatus.HELD


def test_create_next_copies_the_agenda_in_order():
    previous = members_meeting(BodyFactory())
    AgendaItemFactory(meeting=previous, position=2, title="Resettlement update", presenter="GLA")
    nxt = meeting_services.meeting_create_next(previous=previous, starts_at=previous.starts_at + dt.timedelta(days=28),
                                       ends_at=previous.ends_at + dt.timedelta(days=28))
    assert list(nxt.agenda_items.values_list("position", "title", "presenter")) == list(
        previous.agenda_items.values_list("position", "title", "presenter"))
    assert nxt.online_link == previous.online_link and nxt.status == MeetingStatus.SCHEDULED


def test_agenda_items_are_added_at_the_end_and_move():
    meeting = MeetingFactory()
    first = agenda_services.agenda_item_add(meeting=meeting, title="One")
    second = agenda_services.agenda_item_add(meeting=meeting, title="Two")
    third = agenda_services.agenda_item_add(meeting=meeting, title="Three")
    assert [first.position, second.position, third.position] == [1, 2, 3]
    agenda_services.agenda_item_move(item=third, direction="up")
    assert list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True)) == ["One", "Three", "Two"]
    agenda_services.agenda_item_move(item=AgendaItem.objects.get(title="One"), direction="up")  # already first
    agenda_services.agenda_item_move(item=AgendaItem.objects.get(title="One"), direction="down")
    assert list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True)) == ["Three", "One", "Two"]


def test_attendance_is_recorded_changed_and_cleared():
    meeting, person = MeetingFactory(), UserFactory()
    attendance_services.attendance_record(meeting=meeting, statuses={person: AttendanceStatus.APOLOGIES})
    attendance_services.attendance_record(meeting=meeting, statuses={person: AttendanceStatus.PRESENT})
    assert Attendance.objects.get(meeting=meeting, person=person).status == AttendanceStatus.PRESENT
    attendance_services.attendance_record(meeting=meeting, statuses={person: ""})
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_a_decision_names_an_item_of_its_own_meeting():
    meeting, other = members_meeting(BodyFactory()), members_meeting(BodyFactory())
    with pytest.raises(ValidationError):
        meeting_decision_record(meeting=meeting, text="Agreed.", agenda_item=other.agenda_items.get())
    assert meeting_decision_record(meeting=meeting, text="Agreed.", agenda_item=meeting.agenda_items.get()).pk


def test_a_new_title_raises_the_sequence_without_a_notice(monkeypatch):
    calls = []
    monkeypatch.setattr(meeting_notices, "on_meeting_rescheduled", lambda **kwargs: calls.append(kwargs) or 0)
    meeting = MeetingFactory(title="")
    changed = meeting_services.meeting_reschedule(meeting=meeting, starts_at=meeting.starts_at, ends_at=meeting.ends_at,
                                          location=meeting.location, online_link="", title="Annual meeting")
    assert changed.title == "Annual meeting" and changed.sequence == 1 and calls == []
