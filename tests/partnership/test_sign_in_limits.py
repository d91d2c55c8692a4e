"""Sign-in limits: an email address is locked after five failures from any connection, one
connection is throttled after thirty failures whatever the email addresses, and neither page
says whether an account has the address."""

import datetime as dt
import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories.partnership import PASSWORD, UserFactory

ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


def _sign_in(client, email, password, address=ATTACKER, url=None):
    return client.post(url or reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address)


def _page_text(response) -> str:
    """The page without what differs between any two responses (CSRF token, CSP nonce)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


def test_an_email_address_is_locked_from_every_connection(client, db, settings):
    UserFactory(email="someone@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "someone@example.org", "guess").status_code == 200
    locked = _sign_in(client, "someone@example.org", "guess")
    assert locked.status_code == 429
    assert "signing in with it is stopped for 15 minutes" in locked.content.decode()
    # The right password, from another connection, is refused too.
    elsewhere = _sign_in(client, "someone@example.org", PASSWORD, address=ELSEWHERE)
    assert elsewhere.status_code == 429
    assert "_auth_user_id" not in client.session
    # So are case and spacing variants of the address.
    assert _sign_in(client, " SomeOne@Example.org ", PASSWORD, address=ELSEWHERE).status_code == 429


def test_the_lock_lifts_after_the_cool_off(client, db, settings):
    UserFactory(email="someone@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "someone@example.org", "guess")
    locked_at = AccessAttempt.objects.get().attempt_time
    assert _sign_in(client, "someone@example.org", PASSWORD).status_code == 429
    # Refused attempts during the lock do not restart it: the page's promise holds.
    assert AccessAttempt.objects.get().attempt_time == locked_at
    AccessAttempt.objects.update(attempt_time=locked_at - dt.timedelta(minutes=15, seconds=1))
    response = _sign_in(client, "someone@example.org", PASSWORD, address=ELSEWHERE)
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")


def test_locked_pages_are_the_same_for_an_account_and_an_unknown_address(client, db, settings):
    UserFactory(email="someone@example.org")
    pages = {}
    for email in ("someone@example.org", "nobody@example.org"):
        failures = [_sign_in(client, email, "guess") for _ in range(settings.AXES_FAILURE_LIMIT)]
        assert [r.status_code for r in failures] == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
        pages[email] = (_page_text(failures[0]).replace(email, "EMAIL"), _page_text(failures[-1]),
                        _page_text(_sign_in(client, email, PASSWORD, address=ELSEWHERE)))
    assert pages["someone@example.org"] == pages["nobody@example.org"]
    first_failure, locked, _ = pages["nobody@example.org"]
    assert "Enter a correct email address and password" in first_failure
    assert "Too many attempts to sign in" in locked and "nobody@example.org" not in locked


def test_one_connection_is_throttled_across_email_addresses(client, db, settings):
    UserFactory(email="someone@example.org")
    limit = settings.SIGN_IN_ADDRESS_FAILURE_LIMIT
    assert limit == 30
    # Thirty addresses, one failure each: no address reaches its own lock.
    for n in range(limit):
        assert _sign_in(client, f"guess{n}@example.org", "guess").status_code == 200
    throttled = _sign_in(client, "someone@example.org", PASSWORD)
    assert throttled.status_code == 429
    body = throttled.content.decode()
    assert "Too many attempts to sign in from your connection" in body and 'class="govuk-heading-l"' in body
    assert "_auth_user_id" not in client.session
    # A refused attempt is not counted against the address it named, and other connections sign in.
    assert not AccessAttempt.objects.filter(username="someone@example.org").exists()
    assert _sign_in(client, "someone@example.org", PASSWORD, address=ELSEWHERE).status_code == 302


def test_the_throttle_covers_django_admin_sign_in_too(client, db, settings):
    UserFactory(email="someone@example.org")
    for n in range(settings.SIGN_IN_ADDRESS_FAILURE_LIMIT):
        _sign_in(client, f"guess{n}@example.org", "guess")
    admin_login = reverse("admin:login")
    assert _sign_in(client, "someone@example.org", PASSWORD, url=admin_login).status_code == 429


@pytest.mark.parametrize("failures, expected", [(29, 302), (30, 429)])
def test_the_throttle_starts_at_the_limit(client, db, failures, expected):
    UserFactory(email="someone@example.org")
    for n in range(failures):
        _sign_in(client, f"guess{n}@example.org", "guess")
    assert _sign_in(client, "someone@example.org", PASSWORD).status_code == expected
