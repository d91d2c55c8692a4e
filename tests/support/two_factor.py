"""Passing the second sign-in step in tests. GLA officers and superusers need a code after
their password (TwoFactorRequiredMiddleware); tests that are about something else sign in
through these helpers, and tests/partnership/test_two_factor*.py test the step itself."""

import time
from binascii import unhexlify

from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.selectors.two_factor import two_factor_required

ACCOUNT_BACKEND = "partnership.auth_backends.AccountBackend"


def authenticator_for(user) -> TOTPDevice:
    """The person's authenticator app (a confirmed TOTP device), added if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)


def code_now(device: TOTPDevice) -> str:
    """The code the person's app shows now. The device forgets the last code it accepted, as if
    a new 30-second step had begun, so a test may sign the same person in twice in a row."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0,
                                                    throttling_failure_timestamp=None)
    return code_at(device.key, time.time())


def code_at(key: str, when: float) -> str:
    totp = TOTP(unhexlify(key))
    totp.time = when
    return f"{totp.token():06d}"


def pass_second_factor(client: Client, user) -> Client:
    """Marks the client's session as verified by the person's authenticator app, as the second
    step does on success (django-otp keeps the device's id in the session)."""
    if user is not None and two_factor_required(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator_for(user).persistent_id
        session.save()
    return client


def sign_in_fully(client: Client, user) -> Client:
    """force_login plus, for those who need it, the second step: the client can open every page
    the person may open."""
    client.force_login(user, backend=ACCOUNT_BACKEND)
    return pass_second_factor(client, user)


def session_cookie(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value
