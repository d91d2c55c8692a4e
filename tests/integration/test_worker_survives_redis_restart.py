"""The worker survives its broker: Redis stops while a dispatch is in the middle of sending and
comes back empty; the same worker process (prefork, as in production, acks_late) reconnects,
every notice is sent once, and a notice queued after the restart goes out.

Celery 5.7.0 died here with `Unrecoverable error: AttributeError("'NoneType' object has no
attribute 'hostname'")`: on a lost connection it closes the connection it has just collected,
and the Redis channel then tries to requeue the unacknowledged task through a transport that
collect() already detached (see the pin in pyproject.toml)."""

import time
from email.message import Message

import pytest

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.outbox import notification_enqueue
from partnership.notifications.tasks import dispatch_due_notifications
from tests.support.broker import broker_at, reconnect_publisher
from tests.support.mailfiles import read_mail_files
from tests.support.redis_server import redis_server
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SEND_SECONDS = 1.5  # each email takes this long, so the restart falls in the middle of a batch


def _enqueue(prefix: str, count: int) -> list[int]:
    return [
        notification_enqueue(kind="test.redis_restart", subject_key=f"test:{prefix}", slot=str(number),
                             recipient_email=f"{prefix}{number}@example.org", subject=f"{prefix} {number}",
                             body_text="Sent by a worker that lived through a Redis restart.").pk
        for number in range(count)
    ]


def _all_sent(ids) -> bool:
    return Notification.objects.filter(pk__in=ids, status=NotificationStatus.SENT).count() == len(ids)


def _notification_header(message: Message) -> str:
    return message["X-LSMP-Notification"]


def test_the_worker_reconnects_after_redis_restarts_and_sends_every_notice_once(tmp_path):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    redis_dir = tmp_path / "redis"
    redis_dir.mkdir()
    with redis_server(redis_dir) as redis, broker_at(redis.url):
        before = _enqueue("before", 4)
        slow_mail = f"backend://tests.support.slow_mail.EmailBackend?file_path={mail_dir}&delay={SEND_SECONDS}"
        with celery_worker(mail_dir, extra_env={"CELERY_BROKER_URL": redis.url, "EMAIL_URL": slow_mail},
                           pool_args=("--pool=prefork", "--concurrency=2")) as worker:
            dispatch_due_notifications.delay()
            # The first email is being sent: the task is running and not yet acknowledged.
            assert wait_for(lambda: list(mail_dir.glob("sending-*")), timeout=60), worker.output_so_far()[-3000:]

            redis.stop()
            time.sleep(1)
            redis.start()
            restarted_at = time.monotonic()

            # Queued after the restart: only a reconnected worker can pick this task up.
            after = _enqueue("after", 1)
            reconnect_publisher()
            dispatch_due_notifications.delay()
            sent_after_restart = wait_for(lambda: _all_sent(after), timeout=120, interval=0.1)
            recovery_seconds = time.monotonic() - restarted_at
            everything_sent = wait_for(lambda: _all_sent(before + after), timeout=60)
            alive = worker.poll() is None
            log = worker.output_so_far()

    assert "Unrecoverable error" not in log, log[-4000:]
    assert alive, f"the worker exited (code {worker.returncode}):\n{log[-4000:]}"
    assert sent_after_restart and everything_sent, log[-4000:]
    assert "Connection to broker lost" in log  # the outage really reached the worker
    # Each notice once: one email per row, and each row sent in a single attempt.
    headers = sorted(_notification_header(message) for message in read_mail_files(mail_dir))
    assert headers == sorted(f"test.redis_restart/{pk}" for pk in before + after)
    assert set(Notification.objects.filter(pk__in=before + after).values_list("attempts", flat=True)) == {1}
    print(f"\nRedis restart to the next notice sent: {recovery_seconds:.1f} s")
