"""Points this process's Celery app at a broker nobody listens on, for "Redis is down" tests."""

from contextlib import contextmanager

from celery import current_app

CLOSED_PORT_BROKER = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def _reset_pools(app):
    # Dropped, not closed: kombu keeps producer pools per broker URL, and a closed one would be
    # handed out again when the real broker is restored.
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_at(url: str):
    """Publishing from this process goes to the broker at url (a test's own redis-server)."""
    app = current_app
    saved = (app.conf.broker_write_url, app.conf.broker_transport_options)
    _reset_pools(app)
    app.conf.broker_write_url = url
    app.conf.broker_transport_options = {}
    try:
        yield
    finally:
        _reset_pools(app)
        app.conf.broker_write_url, app.conf.broker_transport_options = saved


def reconnect_publisher():
    """Drops this process's pooled broker connections (after the broker restarted)."""
    _reset_pools(current_app)


@contextmanager
def broker_down():
    """Publishing goes to the closed port (broker_write_url wins over broker_url, which Django
    settings fixed at start-up); one connection attempt, so the test does not wait long."""
    app = current_app
    saved = (app.conf.broker_write_url, app.conf.broker_transport_options)
    _reset_pools(app)
    app.conf.broker_write_url = CLOSED_PORT_BROKER
    app.conf.broker_transport_options = {**saved[1], "max_retries": 1}
    try:
        assert app.connection_for_write().as_uri().endswith("127.0.0.1:9/0")
        yield
    finally:
        _reset_pools(app)
        app.conf.broker_write_url, app.conf.broker_transport_options = saved
