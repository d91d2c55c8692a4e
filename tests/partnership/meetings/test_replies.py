"""Members say in advance: apologies or "I will attend" from the meeting page or from the signed
link of the reminder email (which works without signing in, then asks to confirm); the
attendance form starts from those answers; a bad link gets a clear page, never an error."""

import datetime as dt
import re

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnership.models import AttendanceReply, Notification
from partnership.selectors.attendance import attendance_starting_point
from partnership.services import attendance as attendance_services
from partnership.services.meeting_notices import meeting_reminders_write
from tests.factories.meetings import AttendanceFactory, members_meeting
from tests.factories.partnership import MembershipFactory, UserFactory


def _reply(meeting, person):
    return AttendanceReply.objects.filter(meeting=meeting, person=person).values_list("reply", flat=True).first()


def test_a_member_sends_apologies_from_the_meeting_page_and_changes_their_mind(world, client_for):
    meeting = members_meeting(world.mrap)
    member = world.users["panel_member"]
    client = client_for(member)
    url = reverse("partnership:attendance_reply", args=[meeting.pk])
    response = client.post(url, {"reply": "apologies"}, follow=True)
    assert _reply(meeting, member) == "apologies"
    assert "your apologies are recorded" in response.content.decode()
    client.post(url, {"reply": "attending"})
    assert _reply(meeting, member) == "attending"
    assert AttendanceReply.objects.filter(meeting=meeting).count() == 1


def test_only_members_reply_and_only_before_the_meeting(world, client_for):
    meeting = members_meeting(world.mrap)
    outsider = client_for(world.users["borough_a"])
    assert outsider.post(reverse("partnership:attendance_reply", args=[meeting.pk]),
                         {"reply": "apologies"}).status_code == 404
    started = members_meeting(world.mrap, starts_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="replies are closed"):
        attendance_services.attendance_reply(meeting=started, person=world.users["panel_member"], reply="apologies")
    with pytest.raises(ValidationError, match="Say whether"):
        attendance_services.attendance_reply(meeting=meeting, person=world.users["panel_member"], reply="maybe")


def test_the_attendance_form_starts_from_the_replies(world, client_for):
    meeting = members_meeting(world.mrap)
    member, other = world.users["panel_member"], UserFactory(full_name="Oli Other")
    MembershipFactory(user=other, body=world.mrap)
    attendance_services.attendance_reply(meeting=meeting, person=member, reply="apologies")
    attendance_services.attendance_reply(meeting=meeting, person=other, reply="attending")
    assert attendance_starting_point(meeting) == {member.pk: "apologies", other.pk: "present"}
    AttendanceFactory(meeting=meeting, person=other, status="absent")  # what was recorded wins
    assert attendance_starting_point(meeting)[other.pk] == "absent"
    page = client_for(world.users["gla_officer"]).get(reverse("partnership:attendance_record", args=[meeting.pk]))
    html = page.content.decode()
    assert re.search(rf'name="person_{member.pk}"[^>]*value="apologies"[^>]*checked', html) or re.search(
        rf'value="apologies"[^>]*name="person_{member.pk}"[^>]*checked', html)


def _links_in_reminder(meeting, person):
    meeting_reminders_write(meeting=meeting, days_before=7, now=timezone.now())
    notice = Notification.objects.get(recipient_email=person.email)
    return dict(re.findall(r"- (I will attend|I send my apologies): (\S+)", notice.body_text))


def test_the_reminder_carries_signed_links_that_work_without_signing_in(world, client):
    meeting = members_meeting(world.mrap)
    member = world.users["panel_member"]
    links = _links_in_reminder(meeting, member)
    link = links["I send my apologies"]
    path = link[link.index("/meetings/reply/"):]
    confirm = client.get(path)
    assert confirm.status_code == 200 and "Send your apologies?" in confirm.content.decode()
    assert _reply(meeting, member) is None  # opening the link records nothing
    done = client.post(path, follow=True)
    assert done.status_code == 200 and "Reply recorded" in done.content.decode()
    assert _reply(meeting, member) == "apologies"


def test_a_tampered_link_gets_a_clear_page(world, client):
    meeting = members_meeting(world.mrap)
    token = attendance_services.reply_token(meeting=meeting, person=world.users["panel_member"], reply="attending")
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for method in (client.get, client.post):
        response = method(reverse("partnership:attendance_reply_link", args=[forged]))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert _reply(meeting, world.users["panel_member"]) is None


def test_an_expired_link_gets_a_clear_page(world, client, monkeypatch):
    meeting = members_meeting(world.mrap)
    token = attendance_services.reply_token(meeting=meeting, person=world.users["panel_member"], reply="attending")
    later = signing.time.time() + attendance_services.REPLY_LINK_MAX_AGE.total_seconds() + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.post(reverse("partnership:attendance_reply_link", args=[token]))
    assert response.status_code == 400
    assert "This link has expired." in response.content.decode()
    assert _reply(meeting, world.users["panel_member"]) is None


def test_a_link_after_the_meeting_started_says_replies_are_closed(world, client):
    meeting = members_meeting(world.mrap, starts_at=timezone.now() - dt.timedelta(minutes=5))
    token = attendance_services.reply_token(meeting=meeting, person=world.users["panel_member"], reply="apologies")
    url = reverse("partnership:attendance_reply_link", args=[token])
    assert "replies are closed" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 409 and "replies are closed" in response.content.decode()
