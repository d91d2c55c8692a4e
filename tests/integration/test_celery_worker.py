"""A task sent through the real broker (filesystem on the embedded default, Redis in CI's
second leg) to a real worker process, which sends a queued email: the whole outbox path."""

import pytest

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.outbox import notification_enqueue
from partnership.notifications.tasks import dispatch_due_notifications
from tests.support.mailfiles import read_mail_files
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_worker_sends_queued_notification_through_the_broker(tmp_path):
    notice = notification_enqueue(kind="test.ping", subject_key="test:1", slot="once",
                                  recipient_email="someone@example.org", subject="Hello from the outbox",
                                  body_text="Sent by a real worker.")
    with celery_worker(tmp_path) as worker:
        dispatch_due_notifications.delay()

        def sent():
            notice.refresh_from_db()
            return notice.status == NotificationStatus.SENT

        delivered = wait_for(sent, timeout=90)
    assert delivered, f"the worker did not send the notice; worker said:\n{worker.worker_output[-3000:]}"
    # Other dispatch tasks may run too (the enqueue's own kick); only one may send the notice.
    messages = read_mail_files(tmp_path)
    assert len(messages) == 1
    assert messages[0]["Subject"] == "Hello from the outbox"
    assert messages[0]["To"] == "someone@example.org"
    assert Notification.objects.get().attempts == 1
