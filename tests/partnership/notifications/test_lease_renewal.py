"""The outbox's short lease: a live dispatcher renews it while it works through a batch, so it
keeps every row however long the batch takes and no other dispatcher sends one of them; a row
another dispatcher claimed after our lease lapsed is never sent by us."""

import re
import threading
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import mailers
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services import outbox
from partnership.notifications.services.outbox import notification_enqueue, notifications_dispatch_due
from tests.support.mailfiles import read_mail_files


def _enqueue(count: int) -> list[Notification]:
    return [notification_enqueue(kind="test.lease", subject_key="test:lease", slot=str(n),
                                 recipient_email=f"r{n}@example.org", subject=f"Notice {n}", body_text=".")
            for n in range(count)]


def test_the_default_lease_is_short_and_outlasts_the_margin():
    # A killed worker's rows wait one lease; the margin (twice the SMTP timeout) must fit in it.
    assert settings.OUTBOX_CLAIM_LEASE_SECONDS <= 60
    assert settings.OUTBOX_SEND_MARGIN_SECONDS < settings.OUTBOX_CLAIM_LEASE_SECONDS


@pytest.mark.django_db(transaction=True)
def test_a_live_dispatcher_keeps_its_batch_past_its_first_lease_and_no_one_else_sends_it(tmp_path):
    """Six sends of a second each under a three-second lease: without renewal the dispatcher
    would hand the batch back after one send, and a second dispatcher, trying all the time,
    would send the rest."""
    _enqueue(6)
    slow = {"default": {"BACKEND": "tests.support.slow_mail.EmailBackend",
                        "OPTIONS": {"file_path": str(tmp_path), "delay": "1"}}}
    results, errors = {}, []
    first_done = threading.Event()

    def first():
        try:
            results["first"] = notifications_dispatch_due()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            first_done.set()
            connection.close()

    def second():
        sent = 0
        try:
            while not first_done.is_set():
                sent += notifications_dispatch_due()
                time.sleep(0.2)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            results["second"] = sent
            connection.close()

    with override_settings(MAILERS=slow, OUTBOX_CLAIM_LEASE_SECONDS=3, OUTBOX_SEND_MARGIN_SECONDS=1):
        threads = [threading.Thread(target=first)]
        threads[0].start()
        time.sleep(0.5)  # the first has claimed the batch
        threads.append(threading.Thread(target=second))
        threads[1].start()
        for thread in threads:
            thread.join(timeout=120)
    assert not errors, errors
    assert results == {"first": 6, "second": 0}
    ids = [message["Message-ID"] for message in read_mail_files(tmp_path)]
    assert len(ids) == 6 and len(set(ids)) == 6


@pytest.mark.django_db
def test_a_row_another_dispatcher_claimed_after_our_lease_lapsed_is_not_sent_by_us():
    ours, taken = _enqueue(2)
    token, batch = outbox._claim(outbox._due(timezone.now()), 10)
    assert {n.pk for n in batch} == {ours.pk, taken.pk}
    # We stalled past our lease; meanwhile another dispatcher claimed the second row.
    lapsed = timezone.now() - timedelta(seconds=1)
    Notification.objects.filter(claim_token=token).update(claimed_until=lapsed)
    Notification.objects.filter(pk=taken.pk).update(claim_token="other",
                                                    claimed_until=timezone.now() + timedelta(seconds=30))
    for notification in batch:
        notification.claimed_until = lapsed
    with mailers.default as connection_:
        sent, handed_back = outbox._send_claimed(connection_, token, batch, timezone.now())
    assert (sent, handed_back) == (1, False)
    assert [message.to for message in mail.outbox] == [[ours.recipient_email]]
    taken.refresh_from_db()
    assert (taken.status, taken.claim_token) == (NotificationStatus.PENDING, "other")


@pytest.mark.django_db
def test_the_lease_is_renewed_now_and_then_not_before_every_message(tmp_path):
    """Renewal is one UPDATE of the rows still held, so it must not run per message: six sends
    of half a second under a three-second lease need a few renewals, not six."""
    _enqueue(6)
    slow = {"default": {"BACKEND": "tests.support.slow_mail.EmailBackend",
                        "OPTIONS": {"file_path": str(tmp_path), "delay": "0.5"}}}
    renewal = re.compile(r'^UPDATE .* SET "claimed_until" = [^,]* WHERE')
    with override_settings(MAILERS=slow, OUTBOX_CLAIM_LEASE_SECONDS=3, OUTBOX_SEND_MARGIN_SECONDS=1), \
            CaptureQueriesContext(connection) as queries:
        assert notifications_dispatch_due() == 6
    renewals = [query["sql"] for query in queries.captured_queries if renewal.match(query["sql"])]
    assert 1 <= len(renewals) < 6, renewals
