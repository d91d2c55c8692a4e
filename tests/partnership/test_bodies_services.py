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
