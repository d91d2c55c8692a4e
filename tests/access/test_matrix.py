"""Runs every row of the access matrix and checks that no URL of the portal is missing."""

from importlib import import_module
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access.matrix import case_url, client_for_case

CASE_MODULES = sorted(p.stem for p in Path(__file__).parent.glob("cases_*.py"))
CASES = [case for name in CASE_MODULES for case in import_module(f"tests.access.{name}").CASES]

# Django's own admin is reached through admin:index in the table; its inner pages are Django's.
UNLISTED_NAMESPACES = {"admin"}


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_name_has_a_row():
    listed = {case.url_name for case in CASES}
    names = {name for name in _url_names(get_resolver().url_patterns)
             if name.split(":")[0] not in UNLISTED_NAMESPACES}
    missing = sorted(names - listed)
    assert not missing, f"URL names missing from the access matrix: {missing}"
    assert not sorted(listed - names - {"admin:index"}), "rows for URL names that do not exist"


@pytest.mark.parametrize(("case", "role"), [(case, role) for case in CASES for role in case.roles],
                         ids=lambda value: value if isinstance(value, str) else value.id)
def test_access(case, role, world, client_for):
    client = client_for_case(case, world.users[role], client_for)
    url = case_url(case, world)
    if case.method == "post":
        response = client.post(url, data=case.data(world) if case.data else {})
    else:
        response = client.get(url)
    expected = case.expected[role]
    assert response.status_code == expected, (
        f"{role} {case.method.upper()} {url}: expected {expected}, got {response.status_code}")
    if expected == 302 and role == "anonymous" and case.expected.get("gla_officer") != 302:
        assert response["Location"].startswith(reverse("login")), response["Location"]
