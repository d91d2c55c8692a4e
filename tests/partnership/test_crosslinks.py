"""The links between meetings, bodies, papers and actions: each shown only through the viewer's
scope, officers' links that start an upload or an action where they are, the safe way back to
the page they started from, and query counts that stay flat."""

import datetime as dt
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.models import Action, Body, Paper, PaperVisibility
from tests.factories.meetings import AgendaItemFactory, MinutesFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, MeetingFactory, UserFactory
from tests.support.queries import assert_flat_query_count

UPLOAD = reverse("partnership:paper_upload")
CREATE = reverse("partnership:action_create")
ROLES = ["anonymous", "gla_officer", "borough_a", "panel_member"]


def _meeting_url(meeting):
    return reverse("partnership:meeting_detail", args=[meeting.pk])


def _paper_url(paper):
    return reverse("partnership:paper_detail", args=[paper.pk])


def _download_url(paper):
    return reverse("partnership:paper_download", args=[paper.pk])


def _action_url(action):
    return reverse("partnership:action_detail", args=[action.pk])


def _table(page, table_id):
    return page.partition(f'id="{table_id}"')[2].partition("</table>")[0]


# --- The meeting page -----------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_only_officers_get_upload_and_record_links_on_a_meeting(world, client_for, role):
    item = AgendaItemFactory(meeting__body=world.mrap)
    meeting_url = _meeting_url(item.meeting)
    page = client_for(world.users[role]).get(meeting_url).text
    links = [f"{UPLOAD}?meeting={item.meeting.pk}&amp;next={meeting_url}",
             f"{CREATE}?meeting={item.meeting.pk}&amp;next={meeting_url}",
             f"{UPLOAD}?agenda_item={item.pk}&amp;next={meeting_url}",
             f"{CREATE}?agenda_item={item.pk}&amp;next={meeting_url}"]
    if role == "gla_officer":
        assert all(link in page for link in links), page
    else:
        assert UPLOAD not in page and CREATE not in page


@pytest.fixture
def papers_of_every_kind(world):
    """An MRAP meeting whose agenda item and whole meeting carry papers of every visibility."""
    item = AgendaItemFactory(meeting__body=world.mrap, title="ESOL provision")
    meeting = item.meeting
    on_item = {kind: PaperFactory(body=world.mrap, meeting=meeting, agenda_item=item, visibility=kind,
                                  title=f"Item paper ({kind})") for kind in PaperVisibility.values}
    draft = PaperFactory(body=world.mrap, meeting=meeting, agenda_item=item, published_at=None,
                         title="Item paper (draft)")
    whole = {kind: PaperFactory(body=world.mrap, meeting=meeting, visibility=kind,
                                title=f"Meeting paper ({kind})") for kind in PaperVisibility.values}
    return meeting, on_item, draft, whole


SEEN = {"anonymous": {"public"}, "borough_a": {"public"}, "panel_member": {"public", "members"},
        "gla_officer": {"public", "members", "restricted"}}


@pytest.mark.parametrize("role", ROLES)
def test_meeting_papers_link_to_their_page_and_file_through_the_viewers_scope(
        world, client_for, papers_of_every_kind, role):
    meeting, on_item, draft, whole = papers_of_every_kind
    page = client_for(world.users[role]).get(_meeting_url(meeting)).text
    for kind in PaperVisibility.values:
        for paper in (on_item[kind], whole[kind]):
            shown = kind in SEEN[role]
            assert (_paper_url(paper) in page) is shown, (role, paper.title)
            assert (_download_url(paper) in page) is shown, (role, paper.title)
            assert (paper.title in page) is shown, (role, paper.title)
    assert (_paper_url(draft) in page) is (role == "gla_officer")
    assert reverse("partnership:paper_meeting_list", args=[meeting.pk]) in page


def test_a_meetings_and_a_bodys_paper_lists_lead_back(world, client_for):
    meeting = MeetingFactory(body=world.mrap)
    client = client_for(None)
    page = client.get(reverse("partnership:paper_meeting_list", args=[meeting.pk])).text
    assert f'href="{_meeting_url(meeting)}" class="govuk-back-link"' in page
    page = client.get(reverse("partnership:paper_body_list", args=[world.mrap.pk])).text
    assert f'href="{reverse("partnership:body_detail", args=[world.mrap.pk])}" class="govuk-back-link"' in page


def test_another_bodys_members_papers_are_not_listed_on_its_meeting_page(world, client_for):
    item = AgendaItemFactory(meeting__body=world.hmap)
    paper = PaperFactory(body=world.hmap, meeting=item.meeting, agenda_item=item, title="HMAP members only")
    page = client_for(world.users["panel_member"]).get(_meeting_url(item.meeting)).text
    assert "HMAP members only" not in page and _download_url(paper) not in page


def test_the_meetings_actions_are_linked_for_those_who_may_see_them(world, client_for):
    item = AgendaItemFactory(meeting__body=world.mrap, title="Move-on")
    outsider = UserFactory(email="owner@example.org")
    from_item = ActionFactory(body=world.mrap, meeting=item.meeting, agenda_item=item,
                              description="Ask boroughs about move-on", owner_user=outsider)
    url = _meeting_url(item.meeting)
    for role in ("gla_officer", "panel_member"):
        page = client_for(world.users[role]).get(url).text
        assert _action_url(from_item) in page and f"Item {item.position}: Move-on" in page, role
    for role in ("anonymous", "borough_a"):
        page = client_for(world.users[role]).get(url).text
        assert "Ask boroughs about move-on" not in page and _action_url(from_item) not in page, role
    # The owner sees their own action even without being a member of the body.
    assert _action_url(from_item) in client_for(outsider).get(url).text


def test_matters_arising_link_to_earlier_actions_and_leave_out_this_meetings_own(world, client_for):
    earlier = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=60))
    meeting = MeetingFactory(body=world.mrap)
    arising = ActionFactory(body=world.mrap, meeting=earlier, description="From the last meeting")
    own = ActionFactory(body=world.mrap, meeting=meeting, description="From this meeting")
    page = client_for(world.users["panel_member"]).get(_meeting_url(meeting)).text
    matters, this_meeting = _table(page, "actions"), _table(page, "meeting-actions")
    assert _action_url(arising) in matters and _action_url(own) not in matters
    assert _action_url(own) in this_meeting and _action_url(arising) not in this_meeting


def test_minutes_list_the_meetings_actions_to_those_who_may_see_them(world, client_for):
    meeting = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=7))
    world.mrap.minutes_are_public = True
    world.mrap.save()
    MinutesFactory(meeting=meeting, approved=True)
    action = ActionFactory(body=world.mrap, meeting=meeting, description="Write to the Home Office")
    url = reverse("partnership:minutes_detail", args=[meeting.pk])
    assert _action_url(action) in _table(client_for(world.users["panel_member"]).get(url).text, "meeting-actions")
    for role in ("anonymous", "borough_a"):
        page = client_for(world.users[role]).get(url).text
        assert "Write to the Home Office" not in page and 'id="meeting-actions"' not in page, role


def test_minutes_with_actions_keep_a_flat_query_count(world, client_for):
    meeting = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=7))
    MinutesFactory(meeting=meeting)
    assert_flat_query_count(client_for(world.users["panel_member"]),
                            reverse("partnership:minutes_detail", args=[meeting.pk]),
                            lambda n: [ActionFactory(body=world.mrap, meeting=meeting,
                                                     agenda_item=AgendaItemFactory(meeting=meeting))
                                       for _ in range(n)])


# --- The body page ------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_body_page_links_terms_of_reference_papers_and_actions(world, client_for, role):
    terms = PaperFactory(body=world.mrap, title="MRAP terms of reference", visibility=PaperVisibility.MEMBERS)
    Body.objects.filter(pk=world.mrap.pk).update(terms_of_reference=terms)
    action = ActionFactory(body=world.mrap, description="Update the terms of reference")
    body_url = reverse("partnership:body_detail", args=[world.mrap.pk])
    page = client_for(world.users[role]).get(body_url).text
    members_side = role in ("gla_officer", "panel_member")
    assert (_download_url(terms) in page) is members_side
    assert (_action_url(action) in page) is members_side
    assert (f'{reverse("partnership:action_list")}?body={world.mrap.pk}' in page) is members_side
    assert reverse("partnership:paper_body_list", args=[world.mrap.pk]) in page
    officer_links = [f"{UPLOAD}?body={world.mrap.pk}&amp;next={body_url}",
                     f"{CREATE}?body={world.mrap.pk}&amp;next={body_url}"]
    assert all((link in page) is (role == "gla_officer") for link in officer_links)


# --- Paper and action pages link back ---------------------------------------------------------

def test_paper_and_action_pages_link_their_body_meeting_and_agenda_item(world, client_for):
    item = AgendaItemFactory(meeting__body=world.mrap)
    paper = PaperFactory(body=world.mrap, meeting=item.meeting, agenda_item=item)
    action = ActionFactory(body=world.mrap, meeting=item.meeting, agenda_item=item)
    client = client_for(world.users["panel_member"])
    expected = [reverse("partnership:body_detail", args=[world.mrap.pk]), _meeting_url(item.meeting),
                f"{_meeting_url(item.meeting)}#agenda-item-{item.pk}"]
    for url in (_paper_url(paper), _action_url(action)):
        page = client.get(url).text
        assert all(f'href="{link}"' in page for link in expected), url
    assert f'id="agenda-item-{item.pk}"' in client.get(_meeting_url(item.meeting)).text


# --- Back to where the officer started ------------------------------------------------------------

UNSAFE_NEXT = ["https://evil.example/meetings/1/", "//evil.example/", "javascript:alert(1)",
               "/\\evil.example/", "http://evil.example@testserver.evil/"]


def _action_form(owner, **place):
    due = timezone.localdate() + dt.timedelta(days=21)
    return {"description": "Circulate the briefing", "owner_user": owner.pk, "status": "open",
            "due_on_0": due.day, "due_on_1": due.month, "due_on_2": due.year, **place}


def _paper_form(**place):
    return {"title": "Move-on briefing", "visibility": "members",
            "file": SimpleUploadedFile("briefing.pdf", minimal_pdf("Briefing")), **place}


def test_recording_an_action_from_an_agenda_item_returns_to_the_meeting(world, client_for):
    item = AgendaItemFactory(meeting__body=world.mrap)
    client = client_for(world.users["gla_officer"])
    meeting_url = _meeting_url(item.meeting)
    address = f"{CREATE}?agenda_item={item.pk}&next={quote(meeting_url)}"
    assert f'href="{meeting_url}" class="govuk-back-link"' in client.get(address).text
    response = client.post(address, _action_form(world.users["panel_member"], agenda_item=item.pk))
    assert response.status_code == 302 and response["Location"] == meeting_url
    assert Action.objects.get().agenda_item == item


def test_uploading_a_paper_from_an_agenda_item_returns_to_the_meeting(world, client_for):
    item = AgendaItemFactory(meeting__body=world.mrap)
    client = client_for(world.users["gla_officer"])
    meeting_url = _meeting_url(item.meeting)
    address = f"{UPLOAD}?agenda_item={item.pk}&next={quote(meeting_url)}"
    assert f'href="{meeting_url}" class="govuk-back-link"' in client.get(address).text
    response = client.post(address, _paper_form(agenda_item=item.pk))
    assert response.status_code == 302 and response["Location"] == meeting_url
    assert Paper.objects.get().agenda_item == item


def test_a_form_with_errors_keeps_the_way_back(world, client_for):
    meeting = MeetingFactory(body=world.mrap)
    meeting_url = _meeting_url(meeting)
    client = client_for(world.users["gla_officer"])
    response = client.post(f"{CREATE}?meeting={meeting.pk}&next={quote(meeting_url)}",
                           _action_form(world.users["panel_member"], meeting=meeting.pk, description=""))
    assert response.status_code == 200 and "Enter what must be done" in response.text
    assert f'href="{meeting_url}" class="govuk-back-link"' in response.text
    assert not Action.objects.exists()


@pytest.mark.parametrize("unsafe", UNSAFE_NEXT)
def test_an_address_off_the_site_is_never_followed(world, client_for, unsafe):
    meeting = MeetingFactory(body=world.mrap)
    client = client_for(world.users["gla_officer"])
    query = f"meeting={meeting.pk}&next={quote(unsafe, safe='')}"
    assert "evil.example" not in client.get(f"{CREATE}?{query}").text
    assert "evil.example" not in client.get(f"{UPLOAD}?{query}").text
    response = client.post(f"{CREATE}?{query}", _action_form(world.users["panel_member"], meeting=meeting.pk))
    assert response["Location"] == _action_url(Action.objects.get())
    response = client.post(f"{UPLOAD}?{query}", _paper_form(meeting=meeting.pk))
    assert response["Location"] == _paper_url(Paper.objects.get())


# --- Query counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["gla_officer", "panel_member"])
def test_meeting_page_with_papers_and_actions_keeps_a_flat_query_count(world, client_for, role):
    meeting = MeetingFactory(body=world.mrap)
    earlier = MeetingFactory(body=world.mrap, starts_at=timezone.now() - dt.timedelta(days=60))

    def make(n):
        for _ in range(n):
            item = AgendaItemFactory(meeting=meeting)
            PaperFactory(body=world.mrap, meeting=meeting, agenda_item=item)
            PaperFactory(body=world.mrap, meeting=meeting, visibility=PaperVisibility.PUBLIC)
            ActionFactory(body=world.mrap, meeting=meeting, agenda_item=item)
            ActionFactory(body=world.mrap, meeting=earlier, owner_user=None,
                          owner_organisation=world.camden, owner_contact="Amira Khan")
    _, large = assert_flat_query_count(client_for(world.users[role]), _meeting_url(meeting), make)
    # Bounded (issue 12): the first 20 actions from this meeting and the 10 most overdue matters
    # arising, each a link to its page, and for each list a link to all 50 on the action list.
    assert large.text.count('href="/actions/') >= 30
    assert "See all 50 actions from this meeting" in large.text
    assert "See all 50 open actions of this body" in large.text


def test_body_page_with_terms_and_actions_keeps_a_flat_query_count(world, client_for):
    def make(n):
        for index in range(n):
            PaperFactory(body=world.mrap, title=f"Terms of reference, version {index}")
            ActionFactory(body=world.mrap, meeting=MeetingFactory(body=world.mrap))
    assert_flat_query_count(client_for(world.users["panel_member"]),
                            reverse("partnership:body_detail", args=[world.mrap.pk]), make)
