"""Reads of calendar feed addresses."""

from partnership.models import CalendarFeedToken


def feed_token_of(user):
    """The user's own feed address, or None when they have none (never made, or revoked)."""
    return CalendarFeedToken.objects.filter(user=user).first()


def live_feed_tokens():
    """Addresses that still answer: those of people who may still sign in. The address is the
    key (calendar apps cannot sign in), so a look-up by token is the whole scope."""
    return CalendarFeedToken.objects.select_related("user").filter(user__is_active=True)
