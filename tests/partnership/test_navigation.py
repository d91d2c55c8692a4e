"""The service navigation offers each role the pages it can open: one link per group in the menu,
the group's pages as the section's links, and the account links apart with Sign out."""

import pytest
from django.urls import reverse

ACTIONS = ("Actions", reverse("partnership:action_list"))
MY_ACTIONS = ("My actions", reverse("partnership:my_actions"))


def _context(client, url=None):
    response = client.get(url or reverse("home"))
    assert response.status_code == 200
    return response.context


def _pairs(items):
    return [(item["label"], item["href"]) for item in items]


@pytest.mark.parametrize("role", ["borough_a", "panel_member", "gla_officer"])
def test_everyone_signed_in_finds_the_actions_list(role, world, client_for):
    client = client_for(world.users[role])
    # The menu's "Actions" group leads to the actions list...
    assert ACTIONS in _pairs(_context(client)["nav_items"])
    # ...where the section's links offer both lists, "My actions" first.
    section = _pairs(_context(client, reverse("partnership:action_list"))["section_items"])
    assert section == [MY_ACTIONS, ACTIONS]


def test_anonymous_visitors_are_not_offered_the_actions_list(world, client_for):
    context = _context(client_for(None))
    labels = [item["label"] for item in context["nav_items"]]
    assert "Actions" not in labels and "My actions" not in labels
    assert context["account_items"] == []


def test_the_officers_menu_is_one_link_per_group_with_the_account_apart(world, client_for):
    context = _context(client_for(world.users["gla_officer"]), reverse("dashboard"))
    assert [item["label"] for item in context["nav_items"]] == [
        "Dashboard", "Meetings", "Actions", "Enquiries", "Resettlement", "Funding", "ESOL", "Organisations"]
    assert _pairs(context["account_items"]) == [("Email settings", reverse("partnership:notification_preferences"))]
    assert context["section_items"] == []  # the dashboard is a group of its own


def test_a_group_seen_through_one_entry_is_named_by_it(world, client_for):
    labels = [item["label"] for item in _context(client_for(None))["nav_items"]]
    assert labels == ["Home", "Meetings", "Funding", "Find ESOL", "Contact us"]


def test_the_section_links_of_the_page_in_a_group(world, client_for):
    context = _context(client_for(world.users["gla_officer"]), reverse("partnership:paper_list"))
    current = [item["label"] for item in context["nav_items"] if item["current"]]
    assert current == ["Meetings"]
    assert [item["label"] for item in context["section_items"]] == [
        "Meetings", "Bodies", "Task groups", "Workplans", "Papers"]
    assert [item["label"] for item in context["section_items"] if item["current"]] == ["Papers"]


def test_the_entries_are_in_the_rendered_menu_and_sign_out_is_not(world, client_for):
    page = client_for(world.users["borough_a"]).get(reverse("partnership:action_list")).content.decode()
    menu = page.split('id="navigation"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{reverse("partnership:action_list")}"' in menu
    assert "Sign out" not in menu
    section = page.split('id="section-navigation"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{reverse("partnership:my_actions")}"' in section
    account = page.split('aria-label="Account"', 1)[1].split("</nav>", 1)[0]
    assert "Sign out" in account and "Email settings" in account
