"""A worker killed in the middle of a batch: with the outbox's short lease (renewed only while
its dispatcher lives) another worker sends the dead one's claimed rows within about one lease,
not the ten minutes the old fixed lease made them wait. Measures and prints the wait."""

import os
import signal
import time
from collections import Counter

import pytest
from django.conf import settings

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.outbox import notification_enqueue
from partnership.notifications.tasks import dispatch_due_notifications
from tests.support.mailfiles import read_mail_files
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_killed_workers_claimed_rows_are_sent_by_another_within_about_one_lease(tmp_path):
    lease = settings.OUTBOX_CLAIM_LEASE_SECONDS  # the production default, not a test value
    notices = [notification_enqueue(kind="test.recovery", subject_key=f"test:{n}", slot="once",
                                    recipient_email=f"r{n}@example.org", subject=f"Notice {n}", body_text=".")
               for n in range(3)]
    # The first send hangs (the message has not left), so the batch stays claimed when it dies.
    hanging = f"backend://tests.support.slow_mail.EmailBackend?file_path={tmp_path}&delay=600"
    with celery_worker(tmp_path, extra_env={"EMAIL_URL": hanging}) as doomed:
        dispatch_due_notifications.delay()
        assert wait_for(lambda: list(tmp_path.glob("sending-*")), timeout=90), doomed.output_so_far()[-3000:]
        os.kill(doomed.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        doomed.wait(timeout=30)
    assert Notification.objects.exclude(claim_token="").count() == 3  # the dead worker holds all three

    def all_sent():
        # Beat asks every NOTIFICATION_DISPATCH_EVERY_SECONDS; here every second, so that the
        # figure is the lease's share of the wait.
        dispatch_due_notifications.delay()
        return Notification.objects.filter(status=NotificationStatus.SENT).count() == 3

    with celery_worker(tmp_path) as healthy:
        sent = wait_for(all_sent, timeout=lease + 90, interval=1)
        waited = time.monotonic() - killed_at
        log = healthy.output_so_far()
    assert sent, log[-3000:]
    assert waited <= lease + 20, f"the rows waited {waited:.0f} s for a {lease} s lease"
    copies = Counter(message["Message-ID"] for message in read_mail_files(tmp_path))
    assert len(copies) == 3 and set(copies.values()) == {1}, copies  # none lost, none twice
    assert {n.pk for n in notices} == set(Notification.objects.filter(attempts=1).values_list("pk", flat=True))
    print(f"\nkilled worker to its claimed rows sent: {waited:.1f} s (lease {lease} s)")
