"""The demo officer's and admin's authenticator app: a published demo key (DEMO ONLY: anyone
who reads this file can make their codes), so that `make run` can be signed in to at once.
Type the key into any authenticator app, or run `manage.py demo_code` for the current code."""

import base64
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.models import User

# 20 bytes, as base32: what an authenticator app asks for when a QR code cannot be scanned.
DEMO_AUTHENTICATOR_KEY = "LSMPDEMOLSMPDEMOLSMPDEMOLSMPDEMO"
DEMO_AUTHENTICATOR_ACCOUNTS = ("officer@example.org", "admin@example.org")
DEMO_DEVICE_NAME = "Demo authenticator (published demo key)"


def demo_key_hex() -> str:
    return base64.b32decode(DEMO_AUTHENTICATOR_KEY).hex()


def demo_code_now() -> str:
    totp = TOTP(base64.b32decode(DEMO_AUTHENTICATOR_KEY))
    totp.time = time.time()
    return f"{totp.token():06d}"


def seed(*, log) -> None:
    """Each demo account that needs a second step gets exactly one app, with the demo key."""
    key = demo_key_hex()
    for user in User.objects.filter(email__in=DEMO_AUTHENTICATOR_ACCOUNTS):
        TOTPDevice.objects.filter(user=user).exclude(key=key).delete()
        TOTPDevice.objects.get_or_create(user=user, key=key, defaults={"name": DEMO_DEVICE_NAME, "confirmed": True})
    grouped = " ".join(DEMO_AUTHENTICATOR_KEY[i:i + 4] for i in range(0, len(DEMO_AUTHENTICATOR_KEY), 4))
    log(f"  officer@ and admin@ sign in with a code: demo authenticator key {grouped} "
        "(or run manage.py demo_code)")
