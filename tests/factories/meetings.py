"""Factories for what meetings record; the partnership basics are in partnership.py."""

import factory
from django.utils import timezone

from partnership.models import AgendaItem, Attendance, AttendanceStatus, CalendarFeedToken, Minutes, MinutesStatus
from tests.factories.partnership import MeetingFactory, UserFactory


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    presenter = "GLA Migration Team"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)
    status = AttendanceStatus.PRESENT


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    text = "The chair welcomed members.\n\nThe minutes of the last meeting were agreed."
    status = MinutesStatus.DRAFT

    class Params:
        approved = factory.Trait(status=MinutesStatus.APPROVED, approved_at=factory.LazyFunction(timezone.now))


class CalendarFeedTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeedToken

    user = factory.SubFactory(UserFactory)


ONLINE_LINK = "https://meet.example.org/members-only-room"


def members_meeting(body, **kwargs):
    """A meeting with an online link (members only) and an agenda item."""
    meeting = MeetingFactory(body=body, online_link=ONLINE_LINK, **kwargs)
    AgendaItemFactory(meeting=meeting, position=1, title="Welcome and apologies")
    return meeting
