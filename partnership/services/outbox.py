"""The transactional outbox (DESIGN.md section 5): a change writes Notification rows in its
own transaction; the dispatcher claims due rows and sends them. Nothing here sends at write
time, so a rolled-back change sends nothing and a broker outage loses nothing."""

import logging
import time
from datetime import datetime, timedelta

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from partnership.models import Notification, NotificationStatus, User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def notification_enqueue(*, kind: str, subject_key: str, slot: str, subject: str, body_text: str,
                         recipient: User | None = None, recipient_email: str = "",
                         body_html: str = "", send_after: datetime | None = None,
                         attachment: tuple[str, str, str] | None = None) -> Notification | None:
    """Writes one notice unless the same key exists already; returns the new row or None.

    attachment is (filename, text content, mimetype), for example an .ics file."""
    email = recipient_email or (recipient.email if recipient else "")
    if not email:
        raise ValueError("A notification needs a recipient or an email address.")
    name, content, mimetype = attachment or ("", "", "")
    try:
        # The savepoint keeps a duplicate from spoiling the caller's transaction.
        with transaction.atomic():
            notification = Notification.objects.create(
                kind=kind, subject_key=subject_key, recipient=recipient, recipient_email=email,
                slot=slot, subject=subject[:250], body_text=body_text, body_html=body_html,
                send_after=send_after or timezone.now(), attachment_name=name,
                attachment_content=content, attachment_mimetype=mimetype,
            )
    except IntegrityError:
        return None
    if notification.send_after <= timezone.now():
        transaction.on_commit(_kick_dispatcher)
    return notification


def _kick_dispatcher() -> None:
    """Asks a worker to send now rather than at the next beat. Best effort: when the broker is
    down the row simply waits for the beat, and we stop asking for a minute."""
    global _kick_paused_until, _last_kick
    now = time.monotonic()
    # One kick a second is plenty: a single dispatch sends every due row.
    if not settings.OUTBOX_KICK_ON_COMMIT or now < _kick_paused_until or now - _last_kick < 1:
        return
    _last_kick = now
    try:
        # By name, so the outbox does not import the tasks module that imports it.
        current_app.send_task("partnership.tasks.dispatch_due_notifications", retry=False)
    except Exception:  # noqa: BLE001 - the beat will pick the rows up
        _kick_paused_until = time.monotonic() + 60
        logger.warning("broker unreachable; notifications wait for the next beat")


_kick_paused_until = 0.0
_last_kick = 0.0


def _claim_due(now: datetime, limit: int):
    due = Notification.objects.filter(status=NotificationStatus.PENDING, send_after__lte=now)
    due = due.order_by("send_after", "pk")
    if connection.features.has_select_for_update_skip_locked:
        # Two dispatchers never take the same row: each skips what the other holds.
        due = due.select_for_update(skip_locked=True)
    return list(due[:limit])


def _as_message(notification: Notification) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=notification.subject, body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL, to=[notification.recipient_email],
        headers={"X-LSMP-Notification": f"{notification.kind}/{notification.pk}"},
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    if notification.attachment_name:
        message.attach(notification.attachment_name, notification.attachment_content,
                       notification.attachment_mimetype)
    return message


def notifications_dispatch_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """Sends due notices; returns how many were sent. Safe to run concurrently."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        batch = _claim_due(now, limit)
        if not batch:
            return 0
        with mailers.default as mail:
            for notification in batch:
                try:
                    mail.send_messages([_as_message(notification)])
                except Exception as error:  # noqa: BLE001 - any send failure is retried
                    _record_failure(notification, error, now)
                    continue
                notification.status = NotificationStatus.SENT
                notification.sent_at = timezone.now()
                notification.attempts += 1
                notification.save(update_fields=["status", "sent_at", "attempts"])
                sent += 1
    return sent


def _record_failure(notification: Notification, error: Exception, now: datetime) -> None:
    notification.attempts += 1
    notification.last_error = f"{type(error).__name__}: {error}"[:2000]
    if notification.attempts >= MAX_ATTEMPTS:
        notification.status = NotificationStatus.FAILED
    else:
        # Exponential backoff: 2, 4, 8, 16 minutes.
        notification.send_after = now + timedelta(minutes=2 ** notification.attempts)
    notification.save(update_fields=["attempts", "last_error", "status", "send_after"])
    logger.warning("notification %s failed (attempt %s): %s", notification.pk,
                   notification.attempts, notification.last_error)


def notification_retry(*, notification: Notification) -> None:
    """Puts a failed notice back in the queue (the delivery log's retry button)."""
    Notification.objects.filter(pk=notification.pk, status=NotificationStatus.FAILED).update(
        status=NotificationStatus.PENDING, attempts=0, send_after=timezone.now())
