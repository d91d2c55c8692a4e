import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnership.models import MembershipRole
from partnership.services.bodies import membership_add, membership_end
from tests.factories.partnership import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_one_open_membership_per_person_and_body_and_ending_it():
    body, person, today = BodyFactory(), UserFactory(), timezone.localdate()
    membership = membership_add(body=body, user=person, role=MembershipRole.MEMBER, started_on=today)
    with pytest.raises(ValidationError, match="already a member"):
        membership_add(body=body, user=person, role=MembershipRole.CHAIR, started_on=today)
    with pytest.raises(ValidationError) as raised:
        membership_end(membership=membership, ended_on=today - dt.timedelta(days=1))
    assert "ended_on" in raised.value.message_dict
    membership_end(membership=membership, ended_on=today)
    with pytest.raises(ValidationError, match="ended already"):
        membership_end(membership=membership, ended_on=today)
    # Once ended, the person may join again.
    assert membership_add(body=body, user=person, role=MembershipRole.CHAIR, started_on=today).pk


def test_a_body_cannot_be_part_of_its_own_sub_group(client_for, world):
    from django.urls import reverse

    sub = BodyFactory(short_name="MRAP-ESOL", parent=world.mrap)
    response = client_for(world.users["gla_officer"]).post(
        reverse("partnership:body_edit", args=[world.mrap.pk]),
        {"name": world.mrap.name, "short_name": "MRAP", "kind": "panel", "purpose": "Advises.",
         "cadence": "quarterly", "parent": sub.pk})
    assert "cannot be part of itself" in response.content.decode()
    world.mrap.refresh_from_db()
    assert world.mrap.parent is None


def test_membership_represents_the_persons_organisation_by_default():
    from tests.factories.partnership import OrganisationFactory

    charity = OrganisationFactory(name="South London Migrant Forum")
    person = UserFactory(organisation=charity)
    membership = membership_add(body=BodyFactory(), user=person, role=MembershipRole.MEMBER,
                                started_on=timezone.localdate())
    assert membership.organisation == charity
