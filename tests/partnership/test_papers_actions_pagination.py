"""The paper lists and the action list come in pages of 100 through the shared pagination:
page links keep the filters, bad page numbers get a page (never a 500), and the action CSV link
takes the filters but never the page. Flat query counts across pages: test_papers.py and
test_actions.py."""

import pytest
from django.urls import reverse

from partnership.models import ActionStatus, PaperVisibility
from partnership.views.actions import PAGE_SIZE as ACTIONS_PAGE_SIZE
from partnership.views.papers import PAGE_SIZE as PAPERS_PAGE_SIZE
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, MeetingFactory
from tests.support.pagination import (
    assert_bad_pages_answer,
    assert_export_link_drops_the_page,
    assert_second_page,
    with_page,
)

PAPERS = reverse("partnership:paper_list")
ACTIONS = reverse("partnership:action_list")


def test_a_hundred_a_page():
    assert (PAPERS_PAGE_SIZE, ACTIONS_PAGE_SIZE) == (100, 100)


def _papers(world):
    """103 papers match the filters; the others differ in one filter each."""
    PaperFactory.create_batch(PAPERS_PAGE_SIZE + 3, body=world.mrap, visibility=PaperVisibility.MEMBERS)
    PaperFactory.create_batch(2, body=world.mrap, visibility=PaperVisibility.PUBLIC)
    PaperFactory.create_batch(2, body=world.hmap, visibility=PaperVisibility.MEMBERS)
    return f"body={world.mrap.pk}&visibility={PaperVisibility.MEMBERS}"


def _actions(world):
    """102 actions match the filters; the others differ in one filter each."""
    ActionFactory.create_batch(ACTIONS_PAGE_SIZE + 2, body=world.mrap, status=ActionStatus.OPEN)
    ActionFactory.create_batch(2, body=world.mrap, status=ActionStatus.DROPPED)
    ActionFactory.create_batch(2, body=world.hmap, status=ActionStatus.OPEN)
    return f"body={world.mrap.pk}&status={ActionStatus.OPEN}"


@pytest.mark.parametrize(("url", "make", "rows", "summary", "label"), [
    (PAPERS, _papers, 3, "Showing 101 to 103 of 103 papers", "Pages of papers"),
    (ACTIONS, _actions, 2, "Showing 101 to 102 of 102 actions", "Pages of actions"),
])
def test_page_two_keeps_the_filters(world, client_for, url, make, rows, summary, label):
    filters = make(world)
    body = client_for(world.users["gla_officer"]).get(f"{url}?{filters}&page=2").text
    assert_second_page(body, filters, summary=summary, label=label)
    assert body.count('<tr class="govuk-table__row">') == rows + 1  # and the header row


def test_the_action_csv_link_keeps_the_filters_but_not_the_page(world, client_for):
    ActionFactory(body=world.mrap)
    filters = f"body={world.mrap.pk}&status={ActionStatus.OPEN}&overdue=no"
    body = client_for(world.users["gla_officer"]).get(f"{ACTIONS}?{filters}&page=2").text
    assert_export_link_drops_the_page(body, reverse("partnership:action_export"), filters)


@pytest.mark.parametrize("role", ["anonymous", "gla_officer", "panel_member"])
def test_paper_lists_answer_bad_page_values(world, client_for, role):
    meeting = MeetingFactory(body=world.mrap)
    PaperFactory.create_batch(3, body=world.mrap, meeting=meeting, visibility=PaperVisibility.PUBLIC)
    client = client_for(world.users[role])
    assert_bad_pages_answer(client, f"{PAPERS}?body={world.mrap.pk}")
    assert_bad_pages_answer(client, reverse("partnership:paper_body_list", args=[world.mrap.pk]))
    assert_bad_pages_answer(client, reverse("partnership:paper_meeting_list", args=[meeting.pk]))
    assert "3 papers" in client.get(with_page(PAPERS, 99999)).text


@pytest.mark.parametrize("role", ["gla_officer", "panel_member"])
def test_action_list_answers_bad_page_values(world, client_for, role):
    ActionFactory.create_batch(3, body=world.mrap, owner_user=world.users[role])
    assert_bad_pages_answer(client_for(world.users[role]), f"{ACTIONS}?status={ActionStatus.OPEN}")
