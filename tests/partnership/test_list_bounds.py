"""Every list a page renders is bounded (issue 12): for each view module, more rows than the
bound are made and the rows in the HTML are counted. A busy body had 12,032 open actions, which
the meeting page rendered in full (6 MB); the calendar rendered 2,800 meetings."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Action, ActionUpdate, Meeting, Membership, Paper, PaperVisibility
from partnership.selectors import agenda as agenda_select
from partnership.selectors import meetings as meeting_select
from partnership.views import actions as action_views
from partnership.views import bodies as body_views
from partnership.views import meetings as meeting_views
from tests.factories.meetings import AgendaItemFactory, MinutesFactory
from tests.factories.partnership import ActionFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def _table(html: str, table_id: str) -> str:
    match = re.search(rf'<table class="govuk-table" id="{table_id}">(.*?)</table>', html, re.S)
    assert match, f"no table #{table_id}"
    return match.group(1)


def _links(html: str, prefix: str) -> int:
    return len(re.findall(rf'href="{re.escape(prefix)}\d+/"', html))


def _open_actions(body, n, **fields):
    """n open actions of the body, due one a day from 400 days ago ("Open action 0" is the oldest)."""
    due = timezone.localdate() - dt.timedelta(days=400)
    fields.setdefault("owner_user", UserFactory())
    Action.objects.bulk_create([ActionFactory.build(body=body, due_on=due + dt.timedelta(days=i),
                                                    description=f"Open action {i}", **fields) for i in range(n)])


def _meetings(body, n, *, start):
    Meeting.objects.bulk_create([MeetingFactory.build(body=body, starts_at=start + dt.timedelta(hours=3 * i),
                                                      ends_at=start + dt.timedelta(hours=3 * i + 2)) for i in range(n)])


# --- partnership/views/meetings.py ------------------------------------------------------------

def test_meeting_page_bounds_matters_arising_its_actions_and_its_papers(world, client_for):
    meeting = MeetingFactory(body=world.mrap)
    earlier = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=90))
    shown = meeting_select.MATTERS_ARISING_SHOWN
    _open_actions(world.mrap, shown + 15, owner_user=world.users["panel_member"], meeting=earlier)
    _open_actions(world.mrap, meeting_select.MEETING_ACTIONS_SHOWN + 5, owner_user=world.users["panel_member"],
                  meeting=meeting)
    # Papers of an agenda item and of the meeting as a whole share the bound: the item's first.
    item = AgendaItemFactory(meeting=meeting, position=1, title="Housing")
    papers_made = agenda_select.MEETING_PAPERS_SHOWN + 3
    Paper.objects.bulk_create([Paper(body=world.mrap, meeting=meeting, agenda_item=item if i < 5 else None,
                                     title=f"Paper {i:03}", file="papers/x.pdf",
                                     original_filename="x.pdf", content_type="application/pdf", size_bytes=1,
                                     visibility=PaperVisibility.PUBLIC, published_at=timezone.now())
                               for i in range(papers_made)])

    html = client_for(world.users["gla_officer"]).get(reverse("partnership:meeting_detail", args=[meeting.pk])).text

    arising = _table(html, "actions")
    assert _links(arising, "/actions/") == shown
    # The oldest (most overdue) first: the first ten made, not the later ones.
    assert "Open action 0<" in arising and f"Open action {shown}<" not in arising
    assert f"of {shown + 15} open actions of this body" in html
    assert f'href="/actions/?body={world.mrap.pk}&amp;still_open=yes"' in html
    assert _links(_table(html, "meeting-actions"), "/actions/") == meeting_select.MEETING_ACTIONS_SHOWN
    assert f'href="/actions/?meeting={meeting.pk}"' in html
    paper_links = re.findall(r'href="/papers/(\d+)/"', html)
    assert len(paper_links) == agenda_select.MEETING_PAPERS_SHOWN
    agenda_html = html[html.index('id="agenda-item-'):html.index('id="papers"')]
    assert all(f"Paper {i:03}<" in agenda_html for i in range(5))
    assert f"Paper {papers_made - 1:03}<" not in html
    assert f"See all {papers_made} papers for this meeting" in html
    assert f'href="/papers/meeting/{meeting.pk}/"' in html


# --- partnership/views/minutes.py -------------------------------------------------------------

def test_minutes_page_bounds_the_actions_from_the_meeting(world, client_for):
    meeting = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=7))
    MinutesFactory(meeting=meeting)
    _open_actions(world.mrap, meeting_select.MEETING_ACTIONS_SHOWN + 4, owner_user=world.users["panel_member"],
                  meeting=meeting)
    html = client_for(world.users["gla_officer"]).get(reverse("partnership:minutes_detail", args=[meeting.pk])).text
    assert _links(_table(html, "meeting-actions"), "/actions/") == meeting_select.MEETING_ACTIONS_SHOWN
    assert f"of {meeting_select.MEETING_ACTIONS_SHOWN + 4} actions from this meeting" in html
    assert f'href="/actions/?meeting={meeting.pk}"' in html


def test_the_see_all_link_of_matters_arising_lists_every_open_action_of_the_body(world, client_for):
    _open_actions(world.mrap, 12)
    ActionFactory(body=world.mrap, status="done", completed_on=timezone.localdate(), description="Finished")
    ActionFactory(body=world.hmap, description="Another body's")
    html = client_for(world.users["gla_officer"]).get(
        reverse("partnership:action_list"), {"body": world.mrap.pk, "still_open": "yes"}).text
    assert "12 actions" in html and "Finished" not in html and "Another body" not in html


def test_calendar_pages_upcoming_meetings_and_bounds_the_past_ones(world, client_for):
    now = timezone.now()
    page_size, past_shown = meeting_views.CALENDAR_PAGE_SIZE, meeting_views.CALENDAR_PAST_SHOWN
    _meetings(world.mrap, page_size + 7, start=now + dt.timedelta(days=1))
    _meetings(world.hmap, past_shown + 9, start=now - dt.timedelta(days=60))
    client = client_for(None)
    url = reverse("partnership:meeting_calendar")
    html = client.get(url).text
    assert _links(html, "/meetings/") == page_size + past_shown
    assert f"Showing 1 to {page_size} of {page_size + 7} upcoming meetings" in html
    assert f"See all {past_shown + 9} meetings of the last six months" in html
    assert _links(client.get(url, {"page": 2}).text, "/meetings/") == 7 + past_shown
    assert _links(client.get(url, {"when": "past"}).text, "/meetings/") == past_shown + 9


# --- partnership/views/bodies.py --------------------------------------------------------------

def test_body_page_pages_its_members_and_bounds_meetings_and_open_actions(world, client_for):
    size = body_views.MEMBERS_PAGE_SIZE
    people = [UserFactory() for _ in range(size + 4)]
    Membership.objects.bulk_create([Membership(user=person, body=world.mrap) for person in people])
    _meetings(world.mrap, body_views.UPCOMING_MEETINGS_SHOWN + 5, start=timezone.now() + dt.timedelta(days=1))
    _open_actions(world.mrap, body_views.OPEN_ACTIONS_SHOWN + 6)
    client = client_for(world.users["gla_officer"])
    html = client.get(reverse("partnership:body_detail", args=[world.mrap.pk])).text
    members = _table(html, "members")
    assert members.count('<tr class="govuk-table__row">') == size + 1  # the header row too
    assert f"Showing 1 to {size} of {size + 5} members" in html  # and the world's member
    assert _links(_table(html, "actions"), "/actions/") == meeting_select.MATTERS_ARISING_SHOWN
    assert _links(html, "/meetings/") <= body_views.UPCOMING_MEETINGS_SHOWN + body_views.PAST_MEETINGS_SHOWN
    assert f"of {body_views.UPCOMING_MEETINGS_SHOWN + 5} upcoming meetings" in html
    page_two = client.get(reverse("partnership:body_detail", args=[world.mrap.pk]), {"page": 2}).text
    assert _table(page_two, "members").count('<tr class="govuk-table__row">') == 5 + 1


# --- partnership/views/actions.py -------------------------------------------------------------

def test_action_page_pages_its_updates(world, client_for):
    action = ActionFactory(body=world.mrap, owner_user=world.users["panel_member"])
    size = action_views.UPDATES_PAGE_SIZE
    ActionUpdate.objects.bulk_create([ActionUpdate(action=action, written_by=world.users["gla_officer"],
                                                   note=f"Update {i}") for i in range(size + 3)])
    client = client_for(world.users["panel_member"])
    html = client.get(reverse("partnership:action_detail", args=[action.pk])).text
    assert html.count('class="govuk-inset-text"') == size
    page_two = client.get(reverse("partnership:action_detail", args=[action.pk]), {"page": 2}).text
    assert page_two.count('class="govuk-inset-text"') == 3


def test_my_actions_is_paged(world, client_for):
    member = world.users["panel_member"]
    _open_actions(world.mrap, action_views.PAGE_SIZE + 2, owner_user=member)
    html = client_for(member).get(reverse("partnership:my_actions")).text
    assert _links(html, "/actions/") == action_views.PAGE_SIZE
    assert f"Showing 1 to {action_views.PAGE_SIZE} of {action_views.PAGE_SIZE + 2} actions" in html


def test_your_meetings_is_paged(world, client_for):
    start = timezone.now() + dt.timedelta(days=1)
    Meeting.objects.bulk_create([MeetingFactory.build(body=world.mrap, starts_at=start + dt.timedelta(days=i),
                                                      ends_at=start + dt.timedelta(days=i, hours=2))
                                 for i in range(meeting_views.MY_MEETINGS_PAGE_SIZE + 3)])
    client = client_for(world.users["gla_officer"])
    html = client.get(reverse("partnership:my_meetings")).text
    size = meeting_views.MY_MEETINGS_PAGE_SIZE
    assert _links(html, "/meetings/") == size
    assert f"Showing 1 to {size} of {size + 3} upcoming meetings" in html
    assert _links(client.get(reverse("partnership:my_meetings"), {"page": 2}).text, "/meetings/") == 3


def test_body_page_bounds_its_past_meetings_and_links_to_every_meeting_paged(world, client_for):
    start = timezone.now() - dt.timedelta(days=800)
    total = body_views.MEETINGS_PAGE_SIZE + 5
    Meeting.objects.bulk_create([MeetingFactory.build(body=world.mrap, starts_at=start + dt.timedelta(days=7 * i),
                                                      ends_at=start + dt.timedelta(days=7 * i, hours=2))
                                 for i in range(total)])
    client = client_for(None)
    every = reverse("partnership:body_meetings", args=[world.mrap.pk])
    body_page = client.get(reverse("partnership:body_detail", args=[world.mrap.pk])).text
    assert _links(body_page, "/meetings/") == body_views.PAST_MEETINGS_SHOWN
    assert f"Showing the latest {body_views.PAST_MEETINGS_SHOWN} of {total} past meetings." in " ".join(
        body_page.split())
    assert f'href="{every}"' in body_page

    first = client.get(every).text
    assert _links(first, "/meetings/") == body_views.MEETINGS_PAGE_SIZE
    assert f"Showing 1 to {body_views.MEETINGS_PAGE_SIZE} of {total} meetings" in first
    newest = Meeting.objects.filter(body=world.mrap).order_by("-starts_at").first()
    assert first.index(f'href="/meetings/{newest.pk}/"') < first.index("</table>")
    assert _links(client.get(every, {"page": 2}).text, "/meetings/") == 5
