"""What the sign-in limits count. django-axes records each failed sign-in (email address,
connection, browser); the lock on an email address is axes' own, and the throttle on one
connection across email addresses adds up the same records here."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from partnership.enquiries.rate_limit import client_address

__all__ = ["attempted_email", "client_address", "address_is_throttled", "failures_from_address",
           "cooloff_minutes"]


def attempted_email(request, credentials) -> str | None:
    """The email address an attempt named, as axes records it. Sign-in matches addresses
    exactly, so case and spacing variants of one address share one count and one lock."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = (credentials or {}).get(field)
    if value is None and request is not None:
        value = request.POST.get(field)
    if not value:
        return None
    return str(value).strip().lower()[:255]


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def failures_from_address(address: str) -> int:
    """Failed sign-ins from one connection within the cool-off, whatever the email addresses."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = (AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
             .aggregate(total=Sum("failures_since_start"))["total"])
    return total or 0


def address_is_throttled(request) -> bool:
    return failures_from_address(client_address(request)) >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT
