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
def broker_down():
    app = current_app
    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    _reset_pools(app)
    app.conf.broker_url = CLOSED_PORT_BROKER
    app.conf.broker_transport_options = {"max_retries": 1}
    try:
        yield
    finally:
        _reset_pools(app)
        app.conf.broker_url, app.conf.broker_transport_options = saved
