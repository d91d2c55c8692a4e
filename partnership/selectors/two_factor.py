"""Reads for two-factor authentication: who needs it, whether a session has passed it, and
what a person has set up (for their own page and for the officer who may reset it)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.models import RecoveryCodeDevice, TwoFactorReset, User

# A reset page lists this many of the person's latest resets.
RESET_HISTORY_SHOWN = 10


def two_factor_required(user) -> bool:
    """GLA officers and superusers see personal data and Part 2 papers: they need a second step."""
    return bool(user.is_authenticated and user.is_gla_officer)


def second_step_pending(user) -> bool:
    """Signed in with the password but not yet with a code (django-otp's OTPMiddleware tells)."""
    if not two_factor_required(user):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


def confirmed_authenticator(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def recovery_code_device(user) -> RecoveryCodeDevice | None:
    return RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()


@dataclass(frozen=True)
class TwoFactorSummary:
    authenticator_added: datetime | None
    authenticator_last_used: datetime | None
    recovery_codes_left: int
    last_reset: TwoFactorReset | None

    @property
    def is_set_up(self) -> bool:
        return self.authenticator_added is not None


def two_factor_summary(user: User) -> TwoFactorSummary:
    authenticator = confirmed_authenticator(user)
    codes = (RecoveryCodeDevice.objects.filter(user=user)
             .annotate(left=Count("codes", filter=Q(codes__used_at__isnull=True))).first())
    return TwoFactorSummary(
        authenticator_added=authenticator.created_at if authenticator else None,
        authenticator_last_used=authenticator.last_used_at if authenticator else None,
        recovery_codes_left=codes.left if codes else 0,
        last_reset=TwoFactorReset.objects.filter(user=user).select_related("reset_by").first(),
    )


def recent_resets(user: User) -> list[TwoFactorReset]:
    return list(TwoFactorReset.objects.filter(user=user).select_related("reset_by")[:RESET_HISTORY_SHOWN])


def people_for_reset():
    """People whose two-factor authentication an officer may open to reset (the rule
    partnership.reset_two_factor then decides for the one person)."""
    return User.objects.select_related("organisation").prefetch_related("groups")
