"""The outbox core: rows first, sent once, retried with backoff, nothing sent on rollback."""

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.outbox import (
    MAX_ATTEMPTS,
    notification_enqueue,
    notification_retry,
    notifications_dispatch_due,
)

pytestmark = pytest.mark.django_db


def _enqueue(**overrides):
    fields = dict(kind="test.notice", subject_key="test:1", slot="once", recipient_email="a@example.org",
                  subject="Subject", body_text="Body")
    return notification_enqueue(**{**fields, **overrides})


def test_the_same_key_is_written_once():
    assert _enqueue() is not None
    assert _enqueue() is None
    assert _enqueue(slot="twice") is not None
    assert Notification.objects.count() == 2


def test_due_rows_are_sent_once():
    _enqueue()
    _enqueue(slot="later", send_after=timezone.now() + dt.timedelta(days=1))
    assert notifications_dispatch_due() == 1
    assert notifications_dispatch_due() == 0
    assert [m.subject for m in mail.outbox] == ["Subject"]
    sent = Notification.objects.get(slot="once")
    assert sent.status == NotificationStatus.SENT and sent.sent_at is not None


def test_a_rolled_back_change_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        _enqueue()
        raise RuntimeError("the change failed")
    assert notifications_dispatch_due() == 0
    assert mail.outbox == []


def test_failures_retry_with_backoff_then_fail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.support.mail.AlwaysFailingBackend"}}
    notice = _enqueue()
    now = timezone.now()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        notifications_dispatch_due(now=now)
        notice.refresh_from_db()
        assert notice.attempts == attempt
        assert "refused" in notice.last_error
        if attempt < MAX_ATTEMPTS:
            assert notice.status == NotificationStatus.PENDING
            assert notice.send_after == now + dt.timedelta(minutes=2 ** attempt)
            now = notice.send_after
    assert notice.status == NotificationStatus.FAILED

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    notification_retry(notification=notice)
    assert notifications_dispatch_due() == 1
    notice.refresh_from_db()
    assert notice.status == NotificationStatus.SENT


def test_attachment_and_html_travel_with_the_row():
    _enqueue(body_html="<p>Body</p>", attachment=("meeting.ics", "BEGIN:VCALENDAR", "text/calendar"))
    notifications_dispatch_due()
    message = mail.outbox[0]
    assert message.alternatives[0][0] == "<p>Body</p>"
    assert message.attachments[0][0] == "meeting.ics"
