"""The paper upload and action forms offer meetings and agenda items from a window around today,
never every one (issue 12: with a year's 20,000 meetings and 100,000 agenda items the upload page
drew 120,000 options and took minutes). What the form was prefilled with is always offered, so an
older meeting's paper or action is still recorded from that meeting's page, and edited."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import AgendaItem, Meeting
from partnership.selectors.agenda import MEETING_CHOICES_SHOWN, MEETING_CHOICES_SINCE
from tests.factories.meetings import AgendaItemFactory
from tests.factories.partnership import ActionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _options(html: str, field: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{field}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {field}"
    return [value for value in re.findall(r'<option value="(\d+)"', select.group(1))]


def _many_meetings(body, n):
    start = timezone.now() - dt.timedelta(days=10)
    Meeting.objects.bulk_create([MeetingFactory.build(body=body, starts_at=start + dt.timedelta(days=i),
                                                      ends_at=start + dt.timedelta(days=i, hours=2))
                                 for i in range(n)])
    AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, position=1, title="Welcome")
                                    for meeting in Meeting.objects.filter(body=body)])


@pytest.mark.parametrize("url_name", ["partnership:paper_upload", "partnership:action_create"])
def test_the_form_offers_a_bounded_window_of_meetings_and_their_items(world, client_for, url_name):
    _many_meetings(world.mrap, MEETING_CHOICES_SHOWN + 25)
    long_ago = MeetingFactory(body=world.mrap, starts_at=timezone.now() - MEETING_CHOICES_SINCE - dt.timedelta(days=5))

    html = client_for(world.users["gla_officer"]).get(reverse(url_name)).text

    meetings = _options(html, "meeting")
    assert len(meetings) == MEETING_CHOICES_SHOWN
    assert str(long_ago.pk) not in meetings
    # The soonest first in the window: the ones furthest ahead are left out.
    latest = Meeting.objects.order_by("-starts_at").first()
    assert str(latest.pk) not in meetings
    assert len(_options(html, "agenda_item")) == MEETING_CHOICES_SHOWN


def test_an_older_meeting_prefilled_from_its_page_is_offered_and_chosen(world, client_for):
    long_ago = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=400))
    item = AgendaItemFactory(meeting=long_ago)
    client = client_for(world.users["gla_officer"])

    html = client.get(reverse("partnership:paper_upload") + f"?meeting={long_ago.pk}&agenda_item={item.pk}").text

    assert str(long_ago.pk) in _options(html, "meeting")
    assert str(item.pk) in _options(html, "agenda_item")
    assert re.search(rf'<option value="{long_ago.pk}" selected>', html)


def test_editing_an_action_of_an_older_meeting_keeps_its_meeting_and_item(world, client_for):
    long_ago = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=400))
    item = AgendaItemFactory(meeting=long_ago)
    action = ActionFactory(body=world.mrap, meeting=long_ago, agenda_item=item)

    html = client_for(world.users["gla_officer"]).get(reverse("partnership:action_edit", args=[action.pk])).text

    assert re.search(rf'<option value="{long_ago.pk}" selected>', html)
    assert re.search(rf'<option value="{item.pk}" selected>', html)


def test_the_protocol_form_offers_the_recent_papers_and_the_one_it_points_at(world, client_for):
    from taskgroups.selectors.protocols import DOCUMENT_CHOICES_SHOWN
    from tests.factories.papers_actions import PaperFactory
    from tests.factories.taskgroups import ProtocolFactory

    oldest = PaperFactory(body=world.mrap, title="The oldest paper")
    for i in range(DOCUMENT_CHOICES_SHOWN + 5):
        PaperFactory(body=world.mrap, title=f"Paper {i}")
    protocol = ProtocolFactory(document=oldest, lead_officer=world.users["gla_officer"])

    html = client_for(world.users["gla_officer"]).get(reverse("taskgroups:protocol_edit", args=[protocol.pk])).text

    offered = _options(html, "document")
    assert len(offered) == DOCUMENT_CHOICES_SHOWN + 1
    assert re.search(rf'<option value="{oldest.pk}" selected>', html)


def test_the_body_form_offers_its_newest_papers_and_the_terms_chosen_now(world, client_for):
    from partnership.models import Paper
    from partnership.selectors.bodies import TERMS_OF_REFERENCE_CHOICES_SHOWN
    from tests.factories.papers_actions import PaperFactory

    old_terms = PaperFactory(body=world.mrap, title="Terms of reference, 2019")
    world.mrap.terms_of_reference = old_terms
    world.mrap.save()
    Paper.objects.bulk_create([PaperFactory.build(body=world.mrap, title=f"Briefing {i:04d}")
                               for i in range(TERMS_OF_REFERENCE_CHOICES_SHOWN + 10)])
    PaperFactory(body=world.hmap, title="Another body's paper")
    html = client_for(world.users["gla_officer"]).get(reverse("partnership:body_edit", args=[world.mrap.pk])).text
    offered = _options(html, "terms_of_reference")
    newest = Paper.objects.filter(body=world.mrap).order_by("-pk").values_list("pk", flat=True)
    assert set(offered) == {str(pk) for pk in newest[:TERMS_OF_REFERENCE_CHOICES_SHOWN]} | {str(old_terms.pk)}
    assert "Another body" not in html
