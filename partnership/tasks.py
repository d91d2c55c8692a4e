"""Thin Celery tasks: they take ids or nothing and call a service."""

from celery import shared_task
from django.utils import timezone

from .reminders import planners
from .services.outbox import notifications_dispatch_due


@shared_task(acks_late=True)
def dispatch_due_notifications() -> int:
    return notifications_dispatch_due()


@shared_task(acks_late=True)
def plan_reminders() -> int:
    now = timezone.now()
    return sum(planner(now) for planner in planners())


@shared_task(acks_late=True)
def anonymise_expired_enquiries() -> int:
    from .services.enquiries import enquiries_anonymise_expired

    return enquiries_anonymise_expired()
