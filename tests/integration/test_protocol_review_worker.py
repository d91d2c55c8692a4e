"""The protocol-review reminder through a real worker: the beat task runs every registered
planner (taskgroups' among them), the worker writes the outbox row and sends it, once; a later
run after the review date sends the second notice, once."""

import datetime as dt

import pytest
from django.utils import timezone

from partnership.models import Notification, NotificationStatus
from partnership.notifications.tasks import dispatch_due_notifications, plan_reminders
from taskgroups.reminders import KIND
from tests.factories.partnership import gla_officer
from tests.factories.taskgroups import ProtocolFactory
from tests.support.mailfiles import read_mail_files
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _sent(count):
    return lambda: Notification.objects.filter(kind=KIND, status=NotificationStatus.SENT).count() == count


def test_protocol_review_reminder_goes_through_the_worker_once(tmp_path):
    officer = gla_officer(email="lead-officer@example.org")
    review_on = timezone.localdate() + dt.timedelta(days=20)
    protocol = ProtocolFactory(title="Move-on protocol for newly recognised refugees", lead_officer=officer,
                               agreed_on=review_on - dt.timedelta(days=365), review_on=review_on)
    four_weeks_before = timezone.now().isoformat()  # the review date is 20 days away
    after_the_date = (timezone.now() + dt.timedelta(days=22)).isoformat()
    with celery_worker(tmp_path) as worker:
        plan_reminders.delay(now=four_weeks_before)
        plan_reminders.delay(now=four_weeks_before)  # a rerun writes nothing new
        assert wait_for(lambda: Notification.objects.filter(kind=KIND).count() == 1, timeout=90), worker
        dispatch_due_notifications.delay()
        assert wait_for(_sent(1), timeout=90)
        plan_reminders.delay(now=after_the_date)
        assert wait_for(lambda: Notification.objects.filter(kind=KIND).count() == 2, timeout=90)
        dispatch_due_notifications.delay(now=after_the_date)
        delivered = wait_for(_sent(2), timeout=90)
    assert delivered, f"worker said:\n{getattr(worker, 'worker_output', '')[-3000:]}"
    subjects = sorted(str(message["Subject"]).replace("\n", "") for message in read_mail_files(tmp_path)
                      if message["To"] == "lead-officer@example.org")
    assert subjects == [f"{protocol.title} is due for review by {review_on:%-d %B %Y}",
                        f"{protocol.title}: the review date ({review_on:%-d %B %Y}) has passed"]
    assert Notification.objects.filter(kind=KIND).count() == 2
