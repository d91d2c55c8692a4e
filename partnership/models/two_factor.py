"""Two-factor authentication beyond the authenticator app itself (django-otp's TOTPDevice):
single-use recovery codes, stored only as keyed digests, and the record of each reset.

Recovery codes are a django-otp device, so the sign-in's second step verifies them the same
way as a code from the app, with django-otp's throttling of wrong guesses."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

RECOVERY_CODE_KEY_SALT = "partnership.recovery-code"


def normalise_recovery_code(text: str) -> str:
    """What a person types, as it was issued: case, spaces and hyphens do not matter."""
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())[:64]


def recovery_code_digests(user_id: int, code: str) -> list[str]:
    """The digest of a code under the current SECRET_KEY and each fallback key, so rotating the
    key does not void issued codes. Keyed (HMAC), so a copy of the database alone cannot test
    guesses; salted with the person, so one code never matches another person's row."""
    value = f"{user_id}:{normalise_recovery_code(code)}"
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [salted_hmac(RECOVERY_CODE_KEY_SALT, value, secret=secret, algorithm="sha256").hexdigest()
            for secret in secrets]


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """The recovery codes of one person (one set each; a new set replaces the old)."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="recovery_code_device_one_per_user")]

    def get_throttle_factor(self):
        return getattr(settings, "OTP_RECOVERY_CODE_THROTTLE_FACTOR", 1)

    def verify_token(self, token):
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        digests = recovery_code_digests(self.user_id, token)
        # One UPDATE marks the code used, so two requests with the same code cannot both pass.
        used = self.codes.filter(digest__in=digests, used_at__isnull=True).update(used_at=timezone.now())
        if used:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
            return True
        self.throttle_increment(commit=True)
        return False

    def unused_count(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["device", "digest"], name="recovery_code_unique_per_device"),
            # A digest, never a code: a code is 14 characters, a SHA-256 digest 64.
            models.CheckConstraint(name="recovery_code_digest_length", condition=Exact(Length("digest"), 64)),
        ]

    def __str__(self):
        return f"Recovery code {self.pk} ({'used' if self.used_at else 'unused'})"


class TwoFactorReset(models.Model):
    """Who reset whose two-factor authentication, when and why. Never by the person themselves:
    a reset lets the next person with the password set up a new authenticator app."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="two_factor_resets")
    reset_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reset_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=500)

    class Meta:
        ordering = ["-reset_at", "-pk"]
        constraints = [
            models.CheckConstraint(name="two_factor_reset_by_someone_else", condition=~Q(reset_by=F("user"))),
            models.CheckConstraint(name="two_factor_reset_has_reason", condition=~Q(reason="")),
        ]
        indexes = [models.Index(fields=["user", "-reset_at"], name="two_factor_reset_user_idx")]

    def __str__(self):
        return f"{self.user} reset by {self.reset_by} on {self.reset_at:%Y-%m-%d}"
