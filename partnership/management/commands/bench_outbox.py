"""`manage.py bench_outbox`: the benchmark lives with the outbox it measures."""

from partnership.notifications.bench import Command  # noqa: F401
