"""Monitoring-return reminders through a REAL Celery worker process and the configured broker
(filesystem by default, Redis in CI's second leg): the hourly planner task writes the rows, the
dispatcher sends them, each exactly once, to the project's reporting contacts. The clock moves by
passing `now` to the tasks."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from esol.reminders import KIND_RETURN_DUE, KIND_RETURN_OVERDUE
from partnership.models import Notification, NotificationStatus
from partnership.notifications.tasks import dispatch_due_notifications, plan_reminders
from tests.factories.esol import GranteeFactory, ProjectFactory, ReturnFactory, grantee_contact
from tests.support.mailfiles import read_mail_files
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _written(kind):
    return Notification.objects.filter(kind=kind).count()


def _sent(kind):
    return Notification.objects.filter(kind=kind, status=NotificationStatus.SENT).count()


def test_due_and_overdue_reminders_reach_each_contact_once_through_the_worker(tmp_path):
    lead = GranteeFactory(name="Learning Unlimited")
    contact = grantee_contact(lead, email="reports@learningunlimited.example.org")
    project = ProjectFactory(lead_organisation=lead, contacts=[contact],
                             title="Photography and creative writing with Fotosynthesis")
    due = timezone.localdate() + dt.timedelta(days=30)
    ReturnFactory(project=project, due_on=due)
    week_before = timezone.make_aware(dt.datetime.combine(due - dt.timedelta(days=7), dt.time(10, 5)))
    day_after = week_before + dt.timedelta(days=8)

    with celery_worker(tmp_path) as worker:
        # Each dispatch waits for its planner's row: the filesystem broker does not keep the order
        # of two tasks sent within the same millisecond, so a dispatch could run before the row exists.
        for moment in (week_before, week_before + dt.timedelta(hours=1)):  # the second run writes nothing
            plan_reminders.delay(now=moment.isoformat())
            wait_for(lambda: _written(KIND_RETURN_DUE) == 1, timeout=90)
            dispatch_due_notifications.delay(now=moment.isoformat())
        due_sent = wait_for(lambda: _sent(KIND_RETURN_DUE) == 1, timeout=90)
        plan_reminders.delay(now=day_after.isoformat())
        wait_for(lambda: _written(KIND_RETURN_OVERDUE) == 1, timeout=90)
        dispatch_due_notifications.delay(now=day_after.isoformat())
        overdue_sent = wait_for(lambda: _sent(KIND_RETURN_OVERDUE) == 1, timeout=90)
    output = getattr(worker, "worker_output", "")[-3000:]
    assert due_sent and overdue_sent, (list(Notification.objects.values_list("kind", "status")), output)

    messages = [m for m in read_mail_files(tmp_path) if m["To"] == contact.email]
    assert Counter(m["Subject"].split(":")[0] for m in messages) == {
        f"Monitoring return due on {due:%-d %B %Y}": 1, f"Monitoring return overdue since {due:%-d %B %Y}": 1}
    assert len({m["Message-ID"] for m in messages}) == 2
    assert Notification.objects.filter(kind__in=[KIND_RETURN_DUE, KIND_RETURN_OVERDUE]).count() == 2
