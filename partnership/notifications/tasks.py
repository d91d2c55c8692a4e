"""Thin Celery tasks: they take ids (or an optional ISO time) and call a service. All are
idempotent and acks_late: running one twice sends nothing twice (the rows say what is sent).
None is ever scheduled ahead with countdown/eta: the beat runs them and the rows carry the time.

`now` (an ISO 8601 string) lets a test or an operator run a task "as at" a time; the beat
passes nothing and the real clock is used."""

import logging

from celery import shared_task
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .registry import planners
from .services.digests import notifications_bundle_digests
from .services.outbox import notification_send_one, notifications_dispatch_due

logger = logging.getLogger(__name__)


def _as_time(now: str | None):
    return parse_datetime(now) if now else timezone.now()


@shared_task(acks_late=True)
def dispatch_due_notifications(now: str | None = None) -> int:
    return notifications_dispatch_due(now=_as_time(now))


@shared_task(acks_late=True)
def send_notification(notification_id: int) -> bool:
    return notification_send_one(notification_id=notification_id)


@shared_task(acks_late=True)
def plan_reminders(now: str | None = None) -> int:
    moment = _as_time(now)
    written = 0
    for planner in planners():
        # One app's broken planner must not stop the others' reminders; each is idempotent,
        # so the next hourly run simply tries it again.
        try:
            written += planner(moment)
        except Exception:  # noqa: BLE001 - logged with its traceback
            logger.exception("reminder planner %s failed", getattr(planner, "__qualname__", planner))
    # Last, so that notices every app's planner just held for a digest go into today's.
    return written + notifications_bundle_digests(now=moment)
