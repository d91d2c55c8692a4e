"""The portal's pages, from the access matrix: every GET row some role may open, and whose view
of it to check (the fullest first). The every-page browser test and the page-wide checks that
need no browser (GET forms carry no CSRF token) share this list."""

from tests.access.test_matrix import CASES

ROLE_ORDER = ("gla_officer", "panel_member", "borough_a", "anonymous", "superuser", "grantee_a", "provider")
PAGE_CASES = [case for case in CASES if case.method == "get" and any(case.expected.get(r) == 200 for r in ROLE_ORDER)]


def first_role(case) -> str:
    """The fullest role that may open the page."""
    return next(role for role in ROLE_ORDER if case.expected.get(role) == 200)
