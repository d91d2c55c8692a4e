"""The monitoring return's status machine and who may take each step: the table is the whole truth."""

import pytest

from esol.models import ReturnStatus
from esol.rules import RETURN_MACHINE, steps_available
from tests.factories.esol import GranteeFactory, ProjectFactory, ReturnFactory, grantee_contact
from tests.factories.partnership import gla_officer

pytestmark = pytest.mark.django_db
S = ReturnStatus


def test_the_table():
    assert {(t.source, t.target, t.side, t.note_required) for t in RETURN_MACHINE} == {
        (S.DRAFT, S.SUBMITTED, "grantee", False), (S.RETURNED, S.SUBMITTED, "grantee", False),
        (S.SUBMITTED, S.ACCEPTED, "coordinator", False), (S.SUBMITTED, S.RETURNED, "coordinator", True)}
    assert RETURN_MACHINE.targets(S.ACCEPTED) == set()  # accepted is the end


def test_each_person_is_offered_only_their_own_steps():
    lead = GranteeFactory()
    contact, officer = grantee_contact(lead), gla_officer()
    stranger = grantee_contact(GranteeFactory())
    monitoring_return = ReturnFactory(project=ProjectFactory(lead_organisation=lead, contacts=[contact]))
    assert [t.verb for t in steps_available(monitoring_return=monitoring_return, user=contact)] == ["Submit the return"]
    assert steps_available(monitoring_return=monitoring_return, user=officer) == []
    assert steps_available(monitoring_return=monitoring_return, user=stranger) == []
    monitoring_return.status = S.SUBMITTED
    assert {t.verb for t in steps_available(monitoring_return=monitoring_return, user=officer)} == {
        "Accept the return", "Return it with comments"}
    assert steps_available(monitoring_return=monitoring_return, user=contact) == []
