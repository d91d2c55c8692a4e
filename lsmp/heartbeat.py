"""The worker heartbeat: a beat-scheduled task refreshes one row; /health/ reads its age.

A stale row means emails are not going out: no worker runs, or beat does not schedule, or the
broker does not carry the task. The health check cannot tell which, so it says all three."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from .models import WorkerHeartbeat

HEARTBEAT_NAME = "worker"


def heartbeat_record(*, worker: str, now: datetime | None = None) -> None:
    WorkerHeartbeat.objects.update_or_create(
        name=HEARTBEAT_NAME, defaults={"worker": worker[:200], "seen_at": now or timezone.now()})


def worker_problem(*, now: datetime | None = None) -> str | None:
    """None when a worker was seen recently; otherwise what is wrong, in words."""
    now = now or timezone.now()
    row = WorkerHeartbeat.objects.filter(name=HEARTBEAT_NAME).first()
    limit = settings.WORKER_HEARTBEAT_STALE_AFTER_SECONDS
    if row is None:
        return "no Celery worker has been seen yet: start a worker and beat (emails wait until then)"
    age = (now - row.seen_at).total_seconds()
    if age > limit:
        return (f"no Celery worker seen for {age:.0f} seconds (limit {limit}; last {row.worker or 'unknown'}): "
                "check the worker, beat and the broker (emails wait until then)")
    return None
