"""The people and organisation lists are paged, an organisation's page bounds its people (with a
link to the people list filtered to it) and pages its memberships; ids in a query string that
are not ids never reach the database as numbers (no 500 for "?body=²")."""

import re

import pytest
from django.urls import reverse

from partnership.common.pagination import PAGE_SIZE
from partnership.common.query_params import BIGGEST_ID, as_id
from partnership.models import Membership, Organisation, OrganisationKind, User
from partnership.selectors.organisations import ORGANISATION_PEOPLE_SHOWN
from tests.factories.partnership import MeetingFactory

pytestmark = pytest.mark.django_db
CHARITY = OrganisationKind.CIVIL_SOCIETY


def _people_links(html: str) -> int:
    """Links to a person's page, and to the people list."""
    return len(re.findall(r'href="/people/(\d+/|\?)', html))


def _people_at(organisation, n):
    User.objects.bulk_create([User(email=f"person{i}@refugee-action.example.org", full_name=f"Person {i:03d}",
                                   organisation=organisation) for i in range(n)])


def test_people_list_is_paged_and_filters_to_one_organisation(world, client_for):
    charity = Organisation.objects.create(name="Refugee Action", kind=OrganisationKind.CIVIL_SOCIETY)
    _people_at(charity, PAGE_SIZE + 3)
    client = client_for(world.users["gla_officer"])
    everyone = User.objects.count()

    html = client.get(reverse("partnership:person_list")).text
    assert f"Showing 1 to {PAGE_SIZE} of {everyone} people with accounts" in html
    assert html.count('<tr class="govuk-table__row">') == PAGE_SIZE + 1  # the rows and the head

    at_charity = client.get(reverse("partnership:person_list"), {"organisation": charity.pk, "page": 2}).text
    assert "People at Refugee Action" in at_charity
    assert f"Showing {PAGE_SIZE + 1} to {PAGE_SIZE + 3} of {PAGE_SIZE + 3} people with accounts" in at_charity
    assert "Person 027" in at_charity and world.users["panel_member"].email not in at_charity


@pytest.mark.parametrize("value", ["abc", "²", "١٢", "-1", "0", str(BIGGEST_ID + 1), "99999999"])
def test_an_organisation_that_is_not_one_lists_everyone(world, client_for, value):
    response = client_for(world.users["gla_officer"]).get(reverse("partnership:person_list"), {"organisation": value})
    assert response.status_code == 200 and "<h1 class=\"govuk-heading-l\">People</h1>" in response.text


def test_organisation_list_is_paged(world, client_for):
    Organisation.objects.bulk_create([Organisation(name=f"Invented charity {i:03d}", kind=CHARITY)
                                      for i in range(PAGE_SIZE + 1)])
    html = client_for(world.users["gla_officer"]).get(reverse("partnership:organisation_list")).text
    assert f"Showing 1 to {PAGE_SIZE} of {Organisation.objects.count()} organisations" in html
    assert len(re.findall(r'href="/organisations/\d+/"', html)) == PAGE_SIZE


def test_organisation_page_bounds_its_people_and_pages_its_memberships(world, client_for):
    charity = Organisation.objects.create(name="Refugee Action", kind=OrganisationKind.CIVIL_SOCIETY)
    _people_at(charity, ORGANISATION_PEOPLE_SHOWN + 5)
    representative = User.objects.filter(organisation=charity).first()
    bodies = [MeetingFactory().body for _ in range(PAGE_SIZE + 2)]
    Membership.objects.bulk_create([Membership(body=body, user=representative, organisation=charity)
                                    for body in bodies])
    client = client_for(world.users["gla_officer"])
    html = client.get(reverse("partnership:organisation_detail", args=[charity.pk])).text
    assert _people_links(html) == ORGANISATION_PEOPLE_SHOWN + 1  # the people, and "See all"
    assert (f"Showing the {ORGANISATION_PEOPLE_SHOWN} of {ORGANISATION_PEOPLE_SHOWN + 5} people."
            in " ".join(html.split()))
    assert f'href="/people/?organisation={charity.pk}"' in html
    assert html.count('href="/bodies/') == PAGE_SIZE
    page_two = client.get(reverse("partnership:organisation_detail", args=[charity.pk]), {"page": 2}).text
    assert page_two.count('href="/bodies/') == 2


@pytest.mark.parametrize("value", ["²", "١٢", "1.5", "-3", str(BIGGEST_ID + 1), ""])
def test_prefill_ids_that_are_not_ids_are_ignored(world, client_for, value):
    client = client_for(world.users["gla_officer"])
    meeting = MeetingFactory(body=world.mrap)
    assert client.get(reverse("partnership:paper_upload"), {"body": value, "meeting": value}).status_code == 200
    assert client.get(reverse("partnership:declaration_create", args=[meeting.pk]),
                      {"agenda_item": value}).status_code == 200
    assert client.get(reverse("partnership:action_create"), {"meeting": value, "body": value}).status_code == 200


def test_as_id():
    assert as_id("12") == 12 and as_id(7) == 7
    assert [as_id(v) for v in ("²", "١٢", "0", "-1", "", None, "1e3", str(BIGGEST_ID + 1))] == [None] * 8
