"""The project form offers as reporting contacts the lead organisation's people only (it offered
every account outside the GLA and the boroughs: hundreds of boxes in a year); a new project's
form offers them once its lead organisation is chosen."""

import re

import pytest
from django.urls import reverse

from tests.factories.esol import GranteeFactory, ProjectFactory, RoundFactory
from tests.factories.partnership import UserFactory

pytestmark = pytest.mark.django_db


def _contact_boxes(html: str) -> list[str]:
    return re.findall(r'name="reporting_contacts"[^>]*value="(\d+)"', html)


def test_the_edit_page_offers_the_lead_organisations_people_only(world, client_for):
    lead = GranteeFactory(name="Learning Unlimited")
    ours = [UserFactory(organisation=lead, full_name=f"Lead person {i}") for i in range(3)]
    UserFactory(organisation=GranteeFactory(name="Sutton College"), full_name="Someone elsewhere")
    UserFactory(organisation=lead, full_name="Gone", is_active=False)
    project = ProjectFactory(lead_organisation=lead)
    html = client_for(world.users["gla_officer"]).get(reverse("esol:project_edit", args=[project.pk])).text
    assert sorted(_contact_boxes(html)) == sorted(str(user.pk) for user in ours)
    assert "Someone elsewhere" not in html


def test_a_new_project_offers_contacts_once_its_lead_is_chosen(world, client_for):
    lead = GranteeFactory(name="Poplar HARCA")
    person = UserFactory(organisation=lead, full_name="Kevin Osei")
    UserFactory(organisation=GranteeFactory(), full_name="Someone elsewhere")
    client = client_for(world.users["gla_officer"])
    url = reverse("esol:project_create", args=[RoundFactory().pk])
    blank = client.get(url).text
    assert _contact_boxes(blank) == [] and "Someone elsewhere" not in blank
    assert "chosen from its people once the grant is saved" in blank

    sent_back = client.post(url, {"title": "", "lead_organisation": lead.pk}).text  # errors: the page again
    assert _contact_boxes(sent_back) == [str(person.pk)]


def test_someone_from_another_organisation_is_refused_beside_the_field(world, client_for):
    lead = GranteeFactory(name="Learning Unlimited")
    stranger = UserFactory(organisation=GranteeFactory(name="Sutton College"))
    project = ProjectFactory(lead_organisation=lead)
    response = client_for(world.users["gla_officer"]).post(
        reverse("esol:project_edit", args=[project.pk]),
        {"title": project.title, "lead_organisation": lead.pk, "reporting_contacts": [stranger.pk]})
    assert response.status_code == 200
    assert "Reporting contacts work at the lead organisation: choose from its people" in response.text
