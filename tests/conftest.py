"""Fixtures shared by every test: the six roles of the access matrix and their world."""

from dataclasses import dataclass

import pytest

from partnership.models import Body, User
from tests.factories.partnership import (
    BodyFactory,
    BoroughFactory,
    MembershipFactory,
    UserFactory,
    borough_officer,
    gla_officer,
)
from tests.support.two_factor import pass_second_factor


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` exercise what only a database server has (a backend to kill), and
    tests marked `scale` read query plans of Postgres. On SQLite they are deselected, so the
    summary counts them as "deselected", never as skipped or passed; CI's Postgres legs run them.
    The `scale` tests run after every other test: the 577,000 rows they write stay in the test
    database for the rest of the session (written once), and would upset other tests' counts."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        items.sort(key=lambda item: item.get_closest_marker("scale") is not None)  # stable: order kept
        return
    needs_postgres = [item for item in items if item.get_closest_marker("postgres") or item.get_closest_marker("scale")]
    if needs_postgres:
        config.hook.pytest_deselected(items=needs_postgres)
        items[:] = [item for item in items
                    if not (item.get_closest_marker("postgres") or item.get_closest_marker("scale"))]


@dataclass
class World:
    """Who is who in access tests: two boroughs, two bodies, one person of each role."""

    camden: object
    hackney: object
    mrap: Body
    hmap: Body
    users: dict[str, User | None]


ROLES = ("anonymous", "gla_officer", "borough_a", "borough_b", "panel_member", "superuser")
# Roles the esol app adds: two grantee contacts at different funded organisations, and someone at
# an ESOL provider. Rows of esol's URLs name them; other rows need not. Made when first asked for.
EXTRA_ROLES = ("grantee_a", "grantee_b", "provider")


class Users(dict):
    """The world's people by role; an extra role's person is made the first time it is asked for."""

    def __missing__(self, role):
        if role not in EXTRA_ROLES:
            raise KeyError(role)
        from tests.factories.esol import GranteeFactory, grantee_contact, provider_user

        if role == "provider":
            user = provider_user(GranteeFactory(name="Sutton College"), email="provider@example.org",
                                 full_name="Pat Provider")
        else:
            name = {"grantee_a": "Poplar HARCA", "grantee_b": "Learning Unlimited"}[role]
            user = grantee_contact(GranteeFactory(name=name), email=f"{role}@example.org",
                                   full_name=f"Grant Contact {role[-1].upper()}")
        self[role] = user
        return user


@pytest.fixture
def world(db) -> World:
    camden = BoroughFactory(name="Camden", gss_code="E09000007")
    hackney = BoroughFactory(name="Hackney", gss_code="E09000012")
    mrap = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    hmap = BodyFactory(name="Homeless Migrants Advisory Panel", short_name="HMAP")
    member = UserFactory(email="member@example.org", full_name="Mo Member")
    MembershipFactory(user=member, body=mrap)
    users = Users({
        "anonymous": None,
        "gla_officer": gla_officer(email="officer@example.org", full_name="Gail Officer"),
        "borough_a": borough_officer(camden, email="camden@example.org", full_name="Cam Officer"),
        "borough_b": borough_officer(hackney, email="hackney@example.org", full_name="Hack Officer"),
        "panel_member": member,
        "superuser": User.objects.create_superuser(email="admin@example.org", full_name="Ada Admin",
                                                   password="x-admin-password-123"),
    })
    return World(camden=camden, hackney=hackney, mrap=mrap, hmap=hmap, users=users)


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client signed in as that user (or anonymous for None), past
    the second step for those who need it; client_for(user, second_factor=False) stops after
    the password."""

    def sign_in(user, second_factor=True):
        client.logout()
        if user is not None:
            client.force_login(user, backend="partnership.auth_backends.AccountBackend")
            if second_factor:
                pass_second_factor(client, user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits (the contact form's) live in the local-memory cache: each test starts clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """The public pages' translations compiled as `make messages` does (.mo files are not
    committed): a .po newer than its .mo, or without one, is compiled before any test runs."""
    import subprocess
    from pathlib import Path

    from django.conf import settings

    for po in Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)  # noqa: S603, S607
