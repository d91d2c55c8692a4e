"""The transactional outbox (docs/decisions/0001): a change writes Notification rows in its
own transaction; the dispatcher claims due rows and sends them. Nothing here sends at write
time, so a rolled-back change sends nothing and a broker outage loses nothing.

Delivery is at-least-once, with duplicates bounded and detectable:
1. claim: a short transaction takes up to a batch of due rows (on Postgres with
   select_for_update(skip_locked=True); on SQLite writers are serialised by BEGIN IMMEDIATE) and
   stamps them with a claim token and a lease (OUTBOX_CLAIM_LEASE_SECONDS), then commits;
2. send: each row is sent outside any transaction, so no lock is held during SMTP;
3. mark: every OUTBOX_MARK_BATCH_SIZE messages the SMTP server accepted (and before handing
   rows back, and at the end of a batch) one short UPDATE marks them sent, only where our claim
   token still holds them. One commit per message made dispatch 3.9 times slower than Django's
   send_mass_mail (issue 12, docs/decisions/0011).
A dispatcher that dies between 2 and 3 (after the SMTP server accepted messages, before their
mark commits) leaves those rows claimed; when the lease runs out another dispatcher sends them
again. So each such crash can cause ONE extra copy of at most OUTBOX_MARK_BATCH_SIZE messages
(those accepted since the last mark, per dispatcher process); rows are still sent one at a time,
so a message the server refused is never marked sent.
The lease is short (OUTBOX_CLAIM_LEASE_SECONDS), so a dead dispatcher's rows are free again
within one lease; a live dispatcher renews it as it works through a batch (see _Lease), so it
keeps its rows however long the batch takes. A live dispatcher never has a row taken over: it
starts no send once its lease is within OUTBOX_SEND_MARGIN_SECONDS (longer than the SMTP
timeout) of its end, and hands the rest back; and it sends only rows that still carry its
token.
Every copy carries the same Message-ID, derived from the notification key, so mail servers and
clients can drop the duplicate."""

import hashlib
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from partnership.models import Notification, NotificationStatus, User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def notification_enqueue(*, kind: str, subject_key: str, slot: str, subject: str, body_text: str,
                         recipient: User | None = None, recipient_email: str = "",
                         body_html: str = "", send_after: datetime | None = None,
                         attachment: tuple[str, str, str] | None = None,
                         respect_preferences: bool = True, list_unsubscribe: str = "") -> Notification | None:
    """Writes one notice unless the same key exists already; returns the new row or None.

    attachment is (filename, text content, mimetype), for example an .ics file.
    For a recipient user and an optional kind (partnership.notifications.registry.register_kind), the
    person's preferences apply: a kind they switched off writes nothing (None); if they chose a
    daily digest the row is held and sent inside the digest."""
    email = recipient_email or (recipient.email if recipient else "")
    if not email:
        raise ValueError("A notification needs a recipient or an email address.")
    held = False
    if recipient is not None and respect_preferences:
        from partnership.notifications.services.preferences import preference_decision

        decision = preference_decision(user=recipient, kind=kind)
        if decision == "off":
            return None
        held = decision == "digest"
    name, content, mimetype = attachment or ("", "", "")
    try:
        # The savepoint keeps a duplicate from spoiling the caller's transaction.
        with transaction.atomic():
            notification = Notification.objects.create(
                kind=kind, subject_key=subject_key, recipient=recipient, recipient_email=email,
                slot=slot, subject=subject[:250], body_text=body_text, body_html=body_html,
                send_after=send_after or timezone.now(), attachment_name=name,
                attachment_content=content, attachment_mimetype=mimetype, held_for_digest=held,
                list_unsubscribe=list_unsubscribe,
            )
    except IntegrityError:
        return None
    if notification.send_after <= timezone.now() and not held:
        transaction.on_commit(_kick_dispatcher)
    return notification


def _kick_dispatcher() -> None:
    """Asks a worker to send now rather than at the next beat (one kick a second is plenty: a
    single dispatch sends every due row)."""
    global _last_kick
    now = time.monotonic()
    if now - _last_kick < 1:
        return
    _last_kick = now
    _kick("partnership.notifications.tasks.dispatch_due_notifications")


def _kick_send(notification_id: int) -> None:
    _kick("partnership.notifications.tasks.send_notification", notification_id)


def _kick(task_name: str, *args) -> None:
    """Best effort: when the broker is down the row simply waits for the beat, and we stop
    asking for a minute (a refused connection costs a few seconds of retries)."""
    global _kick_paused_until
    if not settings.OUTBOX_KICK_ON_COMMIT or time.monotonic() < _kick_paused_until:
        return
    try:
        # No countdown or eta, ever: the rows carry the time; the task only says "look now".
        # Sent by name, so the outbox does not import the tasks module that imports it.
        current_app.send_task(task_name, args=args, retry=False)
    except Exception:  # noqa: BLE001 - the beat will pick the rows up
        _kick_paused_until = time.monotonic() + 60
        logger.warning("broker unreachable; notifications wait for the next beat")


_kick_paused_until = 0.0
_last_kick = 0.0


def message_id_for(notification: Notification) -> str:
    """The same Message-ID for every copy of one notice: a hash of its unique key."""
    key = "\x1f".join([notification.kind, notification.subject_key, notification.recipient_email,
                       notification.slot])
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    domain = urlsplit(settings.PORTAL_BASE_URL).hostname or "lsmp.invalid"
    return f"<{digest}.lsmp@{domain}>"


def _due(now: datetime):
    """Rows that may be claimed: pending, due by `now`, not held for a digest, no live lease."""
    lease_now = timezone.now()
    return Notification.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=lease_now),
        status=NotificationStatus.PENDING, held_for_digest=False, send_after__lte=now,
    )


def _claim(queryset, limit: int) -> tuple[str, list[Notification]]:
    """Stamps up to `limit` rows of queryset with a fresh claim token; returns them."""
    token = uuid.uuid4().hex
    lease_end = timezone.now() + timedelta(seconds=settings.OUTBOX_CLAIM_LEASE_SECONDS)
    with transaction.atomic():
        candidates = queryset.order_by("send_after", "pk")
        if connection.features.has_select_for_update_skip_locked:
            # Two dispatchers never take the same row: each skips what the other holds.
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        if not ids:
            return token, []
        # The filter is repeated in the UPDATE, so a row claimed meanwhile is not taken twice
        # (on SQLite the IMMEDIATE transaction already serialises this).
        queryset.filter(pk__in=ids).update(claim_token=token, claimed_until=lease_end)
    # Read back by primary key: claim_token has no index, and a filter on it alone read the whole
    # table on every claim (a sequential scan of 100,000 rows, most of the outbox's extra time
    # over send_mass_mail at scale, issue 12). The token is still checked: only rows we hold.
    return token, list(Notification.objects.filter(pk__in=ids, claim_token=token).order_by("send_after", "pk"))


def _as_message(notification: Notification) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=notification.subject, body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL, to=[notification.recipient_email],
        headers={"X-LSMP-Notification": f"{notification.kind}/{notification.pk}",
                 "Message-ID": message_id_for(notification)},
    )
    if notification.list_unsubscribe:
        # One-click unsubscribe (RFC 8058): the mail client POSTs to the signed link.
        message.extra_headers["List-Unsubscribe"] = f"<{notification.list_unsubscribe}>"
        message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    if notification.attachment_name:
        message.attach(notification.attachment_name, notification.attachment_content,
                       notification.attachment_mimetype)
    return message


@dataclass
class _Lease:
    """What one dispatcher holds: its claim token, until when, and which rows still carry it.

    Renewed before a send once the time left falls below halfway between the margin and the
    full lease (one UPDATE per renewal, not per message). A renewal only extends rows that still
    carry the token; a row another dispatcher claimed while this one was stalled past its lease
    has a new token and is dropped from `held`, never sent by both."""

    token: str
    ends_at: datetime
    held: set[int]

    def renew_if_due(self, held_ids) -> None:
        """held_ids() lists the rows to keep; called only when a renewal is due (building it for
        every message cost a list of the whole rest of the batch per send)."""
        length = timedelta(seconds=settings.OUTBOX_CLAIM_LEASE_SECONDS)
        margin = timedelta(seconds=settings.OUTBOX_SEND_MARGIN_SECONDS)
        if self.ends_at - timezone.now() >= margin + (length - margin) / 2:
            return
        ids = held_ids()
        ends_at = timezone.now() + length
        Notification.objects.filter(pk__in=ids, claim_token=self.token, status=NotificationStatus.PENDING).update(
            claimed_until=ends_at)
        self.held = set(Notification.objects.filter(pk__in=ids, claim_token=self.token).values_list("pk", flat=True))
        self.ends_at = ends_at


class _Marks:
    """Rows the SMTP server accepted, not yet marked sent: flushed in one UPDATE."""

    def __init__(self, token: str):
        self.token = token
        self.accepted: list[int] = []
        self.sent = 0

    def add(self, notification: Notification) -> None:
        self.accepted.append(notification.pk)
        if len(self.accepted) >= settings.OUTBOX_MARK_BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.accepted:
            return
        # One UPDATE statement commits on its own (autocommit): no BEGIN and COMMIT round trips
        # around it, which cost as much as the UPDATE on a loaded database server.
        marked = Notification.objects.filter(pk__in=self.accepted, claim_token=self.token).update(
            status=NotificationStatus.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1,
            claim_token="", claimed_until=None, last_error="")
        if marked < len(self.accepted):  # our lease ran out and another dispatcher took rows over
            logger.warning("%s notifications were re-claimed while being sent", len(self.accepted) - marked)
        self.sent += marked
        self.accepted = []


def _send_claimed(mail, token: str, batch: list[Notification], now: datetime) -> tuple[int, bool]:
    """Sends a claimed batch; returns (how many were sent, whether some were handed back)."""
    margin = timedelta(seconds=settings.OUTBOX_SEND_MARGIN_SECONDS)
    lease = _Lease(token=token, ends_at=batch[0].claimed_until, held={n.pk for n in batch})
    marks = _Marks(token)
    for position, notification in enumerate(batch):
        # The rows still to send and those sent but not yet marked: both must stay ours.
        lease.renew_if_due(lambda start=position: [*marks.accepted, *(n.pk for n in batch[start:])])
        if notification.pk not in lease.held:
            logger.warning("notification %s was claimed by another dispatcher after our lease lapsed",
                           notification.pk)
            continue
        # Stop well before our lease ends (a send can take up to the SMTP timeout), so that no
        # other dispatcher takes a row over while we might still be sending it - even on a worker
        # pool that does not enforce Celery's time limits.
        if timezone.now() >= lease.ends_at - margin:
            marks.flush()
            unsent = [n.pk for n in batch[position:]]
            Notification.objects.filter(pk__in=unsent, claim_token=token).update(claim_token="", claimed_until=None)
            logger.warning("lease nearly over: %s notifications left for the next dispatch", len(unsent))
            return marks.sent, True
        try:
            mail.send_messages([_as_message(notification)])
        except Exception as error:  # noqa: BLE001 - any send failure is retried
            _record_failure(notification, token, error, now)
            continue
        # Marked in batches of what the server accepted: a crash repeats at most one batch.
        marks.add(notification)
    marks.flush()
    return marks.sent, False


def notifications_dispatch_due(*, now: datetime | None = None, limit: int | None = None) -> int:
    """Sends every due notice (up to `limit`); returns how many were sent. Safe to run in
    several processes at once. `now` is the time rows must be due by (tests move the clock
    with it); leases always use the real clock."""
    now = now or timezone.now()
    batch_size = settings.OUTBOX_BATCH_SIZE
    remaining = limit if limit is not None else float("inf")
    # No new batch is claimed after the budget, so a task ends well inside Celery's time limit
    # with a slow mail server; the next beat carries on (overlapping runs are safe).
    stop_claiming_at = time.monotonic() + settings.OUTBOX_DISPATCH_BUDGET_SECONDS
    if remaining <= 0 or time.monotonic() >= stop_claiming_at:
        return 0
    token, batch = _claim(_due(now), int(min(batch_size, remaining)))
    if not batch:
        # Nothing due: no connection to the mail server is opened (beat asks every minute).
        return 0
    sent = 0
    with mailers.default as mail:
        while True:
            remaining -= len(batch)
            batch_sent, handed_back = _send_claimed(mail, token, batch, now)
            sent += batch_sent
            if handed_back:  # this run is too slow for its leases: leave the rest to the next
                break
            if remaining <= 0 or time.monotonic() >= stop_claiming_at:
                break
            token, batch = _claim(_due(now), int(min(batch_size, remaining)))
            if not batch:
                break
    return sent


def notification_send_one(*, notification_id: int, now: datetime | None = None) -> bool:
    """Sends one notice if it is still pending and due; True when this call sent it. Idempotent:
    a sent, cancelled or claimed notice is left alone."""
    now = now or timezone.now()
    token, batch = _claim(_due(now).filter(pk=notification_id), 1)
    if not batch:
        return False
    with mailers.default as mail:
        return _send_claimed(mail, token, batch, now)[0] == 1


def _record_failure(notification: Notification, token: str, error: Exception, now: datetime) -> None:
    attempts = notification.attempts + 1
    last_error = f"{type(error).__name__}: {error}"[:2000]
    changes = {"attempts": attempts, "last_error": last_error, "claim_token": "", "claimed_until": None}
    if attempts >= MAX_ATTEMPTS:
        changes["status"] = NotificationStatus.FAILED
    else:
        # Exponential backoff: 2, 4, 8, 16 minutes.
        changes["send_after"] = now + timedelta(minutes=2 ** attempts)
    with transaction.atomic():
        Notification.objects.filter(pk=notification.pk, claim_token=token).update(**changes)
    logger.warning("notification %s failed (attempt %s): %s", notification.pk, attempts, last_error)


def notification_retry(*, notification: Notification) -> bool:
    """Puts a failed notice back in the queue (the delivery log's retry button); True if it was
    failed. The send itself happens in a worker after the commit."""
    requeued = Notification.objects.filter(pk=notification.pk, status=NotificationStatus.FAILED).update(
        status=NotificationStatus.PENDING, attempts=0, send_after=timezone.now(), claim_token="",
        claimed_until=None)
    if requeued:
        transaction.on_commit(lambda: _kick_send(notification.pk))
    return bool(requeued)


def notifications_cancel_pending(*, subject_key: str, kinds: list[str] | tuple[str, ...],
                                 reason: str) -> int:
    """Cancels notices not sent yet (a reminder for a meeting time that no longer holds).
    A row a dispatcher has claimed this very moment may still go out: it was correct when
    claimed."""
    return Notification.objects.filter(
        subject_key=subject_key, kind__in=kinds, status=NotificationStatus.PENDING,
    ).update(status=NotificationStatus.CANCELLED, last_error=reason[:2000])
