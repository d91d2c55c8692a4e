"""The service navigation offers each role the pages it can open."""

import pytest
from django.urls import reverse

ACTIONS = ("Actions", reverse("partnership:action_list"))


def _nav(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return [(item["label"], item["href"]) for item in response.context["nav_items"]]


@pytest.mark.parametrize("role", ["borough_a", "panel_member", "gla_officer"])
def test_everyone_signed_in_finds_the_actions_list(role, world, client_for):
    nav = _nav(client_for(world.users[role]))
    assert ACTIONS in nav
    assert nav.index(ACTIONS) == nav.index(("My actions", reverse("partnership:my_actions"))) + 1


def test_anonymous_visitors_are_not_offered_the_actions_list(world, client_for):
    nav = _nav(client_for(None))
    assert ACTIONS not in nav
    assert "My actions" not in [label for label, _ in nav]


def test_the_entry_is_in_the_rendered_menu(world, client_for):
    page = client_for(world.users["borough_a"]).get(reverse("home")).content.decode()
    menu = page.split('id="navigation"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{reverse("partnership:action_list")}"' in menu
