"""The minutes are the record: approved minutes show who attended and who sent apologies (from the
attendance recorded), and under each agenda item, in agenda order, its declarations of interest,
decisions and actions; public minutes come as a tagged PDF."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from partnership.models import AttendanceStatus, Declaration, MeetingDecision
from tests.factories.meetings import AgendaItemFactory, AttendanceFactory, MinutesFactory
from tests.factories.partnership import ActionFactory, BodyFactory, MeetingFactory, UserFactory


def _held_meeting(body):
    meeting = MeetingFactory(body=body, status="held")
    AgendaItemFactory(meeting=meeting, position=1, title="Welcome and apologies")
    second = AgendaItemFactory(meeting=meeting, position=2, title="Hotel use for asylum seekers")
    third = AgendaItemFactory(meeting=meeting, position=3, title="ESOL Plus round")
    ann, bo, cy = (UserFactory(full_name=name) for name in ("Ann Attender", "Bo Apologies", "Cy Absent"))
    AttendanceFactory(meeting=meeting, person=ann, status=AttendanceStatus.PRESENT)
    AttendanceFactory(meeting=meeting, person=bo, status=AttendanceStatus.APOLOGIES)
    AttendanceFactory(meeting=meeting, person=cy, status=AttendanceStatus.ABSENT)
    # Recorded out of order: the minutes put them in agenda order.
    Declaration.objects.create(agenda_item=third, person=ann, interest="Trustee of a grantee college")
    Declaration.objects.create(agenda_item=second, person=ann, interest="Employed by a housing provider")
    MeetingDecision.objects.create(meeting=meeting, agenda_item=third, text="Round 3 opens in March")
    MeetingDecision.objects.create(meeting=meeting, agenda_item=second, text="Write to the Home Office")
    MeetingDecision.objects.create(meeting=meeting, text="Next meeting online")
    ActionFactory(meeting=meeting, body=body, agenda_item=third, owner_user=ann, description="Send the round guidance")
    ActionFactory(meeting=meeting, body=body, agenda_item=second, owner_user=ann, description="Draft the letter")
    MinutesFactory(meeting=meeting, approved=True, text="The chair welcomed members.")
    return meeting


def _in_order(text, *parts):
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions), parts


def test_approved_minutes_show_the_whole_record_in_agenda_order(world, client_for):
    meeting = _held_meeting(world.mrap)
    page = client_for(world.users["panel_member"]).get(
        reverse("partnership:minutes_detail", args=[meeting.pk])).content.decode()
    _in_order(page, "Present", "Ann Attender", "Apologies", "Bo Apologies", "Absent", "Cy Absent")
    _in_order(page, "1. Welcome and apologies", "Declarations of interest: none.",
              "2. Hotel use for asylum seekers", "Ann Attender: Employed by a housing provider",
              "Write to the Home Office", "Draft the letter",
              "3. ESOL Plus round", "Ann Attender: Trustee of a grantee college", "Round 3 opens in March",
              "Send the round guidance", "Other business", "Next meeting online")


def test_attendance_comes_from_the_record_not_the_text(world, client_for):
    meeting = _held_meeting(world.mrap)
    meeting.minutes.text = "Present: Someone Typed"
    meeting.minutes.save()
    page = client_for(world.users["gla_officer"]).get(
        reverse("partnership:minutes_detail", args=[meeting.pk])).content.decode()
    attendance = page[page.index('id="attendance"'):page.index('id="record-items"')]
    assert "Ann Attender" in attendance and "Someone Typed" not in attendance


def _pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_public_minutes_come_as_a_tagged_pdf_with_the_record(client):
    body = BodyFactory(short_name="LSMP", name="LSMP board", minutes_are_public=True, membership_is_public=True)
    meeting = _held_meeting(body)
    response = client.get(reverse("partnership:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader, text = _pdf_text(response)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title.startswith("Minutes of")
    for part in ("Ann Attender", "Bo Apologies", "Employed by a housing provider", "Write to the Home Office",
                 "Next meeting online", "The chair welcomed members."):
        assert part in text, part
    assert "Draft the letter" not in text  # actions are not public
    _in_order(text.replace("\n", " "), "Hotel use for asylum seekers", "ESOL Plus round")


@pytest.mark.django_db
def test_the_pdf_names_no_one_when_membership_is_not_public(client):
    body = BodyFactory(short_name="LSMP", name="LSMP board", minutes_are_public=True, membership_is_public=False)
    meeting = _held_meeting(body)
    _, text = _pdf_text(client.get(reverse("partnership:minutes_pdf", args=[meeting.pk])))
    assert "Ann Attender" not in text and "Bo Apologies" not in text
    assert "1 member attended" in text and "A member: Employed by a housing provider" in text


def test_no_pdf_for_drafts_or_minutes_that_are_not_public(world, client_for):
    members_only = _held_meeting(world.mrap)
    officer = client_for(world.users["gla_officer"])
    assert officer.get(reverse("partnership:minutes_pdf", args=[members_only.pk])).status_code == 404
    public = BodyFactory(short_name="LSMP", name="LSMP board", minutes_are_public=True)
    draft = MinutesFactory(meeting=MeetingFactory(body=public)).meeting
    assert officer.get(reverse("partnership:minutes_pdf", args=[draft.pk])).status_code == 404
