"""Reads of the delivery log, through the reader's scope (GLA officers only: it holds every
recipient's email)."""

from partnership.models import Notification


def delivery_log(user):
    """Every email the outbox holds, newest first, without the bodies and attachments."""
    return Notification.objects.for_log(user)
