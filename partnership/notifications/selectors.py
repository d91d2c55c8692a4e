"""Reads of the delivery log, through the reader's scope (GLA officers only: it holds every
recipient's email), and of the public's follow subscriptions."""

from django.db.models import Count, Q

from partnership.models import Notification, Subscription


def delivery_log(user):
    """Every email the outbox holds, newest first, without the bodies and attachments."""
    return Notification.objects.for_log(user)


def subscriptions_of_email(email: str):
    return Subscription.objects.filter(email=email).select_related("body").order_by("topic", "body__name", "pk")


def subscription_counts() -> list[dict]:
    """For GLA officers: how many follow each thing, confirmed and waiting; never the addresses."""
    return list(Subscription.objects.values("topic", "body__name").annotate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        waiting=Count("pk", filter=Q(confirmed_at__isnull=True))).order_by("topic", "body__name"))
