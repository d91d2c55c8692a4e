"""Resilience: with the broker and the cache unreachable, 1,000 people send the form and 1,000
enquiries are saved; when a worker runs against the real broker, all 1,000 acknowledgements go.

The real Redis is shared with other test runs, so it is never stopped: the Celery app and the
cache are pointed at a closed port for the sending part instead. With the cache down the rate
limit fails open (partnership/rate_limit.py), so the default limit stands: it cannot count."""

import os
import re
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import cache
from kombu import pools as kombu_pools
from redis.exceptions import ConnectionError as RedisConnectionError

from lsmp.celery import app as celery_app
from partnership.enquiries.services import ACKNOWLEDGEMENT
from partnership.models import Enquiry, Notification, NotificationStatus
from partnership.notifications.services import outbox
from partnership.notifications.tasks import dispatch_due_notifications
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
HOW_MANY = 1000
CLOSED_PORT_BROKER = "redis://127.0.0.1:9/0"  # port 9 (discard): nothing listens there
# Production's cache is Redis too (CACHE_URL): the same closed port, and a short connect timeout
# so that a firewall dropping packets would cost 0.05 s a request, not the default wait.
UNREACHABLE_CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                  "LOCATION": "redis://127.0.0.1:9/1",
                                  "OPTIONS": {"socket_connect_timeout": 0.05}}}


def _point_celery_at(url: str) -> None:
    celery_app.conf.broker_url = url
    celery_app.conf.broker_transport_options = (
        settings.CELERY_BROKER_TRANSPORT_OPTIONS if url == settings.CELERY_BROKER_URL else {})
    # Close and forget every pooled connection to the previous broker (kombu keeps global
    # pools keyed by connection; reset() closes them and empties the registries).
    kombu_pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    assert celery_app.conf.broker_url == url


@contextmanager
def broker_unreachable():
    # Celery reads CELERY_BROKER_URL from the environment before its own configuration.
    saved = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = CLOSED_PORT_BROKER
    _point_celery_at(CLOSED_PORT_BROKER)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved
        _point_celery_at(settings.CELERY_BROKER_URL)


def test_a_thousand_enquiries_survive_a_broker_and_cache_outage(client, settings, tmp_path, monkeypatch, caplog):
    settings.CACHES = UNREACHABLE_CACHES
    assert settings.ENQUIRY_RATE_LIMIT < HOW_MANY  # the limit is not raised: it fails open
    with pytest.raises(RedisConnectionError):
        cache.get("anything")
    # The commit hook really tries the (dead) broker, as in production.
    settings.OUTBOX_KICK_ON_COMMIT = True
    monkeypatch.setattr(outbox, "_kick_paused_until", 0.0)
    monkeypatch.setattr(outbox, "_last_kick", 0.0)
    kicks = []
    real_kick = outbox._kick_dispatcher
    monkeypatch.setattr(outbox, "_kick_dispatcher", lambda: kicks.append(1) or real_kick())

    with broker_unreachable():
        for i in range(HOW_MANY):
            response = client.post("/contact/", {
                "kind": "offer" if i % 3 == 0 else "question", "name": f"Sender {i}", "email": f"sender{i}@example.com",
                "message": "We would like to help.", "consent": "on",
                "offer_types": ["volunteering"], "offer_where": "Lewisham"})
            assert response.status_code == 302, (i, response.status_code)
            # "Send message" on the check-your-answers page.
            response = client.post("/contact/check/")
            assert response.status_code == 302 and response["Location"] == "/contact/sent/", (i, response.status_code)
        assert kicks, "the outbox never tried the broker"
        assert outbox._kick_paused_until > 0, "the broker was not found down"
    not_limited = [r for r in caplog.records if r.getMessage() == "rate-limit cache unreachable; not limiting"]
    # Asked twice per message: on the form's post and on the check page's "Send message".
    assert len(not_limited) == 2 * HOW_MANY, "the rate limit did not find the cache down on every post"

    assert Enquiry.objects.count() == HOW_MANY
    assert len(set(Enquiry.objects.values_list("reference", flat=True))) == HOW_MANY
    pending = Notification.objects.filter(kind=ACKNOWLEDGEMENT, status=NotificationStatus.PENDING)
    assert pending.count() == HOW_MANY

    # The broker is back and a worker runs: every acknowledgement goes.
    with celery_worker(tmp_path) as worker:
        def all_sent():
            remaining = pending.count()
            if remaining:
                dispatch_due_notifications.delay()  # what the beat does every minute
            return remaining == 0

        done = wait_for(all_sent, timeout=240, interval=3)
    assert done, f"{pending.count()} not sent; worker said:\n{worker.worker_output[-3000:]}"
    assert Notification.objects.filter(kind=ACKNOWLEDGEMENT, status=NotificationStatus.SENT).count() == HOW_MANY
    mail = "".join(path.read_text() for path in tmp_path.glob("*.log"))
    subjects = re.findall(r"^Subject: We have your message: reference (ENQ-\d{4}-\d{5})$", mail, re.MULTILINE)
    assert len(subjects) == HOW_MANY and len(set(subjects)) == HOW_MANY
