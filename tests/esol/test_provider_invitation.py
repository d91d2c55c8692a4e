"""An officer gives the ESOL-provider role in an invitation (partnership.roles: esol registers it,
partnership never imports esol). The role needs the provider organisation: it is what limits the
account to its own directory entries."""

from django.urls import reverse

from esol.models import EsolRole, Provision
from partnership.models import User
from partnership.roles import invitable_role_choices, role_label
from partnership.selectors.organisations import people_for_listing, with_role_labels
from tests.factories.esol import GranteeFactory, ProvisionFactory, grantee_contact
from tests.factories.partnership import gla_officer
from tests.support.two_factor import sign_in_fully


def _invite(client, **overrides):
    data = {"full_name": "Priya Shah", "email": "priya@sutton.example.org", "job_title": "ESOL coordinator",
            "organisation": "", "roles": [EsolRole.PROVIDER], **overrides}
    return client.post(reverse("partnership:invite"), data)


def test_the_invitation_offers_the_provider_role_but_not_the_grantee_contact_role(client, db):
    sign_in_fully(client, gla_officer())
    page = client.get(reverse("partnership:invite")).content.decode()
    assert dict(invitable_role_choices())[EsolRole.PROVIDER] == "ESOL provider"
    assert f'value="{EsolRole.PROVIDER}"' in page and "ESOL provider" in page
    assert "entries in the public ESOL directory" in page  # the hint under its box
    # Being named on a project is what makes a grantee contact: no box to tick for it.
    assert EsolRole.GRANTEE_CONTACT not in dict(invitable_role_choices())
    assert f'value="{EsolRole.GRANTEE_CONTACT}"' not in page


def test_a_provider_invited_without_an_organisation_is_told_to_choose_one_and_nothing_is_written(client, db):
    sign_in_fully(client, gla_officer())
    response = _invite(client)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose the ESOL provider this person works for." in body
    assert "govuk-error-summary" in body and 'value="Priya Shah"' in body  # what was typed is kept
    assert not User.objects.filter(email="priya@sutton.example.org").exists()


def test_an_invited_provider_keeps_only_their_own_organisations_entries(client, db):
    sutton = GranteeFactory(name="Sutton College")
    own = ProvisionFactory(provider=sutton, course_title="ESOL Entry 1 for parents")
    ProvisionFactory(course_title="Someone else's course")
    sign_in_fully(client, gla_officer())

    assert _invite(client, organisation=sutton.pk).status_code == 302
    invited = User.objects.get(email="priya@sutton.example.org")
    assert invited.has_role(EsolRole.PROVIDER) and invited.organisation == sutton
    assert list(Provision.objects.kept_by(invited)) == [own]


def test_people_list_names_the_esol_roles(db):
    officer = gla_officer()
    contact = grantee_contact(GranteeFactory(name="Learning Unlimited"), email="reports@lu.example.org")
    roles = dict(with_role_labels(people_for_listing(officer)))
    assert roles[contact] == ["Grantee contact"]
    assert role_label("some_group_nobody_registered") == "some_group_nobody_registered"
