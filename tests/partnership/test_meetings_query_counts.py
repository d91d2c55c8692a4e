"""Every meeting, body and people list keeps its query count flat from 5 to 50 rows."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import AttendanceStatus
from partnership.services import declarations as declaration_services
from partnership.services.meeting_decisions import meeting_decision_record
from tests.factories.meetings import AgendaItemFactory, AttendanceFactory, CalendarFeedTokenFactory, MinutesFactory
from tests.factories.partnership import (
    ActionFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.support.queries import assert_flat_query_count


def _meetings(body_of, **kwargs):
    def make(n):
        for _ in range(n):
            meeting = MeetingFactory(body=body_of(), **kwargs)
            MinutesFactory(meeting=meeting)
    return make


def test_public_lists(world, client_for):
    client = client_for(None)
    assert_flat_query_count(client, reverse("partnership:body_list"),
                            lambda n: [BodyFactory(parent=world.mrap) for _ in range(n)])


def test_calendar(world, client_for):
    assert_flat_query_count(client_for(None), reverse("partnership:meeting_calendar"),
                            _meetings(lambda: BodyFactory()))


def test_calendar_past(world, client_for):
    assert_flat_query_count(client_for(world.users["gla_officer"]), reverse("partnership:meeting_calendar"),
                            _meetings(lambda: world.mrap, starts_at=timezone.now() - dt.timedelta(days=20)))


def test_body_page_members_meetings_and_actions(world, client_for):
    def make(n):
        for _ in range(n):
            MembershipFactory(body=world.mrap, organisation=OrganisationFactory())
            MeetingFactory(body=world.mrap)
            MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=3))
            ActionFactory(body=world.mrap)
    assert_flat_query_count(client_for(world.users["panel_member"]),
                            reverse("partnership:body_detail", args=[world.mrap.pk]), make)


def test_a_bodys_meetings(world, client_for):
    def make(n):
        for i in range(n):
            MeetingFactory(body=world.mrap, starts_at=timezone.now() + dt.timedelta(days=i - 20))
    assert_flat_query_count(client_for(None), reverse("partnership:body_meetings", args=[world.mrap.pk]), make)


def test_meeting_page_agenda_attendance_and_matters_arising(world, client_for):
    meeting = MeetingFactory(body=world.mrap)

    def make(n):
        for _ in range(n):
            item = AgendaItemFactory(meeting=meeting)
            declaration_services.declaration_record(agenda_item=item, person=UserFactory(), interest="Trustee")
            meeting_decision_record(meeting=meeting, agenda_item=item, text="Agreed.")
            AttendanceFactory(meeting=meeting, status=AttendanceStatus.APOLOGIES)
            ActionFactory(body=world.mrap)
    assert_flat_query_count(client_for(world.users["gla_officer"]),
                            reverse("partnership:meeting_detail", args=[meeting.pk]), make)


def test_my_meetings_and_dashboard(world, client_for):
    client = client_for(world.users["panel_member"])
    make = _meetings(lambda: world.mrap)
    assert_flat_query_count(client, reverse("partnership:my_meetings"), make)
    assert_flat_query_count(client, reverse("dashboard"), make)


def test_organisations_and_people(world, client_for):
    client = client_for(world.users["gla_officer"])

    def make(n):
        for _ in range(n):
            organisation = OrganisationFactory()
            MembershipFactory(organisation=organisation, user=UserFactory(organisation=organisation))
    assert_flat_query_count(client, reverse("partnership:organisation_list"), make)
    assert_flat_query_count(client, reverse("partnership:person_list"), make)


def test_organisation_and_person_pages(world, client_for):
    client = client_for(world.users["gla_officer"])
    person = world.users["panel_member"]
    organisation = OrganisationFactory(name="North London Refugee Network")

    def make(n):
        for _ in range(n):
            MembershipFactory(user=person, organisation=organisation, body=BodyFactory())
            UserFactory(organisation=organisation)
    assert_flat_query_count(client, reverse("partnership:organisation_detail", args=[organisation.pk]), make)
    assert_flat_query_count(client, reverse("partnership:person_detail", args=[person.pk]), make)


def test_meeting_history(world, client_for):
    meeting = MeetingFactory(body=world.mrap)

    def make(n):
        for index in range(n):
            meeting.location = f"Room {index}"
            meeting.save()
    assert_flat_query_count(client_for(world.users["gla_officer"]),
                            reverse("partnership:meeting_history", args=[meeting.pk]), make)


@pytest.mark.parametrize("feed", ["body", "personal"])
def test_calendar_feeds(world, client_for, feed):
    if feed == "body":
        url = reverse("partnership:body_calendar", args=[world.mrap.pk])
    else:
        token = CalendarFeedTokenFactory(user=world.users["panel_member"]).token
        url = reverse("partnership:personal_feed", args=[token])
    assert_flat_query_count(client_for(None), url, _meetings(lambda: world.mrap))
