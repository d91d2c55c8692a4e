import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from partnership.models import Organisation, OrganisationKind, User

pytestmark = pytest.mark.django_db


def _row_counts():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            if table.startswith(("partnership_", "resettlement_", "funding_", "esol_", "taskgroups_")):
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from introspection
                counts[table] = cursor.fetchone()[0]
        return counts


def test_seed_demo_is_idempotent_and_complete(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-1")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _row_counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    historical = {t for t in first if "historical" in t}
    assert {t: n for t, n in _row_counts().items() if t not in historical} == {
        t: n for t, n in first.items() if t not in historical}

    boroughs = Organisation.objects.boroughs()
    assert boroughs.count() == 33
    assert sorted(boroughs.values_list("gss_code", flat=True)) == [f"E090000{n:02d}" for n in range(1, 34)]
    assert boroughs.get(gss_code="E09000007").name == "Camden"
    assert boroughs.get(gss_code="E09000033").name == "Westminster"
    assert Organisation.objects.filter(kind=OrganisationKind.BOROUGH).count() == 33

    for email in ["officer", "camden", "hackney", "member", "admin"]:
        response = client.post(reverse("login"), {"username": f"{email}@example.org",
                                                   "password": "a-demo-password-1"})
        assert response.status_code == 302, email
        client.logout()
    assert User.objects.get(email="officer@example.org").is_gla_officer
    assert User.objects.get(email="camden@example.org").borough.name == "Camden"
    assert User.objects.get(email="hackney@example.org").borough.name == "Hackney"
    assert User.objects.get(email="admin@example.org").is_superuser
