from kombu import Connection

from .celery import app


def broker_is_reachable(timeout_seconds: float = 2.0) -> bool:
    """True when the Celery broker accepts a connection within the timeout."""
    try:
        with Connection(app.conf.broker_url, transport_options=app.conf.broker_transport_options,
                        connect_timeout=timeout_seconds) as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout_seconds)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False
