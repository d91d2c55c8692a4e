"""The outbox engine: idempotent writes, claim/send/mark, retries, Message-IDs, concurrency."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services import outbox
from partnership.notifications.services.outbox import (
    message_id_for,
    notification_enqueue,
    notification_retry,
    notification_send_one,
    notifications_dispatch_due,
)
from tests.factories.reminders import NotificationFactory
from tests.support.mailfiles import read_mail_files

FAILING = {"default": {"BACKEND": "tests.support.failing_mail.EmailBackend"}}


def _enqueue(**kwargs):
    values = dict(kind="test.notice", subject_key="test:1", slot="once", recipient_email="a@example.org",
                  subject="Hello", body_text="Body")
    return notification_enqueue(**{**values, **kwargs})


@pytest.mark.django_db
@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        _enqueue()
        raise RuntimeError("the change failed")
    assert Notification.objects.count() == 0
    assert notifications_dispatch_due() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_dispatch_sends_due_rows_once_with_a_deterministic_message_id():
    due = _enqueue(body_html="<p>Body</p>", attachment=("m.ics", "BEGIN:VCALENDAR", "text/calendar"))
    _enqueue(slot="later", send_after=timezone.now() + timedelta(hours=1))
    assert notifications_dispatch_due() == 1
    assert notifications_dispatch_due() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.extra_headers["Message-ID"] == message_id_for(due)
    assert message.message()["Message-ID"] == message_id_for(due)
    assert message.alternatives[0].mimetype == "text/html"
    assert message.attachments[0].filename == "m.ics"
    due.refresh_from_db()
    assert (due.status, due.attempts, due.claim_token, due.claimed_until) == (NotificationStatus.SENT, 1, "", None)


@pytest.mark.django_db
def test_message_id_depends_on_the_key_only():
    first = _enqueue()
    again = Notification(kind=first.kind, subject_key=first.subject_key, recipient_email=first.recipient_email,
                         slot=first.slot, subject="Different subject")
    other = _enqueue(slot="other")
    assert message_id_for(first) == message_id_for(again) != message_id_for(other)
    assert message_id_for(first).startswith("<") and message_id_for(first).endswith(">")


@pytest.mark.django_db
def test_dispatch_as_at_a_later_time_sends_rows_due_by_then():
    later = _enqueue(send_after=timezone.now() + timedelta(days=3))
    assert notifications_dispatch_due() == 0
    assert notifications_dispatch_due(now=timezone.now() + timedelta(days=3, minutes=1)) == 1
    later.refresh_from_db()
    assert later.status == NotificationStatus.SENT


@pytest.mark.django_db
@override_settings(MAILERS=FAILING)
def test_a_failing_send_backs_off_then_is_marked_failed():
    notice = _enqueue()
    now = timezone.now()
    for attempt in range(1, outbox.MAX_ATTEMPTS):
        assert notifications_dispatch_due(now=now) == 0
        notice.refresh_from_db()
        assert notice.status == NotificationStatus.PENDING
        assert notice.attempts == attempt
        assert notice.send_after == now + timedelta(minutes=2 ** attempt)
        assert "SMTP server said no" in notice.last_error
        # Not due again before the backoff has passed.
        assert notifications_dispatch_due(now=notice.send_after - timedelta(seconds=1)) == 0
        now = notice.send_after
    notifications_dispatch_due(now=now)
    notice.refresh_from_db()
    assert notice.status == NotificationStatus.FAILED
    assert notice.attempts == outbox.MAX_ATTEMPTS
    assert notifications_dispatch_due(now=now + timedelta(days=1)) == 0


@pytest.mark.django_db(transaction=True)
def test_retry_requeues_only_a_failed_notice():
    failed = NotificationFactory(status=NotificationStatus.FAILED, attempts=5, last_error="boom")
    sent = NotificationFactory(status=NotificationStatus.SENT, sent_at=timezone.now(), attempts=1)
    assert notification_retry(notification=failed) is True
    assert notification_retry(notification=sent) is False
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (NotificationStatus.PENDING, 0)
    assert notification_send_one(notification_id=failed.pk) is True
    assert notification_send_one(notification_id=failed.pk) is False  # idempotent
    assert notification_send_one(notification_id=sent.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_row_under_a_live_lease_is_not_taken_but_an_expired_one_is():
    notice = _enqueue()
    leased_until = timezone.now() + timedelta(minutes=5)
    Notification.objects.filter(pk=notice.pk).update(claim_token="other", claimed_until=leased_until)
    assert notifications_dispatch_due() == 0
    Notification.objects.filter(pk=notice.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert notifications_dispatch_due() == 1


@pytest.mark.django_db
def test_held_and_cancelled_rows_are_not_dispatched():
    NotificationFactory(held_for_digest=True)
    NotificationFactory(status=NotificationStatus.CANCELLED)
    assert notifications_dispatch_due() == 0


@pytest.mark.django_db
def test_the_key_and_statuses_are_enforced_by_the_database():
    from django.db import IntegrityError

    NotificationFactory(subject_key="k", slot="s", recipient_email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory(subject_key="k", slot="s", recipient_email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory(status="lost")
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory(status=NotificationStatus.SENT, sent_at=None)


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_at_once_send_each_key_exactly_once(tmp_path):
    """Two threads, each with its own database connection, dispatch the same 60 due rows in
    small batches with a slow backend, so their claims interleave."""
    for n in range(60):
        _enqueue(slot=f"slot-{n}")
    slow = {"default": {"BACKEND": "tests.support.slow_mail.EmailBackend",
                        "OPTIONS": {"file_path": str(tmp_path), "delay": "0.01"}}}
    counts, errors = [], []
    barrier = threading.Barrier(2)

    def dispatcher():
        try:
            barrier.wait()
            counts.append(notifications_dispatch_due())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    with override_settings(MAILERS=slow, OUTBOX_BATCH_SIZE=5):
        threads = [threading.Thread(target=dispatcher) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert not errors, errors
    assert sum(counts) == 60
    assert all(count > 0 for count in counts), f"one dispatcher did all the work: {counts}"
    ids = [message["Message-ID"] for message in read_mail_files(tmp_path)]
    assert len(ids) == 60 and len(set(ids)) == 60
    assert Notification.objects.filter(status=NotificationStatus.SENT).count() == 60


@pytest.mark.django_db
@override_settings(OUTBOX_BATCH_SIZE=2, OUTBOX_DISPATCH_BUDGET_SECONDS=0)
def test_a_dispatch_stops_claiming_after_its_time_budget_and_the_next_one_carries_on():
    for n in range(3):
        _enqueue(slot=f"slot-{n}")
    assert notifications_dispatch_due() == 0
    with override_settings(OUTBOX_DISPATCH_BUDGET_SECONDS=60):
        assert notifications_dispatch_due() == 3


@pytest.mark.django_db(transaction=True)
def test_retry_asks_a_worker_to_send_that_one_notice_by_id(monkeypatch):
    from lsmp.celery import app
    from partnership.notifications import tasks

    asked = []
    monkeypatch.setattr(app, "send_task", lambda name, args=(), **kwargs: asked.append((name, args, kwargs)))
    failed = NotificationFactory(status=NotificationStatus.FAILED, attempts=5)
    with override_settings(OUTBOX_KICK_ON_COMMIT=True):
        outbox._kick_paused_until = 0.0
        notification_retry(notification=failed)
    assert asked == [("partnership.notifications.tasks.send_notification", (failed.pk,), {"retry": False})]
    # The task itself is idempotent: run twice, it sends once.
    assert tasks.send_notification(failed.pk) is True
    assert tasks.send_notification(failed.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_dispatcher_hands_back_what_it_cannot_send_before_its_lease_ends():
    for n in range(3):
        _enqueue(slot=f"slot-{n}")
    # A lease shorter than the safety margin: nothing may be sent, everything is handed back.
    with override_settings(OUTBOX_CLAIM_LEASE_SECONDS=30, OUTBOX_SEND_MARGIN_SECONDS=60):
        assert notifications_dispatch_due() == 0
    assert not Notification.objects.exclude(claim_token="").exists()
    assert notifications_dispatch_due() == 3


def test_no_task_is_ever_scheduled_ahead_with_countdown_or_eta():
    """The rows carry the time; tasks are only ever asked to "look now" (the broker's visibility
    timeout would redeliver a task scheduled further ahead)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    folders = ("partnership", "taskgroups", "resettlement", "esol", "funding", "lsmp")
    # A new app (a folder with an apps.py) must be added here, not silently left out.
    assert {path.parent.name for path in root.glob("*/apps.py")} <= set(folders)
    # A keyword argument (countdown=...) or an options key ("eta": ...), not a word in a comment.
    scheduled_ahead = re.compile(r"""\b(countdown|eta)\s*=|["'](countdown|eta)["']\s*:""")
    offenders = [str(path.relative_to(root)) for folder in folders for path in (root / folder).rglob("*.py")
                 if scheduled_ahead.search(path.read_text())]
    assert offenders == []


@pytest.mark.django_db
def test_one_broken_planner_does_not_stop_the_others(monkeypatch, caplog):
    from partnership.notifications import registry as reminders
    from partnership.notifications import tasks

    calls = []

    def broken(now):
        raise RuntimeError("planner bug")

    def working(now):
        calls.append(now)
        return 2

    monkeypatch.setattr(reminders, "_planners", [broken, working])
    assert tasks.plan_reminders(now="2026-12-01T09:00:00+00:00") == 2
    assert len(calls) == 1 and calls[0].isoformat() == "2026-12-01T09:00:00+00:00"
    assert "planner bug" in caplog.text


@pytest.mark.django_db
def test_a_dispatch_with_nothing_due_opens_no_mail_connection(tmp_path):
    # The file backend makes a file when a connection opens, so an empty folder means none did.
    files = {"default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                         "OPTIONS": {"file_path": str(tmp_path)}}}
    with override_settings(MAILERS=files):
        assert notifications_dispatch_due() == 0
        assert list(tmp_path.iterdir()) == []
        _enqueue()
        assert notifications_dispatch_due() == 1
    assert len(read_mail_files(tmp_path)) == 1


@pytest.mark.django_db
def test_a_dispatch_with_no_budget_of_rows_sends_nothing():
    _enqueue()
    assert notifications_dispatch_due(limit=0) == 0
    assert Notification.objects.get().status == NotificationStatus.PENDING


@pytest.mark.django_db
def test_accepted_messages_are_marked_in_batches_and_a_crash_repeats_at_most_one_batch():
    """Issue 12: one commit per message made dispatch 3.9x send_mass_mail. Accepted messages are
    marked in batches of OUTBOX_MARK_BATCH_SIZE; a dispatcher that dies before a batch's mark
    commits leaves those rows claimed, and they are sent again after the lease: at most one
    batch of duplicates, each with the same Message-ID."""
    from collections import Counter

    from tests.support import crashing_mail

    for n in range(7):
        _enqueue(slot=f"slot-{n}", recipient_email=f"r{n}@example.org")
    crashing_mail.reset(crash_at=6)  # messages 1-5 are accepted, the 6th send kills the dispatcher
    with override_settings(OUTBOX_MARK_BATCH_SIZE=2,
                           MAILERS={"default": {"BACKEND": "tests.support.crashing_mail.EmailBackend"}}):
        with pytest.raises(crashing_mail.Crash):
            notifications_dispatch_due()
    # Two batches of two were marked; the fifth was accepted but its batch never committed.
    assert Notification.objects.filter(status=NotificationStatus.SENT).count() == 4
    assert len(mail.outbox) == 5
    # After the lease, another dispatcher sends what the dead one still held.
    Notification.objects.exclude(claim_token="").update(claimed_until=timezone.now() - timedelta(seconds=1))
    crashing_mail.reset()
    assert notifications_dispatch_due() == 3
    copies = Counter(message.extra_headers["Message-ID"] for message in mail.outbox)
    assert len(copies) == 7 and sum(copies.values()) == 8  # one duplicate: less than a batch of 2
    assert Notification.objects.filter(status=NotificationStatus.SENT, attempts=1).count() == 7


@pytest.mark.django_db
def test_each_batch_is_marked_in_one_update(django_assert_max_num_queries):
    for n in range(20):
        _enqueue(slot=f"slot-{n}", recipient_email=f"r{n}@example.org")
    # Claim (select, update, read back), then one UPDATE per 50 accepted: not one per message.
    with django_assert_max_num_queries(12):
        assert notifications_dispatch_due() == 20
