"""The paper lists and the action list come in pages of 100 through the shared pagination:
page links keep the filters, bad page numbers get a page (never a 500), and the action CSV link
takes the filters but never the page. Flat query counts across pages: test_papers.py and
test_actions.py."""

import re

import pytest
from django.urls import reverse

from partnership.models import ActionStatus, PaperVisibility
from partnership.views.actions import PAGE_SIZE as ACTIONS_PAGE_SIZE
from partnership.views.papers import PAGE_SIZE as PAPERS_PAGE_SIZE
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, MeetingFactory
from tests.support.pagination import assert_bad_pages_answer, assert_page_links_keep, query_lists, with_page

PAPERS = reverse("partnership:paper_list")
ACTIONS = reverse("partnership:action_list")


def test_a_hundred_a_page():
    assert (PAPERS_PAGE_SIZE, ACTIONS_PAGE_SIZE) == (100, 100)


def test_paper_list_page_two_keeps_the_filters(world, client_for):
    PaperFactory.create_batch(PAPERS_PAGE_SIZE + 3, body=world.mrap, visibility=PaperVisibility.MEMBERS)
    PaperFactory.create_batch(2, body=world.mrap, visibility=PaperVisibility.PUBLIC)
    PaperFactory.create_batch(2, body=world.hmap, visibility=PaperVisibility.MEMBERS)
    filters = f"body={world.mrap.pk}&visibility={PaperVisibility.MEMBERS}"
    body = client_for(world.users["gla_officer"]).get(f"{PAPERS}?{filters}&page=2").text
    assert "Showing 101 to 103 of 103 papers" in body
    assert 'aria-label="Pages of papers"' in body
    assert 'aria-label="Page 2" aria-current="page">2</a>' in body
    assert body.count("/download/") == 3
    assert_page_links_keep(body, filters)


@pytest.mark.parametrize("role", ["anonymous", "gla_officer", "panel_member"])
def test_paper_lists_answer_bad_page_values(world, client_for, role):
    meeting = MeetingFactory(body=world.mrap)
    PaperFactory.create_batch(3, body=world.mrap, meeting=meeting, visibility=PaperVisibility.PUBLIC)
    client = client_for(world.users[role])
    assert_bad_pages_answer(client, f"{PAPERS}?body={world.mrap.pk}")
    assert_bad_pages_answer(client, reverse("partnership:paper_body_list", args=[world.mrap.pk]))
    assert_bad_pages_answer(client, reverse("partnership:paper_meeting_list", args=[meeting.pk]))
    assert "3 papers" in client.get(with_page(PAPERS, 99999)).text


def test_action_list_page_two_keeps_the_filters_and_the_csv_link_drops_the_page(world, client_for):
    ActionFactory.create_batch(ACTIONS_PAGE_SIZE + 2, body=world.mrap, status=ActionStatus.OPEN)
    ActionFactory.create_batch(2, body=world.mrap, status=ActionStatus.DROPPED)
    ActionFactory.create_batch(2, body=world.hmap, status=ActionStatus.OPEN)
    filters = f"body={world.mrap.pk}&status={ActionStatus.OPEN}"
    body = client_for(world.users["gla_officer"]).get(f"{ACTIONS}?{filters}&page=2").text
    assert "Showing 101 to 102 of 102 actions" in body
    assert 'aria-label="Pages of actions"' in body
    assert_page_links_keep(body, filters)
    export_href = re.search(r'href="(/actions/export[^"]*)"', body).group(1).replace("&amp;", "&")
    assert query_lists(export_href.split("?", 1)[1]) == query_lists(filters)
    assert "page" not in export_href


@pytest.mark.parametrize("role", ["gla_officer", "panel_member"])
def test_action_list_answers_bad_page_values(world, client_for, role):
    ActionFactory.create_batch(3, body=world.mrap, owner_user=world.users[role])
    assert_bad_pages_answer(client_for(world.users[role]), f"{ACTIONS}?status={ActionStatus.OPEN}")
