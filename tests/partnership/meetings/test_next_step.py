"""Running a meeting from one page: the stage and the one next step, decided by partnership.rules
from the meeting's status machine, and the page showing exactly one primary button for it."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from partnership.models import MeetingStatus
from partnership.rules import MEETING_MACHINE, MeetingFacts, meeting_next_step, meeting_stage
from partnership.selectors.meetings import meeting_facts, meeting_for_page
from tests.factories.meetings import AgendaItemFactory, AttendanceFactory, MinutesFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import MeetingFactory
from tests.support.two_factor import sign_in_fully

BLANK = MeetingFacts(status=MeetingStatus.SCHEDULED, started=False, has_agenda_items=False, has_papers=False,
                     attendance_recorded=False, minutes_status=None)


def facts(**changes):
    return MeetingFacts(**{**BLANK.__dict__, **changes})


@pytest.mark.parametrize("case, expected_stage, expected_key", [
    (facts(), "before", "add_agenda_item"),
    (facts(has_agenda_items=True), "before", "upload_paper"),
    (facts(has_agenda_items=True, has_papers=True), "before", None),
    (facts(status=MeetingStatus.POSTPONED, has_agenda_items=True), "before", "reschedule"),
    (facts(started=True, has_agenda_items=True), "at", "record_attendance"),
    (facts(started=True, has_agenda_items=True, attendance_recorded=True), "at", "mark_held"),
    (facts(status=MeetingStatus.HELD, started=True), "after", "write_minutes"),
    (facts(status=MeetingStatus.HELD, started=True, minutes_status="draft"), "after", "approve_minutes"),
    (facts(status=MeetingStatus.HELD, started=True, minutes_status="approved"), "after", None),
    (facts(status=MeetingStatus.CANCELLED), "cancelled", None),
])
def test_the_stage_and_next_step_of_a_meeting(case, expected_stage, expected_key):
    assert meeting_stage(case) == expected_stage
    step = meeting_next_step(case)
    assert (step.key if step else None) == expected_key


def test_status_steps_are_the_transitions_of_the_machine():
    held = meeting_next_step(facts(started=True, attendance_recorded=True))
    assert held.label == MEETING_MACHINE.get(MeetingStatus.SCHEDULED, MeetingStatus.HELD).verb
    again = meeting_next_step(facts(status=MeetingStatus.POSTPONED))
    assert again.label == MEETING_MACHINE.get(MeetingStatus.POSTPONED, MeetingStatus.SCHEDULED).verb


@pytest.mark.django_db
def test_the_facts_come_from_the_meeting():
    meeting = MeetingFactory(starts_at=timezone.now() - dt.timedelta(minutes=5))
    AgendaItemFactory(meeting=meeting, position=1)
    AttendanceFactory(meeting=meeting)
    got = meeting_facts(meeting_for_page(AnonymousUser()).get(pk=meeting.pk))
    assert (got.started, got.has_agenda_items, got.has_papers, got.attendance_recorded, got.minutes_status) == (
        True, True, False, True, None)


def _primary_buttons(html: str) -> list[str]:
    """Buttons and button-links of the page's content (not the header's search) that are GOV.UK
    primary (no secondary or warning modifier)."""
    main = html[html.index("<main"):html.index("</main>")]
    found = re.findall(r'class="(govuk-button(?:\s[^"]*)?)"[^>]*>\s*([^<]+)', main)
    return [label.strip() for classes, label in found
            if "govuk-button--secondary" not in classes and "govuk-button--warning" not in classes]


def _page(client, meeting):
    return client.get(reverse("partnership:meeting_detail", args=[meeting.pk])).content.decode()


def test_the_page_shows_one_primary_button_for_the_next_step_at_each_stage(world, client):
    officer = world.users["gla_officer"]
    sign_in_fully(client, officer)
    meeting = MeetingFactory(body=world.hmap)
    assert _primary_buttons(_page(client, meeting)) == ["Add an agenda item"]
    AgendaItemFactory(meeting=meeting, position=1)
    PaperFactory(meeting=meeting, body=world.hmap)
    assert _primary_buttons(_page(client, meeting)) == []
    assert "Nothing to do until the meeting starts" in _page(client, meeting)
    meeting.starts_at = timezone.now() - dt.timedelta(minutes=1)
    meeting.ends_at = timezone.now() + dt.timedelta(hours=1)
    meeting.save()
    page = _page(client, meeting)
    assert _primary_buttons(page) == ["Record attendance"]
    assert "Mark as held" in page  # offered quietly once the meeting has started
    AttendanceFactory(meeting=meeting, person=world.users["panel_member"])
    assert _primary_buttons(_page(client, meeting)) == ["Mark as held"]
    client.post(reverse("partnership:meeting_mark_held", args=[meeting.pk]))
    assert _primary_buttons(_page(client, meeting)) == ["Write the minutes"]
    MinutesFactory(meeting=meeting)
    assert _primary_buttons(_page(client, meeting)) == ["Approve the minutes"]
    # Approving from the meeting page comes back to it, the record now fixed.
    response = client.post(reverse("partnership:minutes_approve", args=[meeting.pk]), {"back": "meeting"})
    assert response.url == reverse("partnership:meeting_detail", args=[meeting.pk])
    page = _page(client, meeting)
    assert _primary_buttons(page) == [] and 'id="record-fixed"' in page


def test_mark_as_held_is_not_offered_before_the_meeting_starts(world, client):
    sign_in_fully(client, world.users["gla_officer"])
    meeting = MeetingFactory(body=world.hmap)
    assert reverse("partnership:meeting_mark_held", args=[meeting.pk]) not in _page(client, meeting)


def test_members_and_the_public_get_no_officer_buttons(world, client_for):
    meeting = MeetingFactory(body=world.mrap)
    AgendaItemFactory(meeting=meeting, position=1)
    public = client_for(None).get(reverse("partnership:meeting_detail", args=[meeting.pk])).content.decode()
    assert _primary_buttons(public) == [] and 'id="next-step"' not in public
    member = client_for(world.users["panel_member"]).get(
        reverse("partnership:meeting_detail", args=[meeting.pk])).content.decode()
    assert _primary_buttons(member) == ["I will attend"] and 'id="next-step"' not in member
