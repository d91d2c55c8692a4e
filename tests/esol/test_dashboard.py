"""The dashboard: late and missing returns for the GLA's officers, a grantee contact's own returns
to do, a provider's entries to check; every count in the scope of the list it links to."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from esol.models import ReturnStatus
from tests.factories.esol import ProjectFactory, ProvisionFactory, ReturnFactory, submitted_return

pytestmark = pytest.mark.django_db


def _rows(response, title):
    body = response.content.decode()
    section = body.split(f">{title}</h3>", 1)[1].split("</dl>", 1)[0]
    return section


def test_officers_see_missing_and_late_returns(world, client_for):
    past = timezone.localdate() - dt.timedelta(days=10)
    ReturnFactory(due_on=past)
    ReturnFactory(due_on=past, status=ReturnStatus.RETURNED)
    ReturnFactory(due_on=timezone.localdate() + dt.timedelta(days=10))
    submitted_return(due_on=past, submitted_at=timezone.now())
    section = _rows(client_for(world.users["gla_officer"]).get(reverse("dashboard")), "ESOL Plus monitoring returns")
    assert '?show=missing">2 returns</a>' in section
    assert '?show=late">1 return</a>' in section
    late = client_for(world.users["gla_officer"]).get(reverse("esol:return_list") + "?show=late").content.decode()
    assert "Submitted late" in late and "1 return" in late


def test_a_grantee_contact_counts_their_own_projects_only(world, client_for):
    contact = world.users["grantee_a"]
    mine = ProjectFactory(lead_organisation=contact.organisation, contacts=[contact])
    ReturnFactory(project=mine, due_on=timezone.localdate() - dt.timedelta(days=1))
    ReturnFactory.create_batch(3, due_on=timezone.localdate() - dt.timedelta(days=1))  # other projects
    section = _rows(client_for(contact).get(reverse("dashboard")), "Your monitoring returns")
    assert '?show=missing">1 return</a>' in section and '?status=draft">1 return</a>' in section


def test_a_provider_sees_its_entries_to_check(world, client_for):
    provider = world.users["provider"]
    ProvisionFactory(provider=provider.organisation, last_checked_on=timezone.localdate() - dt.timedelta(days=400))
    ProvisionFactory(last_checked_on=timezone.localdate() - dt.timedelta(days=400))
    section = _rows(client_for(provider).get(reverse("dashboard")), "Your directory entries")
    assert '?needs_checking=on">1 entry</a>' in section


def test_people_without_an_esol_role_see_no_esol_panel(world, client_for):
    body = client_for(world.users["borough_a"]).get(reverse("dashboard")).content.decode()
    assert "monitoring returns" not in body.lower() and "directory entries" not in body.lower()
