"""The action list's Owner filter: choosing a person lists what they own by owned_by_q, which
includes the actions of an organisation they are the contact user for (while they work there).
The Owner list offers such contacts, and the page's query count stays flat while it filters."""

import pytest
from django.urls import reverse

from tests.factories.partnership import ActionFactory, OrganisationFactory, UserFactory, gla_officer
from tests.support.queries import assert_flat_query_count

pytestmark = pytest.mark.django_db

URL = reverse("partnership:action_list")


@pytest.fixture
def council():
    return OrganisationFactory(name="London Councils")


@pytest.fixture
def contact(council):
    return UserFactory(email="amira@example.org", full_name="Amira Khan", organisation=council)


def _council_action(world, council, description, contact_user=None):
    return ActionFactory(body=world.hmap, owner_user=None, owner_organisation=council, owner_contact="Amira Khan",
                         owner_contact_user=contact_user, description=description)


def _shown(client, **params):
    text = client.get(URL, params).text
    return {d for d in ["Her own", "Council, via Amira", "Council, no contact user", "Someone else's"]
            if d.replace("'", "&#x27;") in text}


def test_filtering_by_a_person_includes_actions_they_own_as_the_contact_user(world, council, contact, client_for):
    ActionFactory(body=world.hmap, owner_user=contact, description="Her own")
    _council_action(world, council, "Council, via Amira", contact_user=contact)
    _council_action(world, council, "Council, no contact user")
    ActionFactory(body=world.hmap, description="Someone else's")
    client = client_for(gla_officer())
    assert _shown(client, owner=f"u{contact.pk}") == {"Her own", "Council, via Amira"}
    # The organisation still finds all of its actions.
    assert _shown(client, owner=f"o{council.pk}") == {"Council, via Amira", "Council, no contact user"}


def test_a_contact_user_who_owns_nothing_directly_is_offered_as_an_owner(world, council, contact, client_for):
    _council_action(world, council, "Council, via Amira", contact_user=contact)
    client = client_for(gla_officer())
    page = client.get(URL).text
    assert f'value="u{contact.pk}"' in page and "Amira Khan" in page
    assert _shown(client, owner=f"u{contact.pk}") == {"Council, via Amira"}


def test_a_contact_who_left_the_organisation_is_not_offered_and_is_reported(world, council, contact, client_for):
    """They stopped acting for it (owned_by_q): filtering by them would find nothing, so the
    list does not offer them and a stale link is reported like any value not on the list."""
    _council_action(world, council, "Council, via Amira", contact_user=contact)
    contact.organisation = OrganisationFactory(name="Elsewhere")
    contact.save()
    client = client_for(gla_officer())
    assert f'value="u{contact.pk}"' not in client.get(URL).text
    response = client.get(URL, {"owner": f"u{contact.pk}"})
    assert response.status_code == 200 and "govuk-error-summary" in response.text


def test_filtering_by_a_contact_user_keeps_the_query_count_flat(world, council, contact, client_for):
    def make(n):
        for i in range(n):
            if i % 2:
                _council_action(world, council, f"Council {i}", contact_user=contact)
            else:
                ActionFactory(body=world.hmap, owner_user=contact, description=f"Own {i}")

    _, large = assert_flat_query_count(client_for(gla_officer()), f"{URL}?owner=u{contact.pk}", make)
    assert "50 actions" in large.text
