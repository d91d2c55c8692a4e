"""Meeting reminders, changes, cancellations and papers published: who gets what, when."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar

from partnership.models import Body, MembershipRole, Notification, NotificationStatus, PaperVisibility
from partnership.notifications.services.preferences import preference_update
from partnership.reminders import plan_meeting_reminders
from partnership.services import meetings as meeting_services
from partnership.services.meeting_calendar import meeting_uid
from partnership.services.meeting_notices import (
    on_meeting_cancelled,
    on_meeting_rescheduled,
    on_papers_published,
)
from tests.factories.meetings import AgendaItemFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import BodyFactory, MeetingFactory, MembershipFactory, UserFactory, gla_officer


@pytest.fixture
def setting():
    body = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    member = UserFactory(email="member@example.org", full_name="Mo Member")
    secretary = UserFactory(email="secretariat@example.org")
    former = UserFactory(email="former@example.org")
    MembershipFactory(user=member, body=body)
    MembershipFactory(user=secretary, body=body, role=MembershipRole.SECRETARIAT)
    MembershipFactory(user=former, body=body, started_on=dt.date(2020, 1, 1), ended_on=dt.date(2021, 1, 1))
    starts = (timezone.now() + dt.timedelta(days=10)).replace(second=0, microsecond=0)
    meeting = MeetingFactory(body=body, starts_at=starts, ends_at=starts + dt.timedelta(hours=2))
    AgendaItemFactory(meeting=meeting, position=1, title="Matters arising")
    AgendaItemFactory(meeting=meeting, position=2, title="Asylum accommodation update")
    return body, meeting, member, secretary


def _rows(**filters):
    return Notification.objects.filter(**filters)


@pytest.mark.django_db
def test_reminders_are_written_7_and_1_days_before_to_current_members_and_secretariat(setting):
    body, meeting, member, secretary = setting
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=8)) == 0
    at_7 = meeting.starts_at - dt.timedelta(days=7, hours=1)
    assert plan_meeting_reminders(at_7) == 2
    assert plan_meeting_reminders(at_7) == 0  # a second run writes nothing twice
    rows = _rows(kind="meeting.reminder")
    assert {r.recipient_email for r in rows} == {member.email, secretary.email}
    assert {r.send_after for r in rows} == {meeting.starts_at - dt.timedelta(days=7)}
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(hours=23)) == 2
    assert _rows(kind="meeting.reminder").count() == 4
    reminder = _rows(kind="meeting.reminder", recipient=member).first()
    assert "Matters arising" in reminder.body_text and "Asylum accommodation update" in reminder.body_text
    assert f"/meetings/{meeting.pk}/" in reminder.body_text
    assert reminder.attachment_mimetype == "text/calendar"


@pytest.mark.django_db
def test_each_body_sets_its_own_offsets(setting):
    body, meeting, member, _ = setting
    body.reminder_days_before = "3"
    body.save()
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1)) == 0
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=3, hours=1)) == 2
    assert set(_rows().values_list("slot", flat=True)) == {
        f"3d-{meeting.starts_at.astimezone(dt.UTC):%Y-%m-%dT%H:%MZ}"}
    body.reminder_days_before = ""
    body.save()
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(hours=23)) == 0


@pytest.mark.parametrize("value", ["7,x", "0", "61", "7,7", "-1"])
def test_reminder_days_are_validated(value):
    body = BodyFactory.build(reminder_days_before=value, name="X", short_name="X", purpose="p")
    with pytest.raises(ValidationError):
        Body._meta.get_field("reminder_days_before").run_validators(value)
    assert body.reminder_offsets == ()  # a bad value stored anyway gives no reminders, no crash
    Body._meta.get_field("reminder_days_before").run_validators("14, 7,1")
    assert BodyFactory.build(reminder_days_before="1,14, 7").reminder_offsets == (14, 7, 1)


@pytest.mark.django_db
def test_a_reminder_long_past_its_time_is_not_sent_late(setting):
    _, meeting, _, _ = setting
    # Two days before the meeting the 7-day reminder is 5 days late: only the 1-day one comes.
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=2)) == 0
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=1, minutes=-30)) == 2


@pytest.mark.django_db
def test_papers_in_a_reminder_are_the_ones_the_recipient_may_see(setting):
    body, meeting, member, _ = setting
    officer = gla_officer(email="officer@example.org")
    MembershipFactory(user=officer, body=body)
    PaperFactory(body=body, meeting=meeting, title="Members paper", visibility=PaperVisibility.MEMBERS)
    PaperFactory(body=body, meeting=meeting, title="Restricted paper", visibility=PaperVisibility.RESTRICTED)
    PaperFactory(body=body, meeting=meeting, title="Draft paper", published_at=None)
    plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1))
    for_member = _rows(recipient=member).get().body_text
    for_officer = _rows(recipient=officer).get().body_text
    assert "Members paper" in for_member
    assert "Restricted paper" not in for_member and "Draft paper" not in for_member
    assert "Restricted paper" in for_officer
    assert "http://127.0.0.1:8000/papers/" in for_member


@pytest.mark.django_db
def test_reschedule_cancels_stale_reminders_and_sends_an_updated_ics(setting):
    _, meeting, member, _ = setting
    old_start = meeting.starts_at
    plan_meeting_reminders(old_start - dt.timedelta(days=7, hours=1))  # written, due in an hour
    with transaction.atomic():
        meeting.starts_at = old_start + dt.timedelta(days=2)
        meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
        meeting.sequence += 1
        meeting.save()
        assert on_meeting_rescheduled(meeting=meeting, previous_starts_at=old_start) == 2
    assert set(_rows(kind="meeting.reminder").values_list("status", flat=True)) == {NotificationStatus.CANCELLED}
    change = _rows(kind="meeting.rescheduled", recipient=member).get()
    event = Calendar.from_ical(change.attachment_content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"lsmp-meeting-{meeting.pk}@lsmp-portal"
    assert int(event["sequence"]) == 1
    assert event.decoded("dtstart") == meeting.starts_at
    # The planner now writes reminders for the new time, under new keys.
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1)) == 2


@pytest.mark.django_db
def test_cancellation_cancels_pending_notices_and_sends_method_cancel(setting):
    _, meeting, member, _ = setting
    plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1))
    meeting.status = "cancelled"
    meeting.sequence += 1
    meeting.save()
    assert on_meeting_cancelled(meeting=meeting) == 2
    assert not _rows(kind="meeting.reminder", status=NotificationStatus.PENDING).exists()
    cancelled = _rows(kind="meeting.cancelled", recipient=member).get()
    calendar = Calendar.from_ical(cancelled.attachment_content)
    assert str(calendar["method"]) == "CANCEL"
    event = calendar.walk("VEVENT")[0]
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    # A cancelled meeting gets no more reminders.
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(hours=23)) == 0


@pytest.mark.django_db
def test_meeting_notices_cannot_be_switched_off(setting):
    _, meeting, member, _ = setting
    preference_update(user=member, delivery="digest", switched_off_kinds=["meeting.reminder", "paper.published"])
    plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1))
    reminder = _rows(kind="meeting.reminder", recipient=member).get()
    assert reminder.held_for_digest is False


@pytest.mark.django_db
def test_papers_published_notice_lists_only_visible_papers(setting):
    body, meeting, member, secretary = setting
    visible = PaperFactory(body=body, meeting=meeting, title="Briefing", visibility=PaperVisibility.MEMBERS)
    hidden = PaperFactory(body=body, meeting=meeting, title="Restricted", visibility=PaperVisibility.RESTRICTED)
    assert on_papers_published(papers=[visible, hidden]) == 2
    assert on_papers_published(papers=[visible, hidden]) == 0
    row = _rows(kind="paper.published", recipient=member).get()
    assert "Briefing" in row.body_text and "Restricted" not in row.body_text
    assert on_papers_published(papers=[hidden]) == 0  # nobody non-officer may see it
    preference_update(user=secretary, delivery="single", switched_off_kinds=["paper.published"])
    another = PaperFactory(body=body, meeting=meeting, title="Annex")
    assert on_papers_published(papers=[another]) == 1


def _event(row):
    calendar = Calendar.from_ical(row.attachment_content)
    return calendar, calendar.walk("VEVENT")[0]


@pytest.mark.django_db
def test_postponing_cancels_pending_reminders_and_takes_the_old_slot_out_of_calendars(setting):
    _, meeting, member, secretary = setting
    plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1))
    assert _rows(kind="meeting.reminder", status=NotificationStatus.PENDING).count() == 2
    meeting = meeting_services.meeting_postpone(meeting=meeting)
    assert not _rows(kind="meeting.reminder", status=NotificationStatus.PENDING).exists()
    assert {r.recipient_email for r in _rows(kind="meeting.postponed")} == {member.email, secretary.email}
    notice = _rows(kind="meeting.postponed", recipient=member).get()
    assert notice.subject.startswith("Meeting postponed:") and "postponed" in notice.body_text
    assert "has been cancelled" not in notice.body_text
    calendar, event = _event(notice)
    assert str(calendar["method"]) == "CANCEL" and str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == meeting_uid(meeting)
    assert int(event["sequence"]) == meeting.sequence == 1
    # A postponed meeting gets no reminders while it has no new time.
    assert plan_meeting_reminders(meeting.starts_at - dt.timedelta(hours=23)) == 0


@pytest.mark.django_db
def test_a_postponed_meeting_rescheduled_gets_a_higher_sequence_and_new_reminders(setting):
    _, meeting, member, _ = setting
    plan_meeting_reminders(meeting.starts_at - dt.timedelta(days=7, hours=1))
    meeting = meeting_services.meeting_postpone(meeting=meeting)
    new_start = meeting.starts_at + dt.timedelta(days=14)
    meeting = meeting_services.meeting_reschedule(meeting=meeting, starts_at=new_start,
                                                  ends_at=new_start + dt.timedelta(hours=2),
                                                  location=meeting.location, online_link="")
    assert meeting.status == "scheduled" and meeting.sequence == 2
    calendar, event = _event(_rows(kind="meeting.rescheduled", recipient=member).get())
    assert str(calendar["method"]) == "REQUEST" and int(event["sequence"]) == 2
    assert str(event["uid"]) == meeting_uid(meeting) and event.decoded("dtstart") == new_start
    assert plan_meeting_reminders(new_start - dt.timedelta(days=7, hours=1)) == 2
    assert _rows(kind="meeting.reminder", status=NotificationStatus.PENDING).count() == 2


@pytest.mark.django_db
def test_a_postponed_meeting_put_back_at_its_old_start_gets_its_reminders_again(setting):
    """Same start, new place: the reminder keys are those cancelled at the postponement, so
    the planner must re-queue those rows (a new row with that key cannot be written)."""
    _, meeting, member, _ = setting
    at_7 = meeting.starts_at - dt.timedelta(days=7, hours=1)
    plan_meeting_reminders(at_7)
    meeting = meeting_services.meeting_postpone(meeting=meeting)
    meeting = meeting_services.meeting_reschedule(meeting=meeting, starts_at=meeting.starts_at,
                                                  ends_at=meeting.ends_at, location="City Hall, Room 2",
                                                  online_link="")
    assert meeting.status == "scheduled"
    assert plan_meeting_reminders(at_7) == 2
    reminder = _rows(kind="meeting.reminder", recipient=member).get()
    assert reminder.status == NotificationStatus.PENDING and "City Hall, Room 2" in reminder.body_text
    assert plan_meeting_reminders(at_7) == 0  # and only once
