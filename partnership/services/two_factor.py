"""Writes for two-factor authentication: confirming an authenticator app, issuing recovery
codes, checking the second step's code, and a reset by another GLA officer.

The authenticator app is django-otp's TOTPDevice (RFC 6238: 6 digits, 30 seconds, SHA-1, the
defaults every authenticator app reads from the QR code)."""

import base64
import io
import math
import secrets
from binascii import unhexlify
from dataclasses import dataclass

import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_otp import verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from partnership.models import RecoveryCode, RecoveryCodeDevice, TwoFactorReset, User
from partnership.models.two_factor import recovery_code_digests
from partnership.notifications.services.outbox import notification_enqueue

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
# No 0/o, 1/l/i: a code is read off paper and typed.
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_GROUPS = 3
RECOVERY_CODE_GROUP_LENGTH = 4
KIND_RESET = "user.two_factor_reset"


def authenticator_key_new() -> str:
    """A new secret for an authenticator app: 20 random bytes, hex as django-otp stores it."""
    return random_hex(20)


def authenticator_key_typed(key: str) -> str:
    """The secret as a person types it into an app: base32, in groups of four."""
    text = base64.b32encode(unhexlify(key)).decode("ascii").rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def authenticator_config_url(*, user: User, key: str) -> str:
    """The otpauth:// address a QR code carries (the device is not saved)."""
    return TOTPDevice(user=user, key=key, name=AUTHENTICATOR_NAME).config_url


def authenticator_qr_svg(*, user: User, key: str) -> bytes:
    """The set-up QR code as SVG: black on white whatever the page's colours, with a quiet zone
    of four modules as scanners expect, and a title for assistive technology."""
    qr = segno.make(authenticator_config_url(user=user, key=key), error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=5, border=4, dark="#0b0c0c", light="#ffffff", xmldecl=False,
            title="QR code for your authenticator app")
    return buffer.getvalue()


def normalise_code(text: str) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def authenticator_confirm(*, user: User, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Adds the authenticator app whose first code is `code`, replacing any earlier app, and
    issues a fresh set of recovery codes (returned in clear, to be shown once)."""
    totp = TOTP(unhexlify(key))
    digits = normalise_code(code)
    if len(digits) != 6 or not totp.verify(int(digits), tolerance=1):
        raise ValidationError({"code": "The code is not right. Enter the 6-digit code your authenticator app "
                                       "shows now (a new one comes every 30 seconds)."})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        # The code just typed is used up: last_t (the step it matched) stops it being accepted
        # again at sign-in. No drift is kept: a code typed as it ran out says the person was slow,
        # not that their phone's clock is behind (a drift of -1 then refused a phone 30 s ahead).
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, key=key, confirmed=True,
                                           drift=0, last_t=totp.t())
        codes = recovery_codes_issue(user=user)
    return device, codes


def _recovery_code_new() -> str:
    groups = ("".join(secrets.choice(RECOVERY_CODE_ALPHABET) for _ in range(RECOVERY_CODE_GROUP_LENGTH))
              for _ in range(RECOVERY_CODE_GROUPS))
    return "-".join(groups)


def recovery_codes_issue(*, user: User) -> list[str]:
    """A new set of single-use recovery codes, replacing any earlier set. Only their digests are
    kept: the codes themselves are returned once, for the person to save."""
    count = settings.TWO_FACTOR_RECOVERY_CODE_COUNT
    codes: list[str] = []
    while len(codes) < count:
        code = _recovery_code_new()
        if code not in codes:
            codes.append(code)
    with transaction.atomic():
        device, _ = RecoveryCodeDevice.objects.select_for_update().get_or_create(
            user=user, defaults={"name": RECOVERY_CODES_NAME, "confirmed": True})
        device.codes.all().delete()
        device.throttle_reset(commit=False)
        device.save()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(device=device, digest=recovery_code_digests(user.pk, code)[0]) for code in codes)
    return codes


@dataclass(frozen=True)
class SecondStep:
    """The outcome of a code typed at sign-in: the device that accepted it; or, when the code was
    not even checked because of earlier wrong codes (django-otp doubles the wait after each
    one), how long to wait."""

    device: object | None
    wait_seconds: int = 0

    @property
    def throttled(self) -> bool:
        return self.wait_seconds > 0


def _wait_seconds(device) -> int:
    allowed, detail = device.verify_is_allowed()
    if allowed or not detail or not detail.get("locked_until"):
        return 0
    return max(1, math.ceil((detail["locked_until"] - timezone.now()).total_seconds()))


def second_step_verify(*, user: User, device, code: str) -> SecondStep:
    """Checks a code from the authenticator app or a recovery code against that one device
    (django-otp's verify_token: the device row is locked, the code used up, failures counted)."""
    device.refresh_from_db()
    wait = _wait_seconds(device)
    if wait:
        return SecondStep(device=None, wait_seconds=wait)
    token = normalise_code(code) if isinstance(device, TOTPDevice) else code
    return SecondStep(device=verify_token(user, device.persistent_id, token))


def two_factor_reset(*, user: User, by: User, reason: str) -> TwoFactorReset:
    """Removes a person's authenticator app and recovery codes so they set up again at their
    next sign-in; records who did it, and tells the person by email."""
    if by.pk == user.pk:
        raise ValidationError("You cannot reset your own two-factor authentication. Ask another GLA officer.")
    if not by.is_gla_officer:
        raise ValidationError("Only a GLA officer can reset two-factor authentication.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why you are resetting it and how you confirmed who asked"})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCodeDevice.objects.filter(user=user).delete()
        reset = TwoFactorReset.objects.create(user=user, reset_by=by, reason=reason[:500], reset_at=timezone.now())
        notification_enqueue(
            kind=KIND_RESET, subject_key=f"partnership.user:{user.pk}", recipient=user,
            slot=reset.reset_at.isoformat(), respect_preferences=False,
            subject="Your two-factor authentication for the LSMP portal was reset",
            body_text=render_to_string("partnership/two_factor/email/reset.txt", {
                "person": user, "reset": reset, "portal": settings.PORTAL_BASE_URL}),
        )
    return reset
