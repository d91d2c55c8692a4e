"""Signing in, lockout, session expiry, invitations and password reset."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from partnership.models import Notification, Role, User
from partnership.notifications.services.outbox import notifications_dispatch_due
from tests.factories.partnership import PASSWORD, BoroughFactory, OrganisationFactory, UserFactory, gla_officer
from tests.support.two_factor import sign_in_fully


def _sign_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_sign_in_with_email_and_password(client, db):
    UserFactory(email="someone@example.org")
    response = _sign_in(client, "someone@example.org", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")


def test_wrong_password_shows_an_error_and_keeps_the_email(client, db):
    UserFactory(email="someone@example.org")
    response = _sign_in(client, "someone@example.org", "not it")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a correct email address and password" in body
    assert 'value="someone@example.org"' in body
    assert "govuk-error-summary" in body


def test_repeated_failures_lock_the_account_with_a_clear_message(client, db, settings):
    UserFactory(email="someone@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "someone@example.org", "guess").status_code == 200
    locked = _sign_in(client, "someone@example.org", "guess")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    # Even the right password is refused while locked.
    assert _sign_in(client, "someone@example.org", PASSWORD).status_code == 429


def test_sessions_expire_after_inactivity(client, db, settings):
    # The expiry slides without a write on every request: tests/lsmp/test_session_refresh.py.
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and not settings.SESSION_SAVE_EVERY_REQUEST
    UserFactory(email="someone@example.org")
    _sign_in(client, "someone@example.org", PASSWORD)
    assert client.get(reverse("dashboard")).status_code == 200
    session = client.session
    session.set_expiry(-1)  # as if the idle time had passed
    session.save()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def _invite(client, **overrides):
    data = {"full_name": "Nia Newcomer", "email": "nia@example.org", "job_title": "Policy officer",
            "organisation": "", "roles": [], **overrides}
    return client.post(reverse("partnership:invite"), data)


def _link_from_outbox(kind):
    notice = Notification.objects.get(kind=kind)
    return re.search(r"https?://[^\s]+", notice.body_text).group(0)


def test_invitation_sets_a_password_once_through_a_signed_link(client, db):
    sign_in_fully(client, gla_officer())
    assert _invite(client).status_code == 302
    invitee = User.objects.get(email="nia@example.org")
    assert not invitee.has_usable_password()
    link = _link_from_outbox("user.invitation")
    client.logout()

    page = client.get(link)
    assert page.status_code == 200 and "Set your password" in page.content.decode()
    new_password = "a-long-new-password-42"
    response = client.post(link, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    assert _sign_in(client, "nia@example.org", new_password).status_code == 302
    client.logout()
    # The link worked once: the password it set changed the signed value.
    assert client.get(link).status_code == 404


def test_expired_invitation_link_is_refused(client, db, settings):
    sign_in_fully(client, gla_officer())
    _invite(client)
    link = _link_from_outbox("user.invitation")
    settings.INVITATION_MAX_AGE = -1
    client.logout()
    assert client.get(link).status_code == 404


def test_invitation_of_a_borough_officer_needs_a_borough(client, db):
    sign_in_fully(client, gla_officer())
    charity = OrganisationFactory(name="Refugee Action")
    response = _invite(client, organisation=charity.pk, roles=[Role.BOROUGH_OFFICER])
    assert response.status_code == 200
    assert "Choose the borough this borough officer works for." in response.content.decode()
    assert not User.objects.filter(email="nia@example.org").exists()

    camden = BoroughFactory(name="Camden", gss_code="E09000007")
    assert _invite(client, organisation=camden.pk, roles=[Role.BOROUGH_OFFICER]).status_code == 302
    assert User.objects.get(email="nia@example.org").borough == camden


def test_inviting_an_existing_address_is_refused_clearly(client, db):
    sign_in_fully(client, gla_officer())
    UserFactory(email="nia@example.org")
    response = _invite(client, email="NIA@example.org")
    assert "already has an account" in response.content.decode()
    assert User.objects.filter(email__iexact="nia@example.org").count() == 1


def test_password_reset_goes_through_the_outbox(client, db):
    UserFactory(email="someone@example.org")
    response = client.post(reverse("password_reset"), {"email": "someone@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []  # nothing is sent inside the request
    assert notifications_dispatch_due() == 1
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new_password = "another-long-password-7"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert _sign_in(client, "someone@example.org", new_password).status_code == 302


@pytest.mark.parametrize("email", ["nobody@example.org", "not-an-email"])
def test_password_reset_for_unknown_or_bad_address_sends_nothing(client, db, email):
    client.post(reverse("password_reset"), {"email": email})
    assert Notification.objects.count() == 0
