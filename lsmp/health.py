"""Whether the services the portal needs answer: the database and the Celery broker."""

from django.conf import settings
from django.db import connection
from kombu import Connection


def database_is_reachable() -> bool:
    """True when the default database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


def broker_is_reachable(timeout_seconds: float = 2.0) -> bool:
    """True when the Celery broker named in the settings accepts a connection in time."""
    try:
        with Connection(settings.CELERY_BROKER_URL, transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
                        connect_timeout=timeout_seconds) as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout_seconds)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False
