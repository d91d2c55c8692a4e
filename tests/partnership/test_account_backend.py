"""partnership.auth_backends.AccountBackend: the signed-in user's roles are read in the same query
as the user (every page asks them), and still follow the database from one request to the next."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership.auth_backends import AccountBackend
from partnership.models import Role

pytestmark = pytest.mark.django_db


def _group_queries(queries) -> list[str]:
    """Queries that read roles on their own, not with the user."""
    return [q["sql"] for q in queries if '"auth_group"' in q["sql"] and "partnership_user\".\"password" not in q["sql"]]


def test_a_signed_in_page_reads_the_roles_with_the_user(world, client_for):
    client = client_for(world.users["gla_officer"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("partnership:enquiry_list")).status_code == 200
    assert _group_queries(queries.captured_queries) == []


def test_a_role_taken_away_counts_from_the_next_request(world, client_for):
    officer = world.users["gla_officer"]
    client = client_for(officer)
    assert client.get(reverse("partnership:enquiry_list")).status_code == 200
    officer.groups.remove(Group.objects.get(name=Role.GLA_OFFICER))
    assert client.get(reverse("partnership:enquiry_list")).status_code in (403, 404)


def test_roles_of_a_user_with_none_several_and_an_inactive_account(world):
    backend = AccountBackend()
    member = world.users["panel_member"]
    assert backend.get_user(member.pk).role_names == frozenset(member.groups.values_list("name", flat=True))
    officer = world.users["gla_officer"]
    officer.groups.add(Group.objects.get_or_create(name=Role.BOROUGH_OFFICER)[0])
    assert backend.get_user(officer.pk).role_names == {Role.GLA_OFFICER, Role.BOROUGH_OFFICER}
    officer.groups.clear()
    assert backend.get_user(officer.pk).role_names == frozenset()
    officer.is_active = False
    officer.save()
    assert backend.get_user(officer.pk) is None
    assert backend.get_user(10**9) is None
