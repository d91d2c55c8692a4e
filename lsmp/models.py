"""Site-wide rows that belong to no app: the worker heartbeat."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """When a Celery worker last ran the heartbeat task that beat schedules.

    A database row, not a cache key: the default cache is local memory, private to each process,
    so the web could never see what the worker wrote; and one row written by a task proves the
    whole chain /health/ cares about (beat schedules, the broker carries, a worker runs, the
    database takes the write). One row per name; `worker` says which node wrote it last."""

    name = models.CharField(max_length=50, unique=True)
    worker = models.CharField(max_length=200, blank=True)
    seen_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name}: {self.worker} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
