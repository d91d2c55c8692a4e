"""The daily digest for people who chose one email a day: their held optional notices are
bundled into one notice (kind digest.daily, one per person per day) and marked bundled."""

from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from partnership.models import Notification, NotificationStatus, User
from partnership.notifications.services.notice_links import preferences_link
from partnership.notifications.services.outbox import notification_enqueue

KIND_DAILY_DIGEST = "digest.daily"


def notifications_bundle_digests(*, now: datetime) -> int:
    """Writes today's digest for everyone with held notices due by now; returns digests written.
    A notice held after today's digest was written waits for tomorrow's."""
    local_now = timezone.localtime(now)
    if local_now.hour < settings.NOTICE_MORNING_HOUR:
        return 0
    held = Notification.objects.filter(status=NotificationStatus.PENDING, held_for_digest=True,
                                       send_after__lte=now, recipient__isnull=False)
    written = 0
    for recipient in User.objects.filter(pk__in=held.values("recipient_id")).order_by("pk"):
        with transaction.atomic():
            rows = held.filter(recipient=recipient).order_by("send_after", "pk")
            if connection.features.has_select_for_update_skip_locked:
                rows = rows.select_for_update(skip_locked=True)
            notices = list(rows)
            if not notices:
                continue
            context = {"recipient": recipient, "notices": notices, "preferences_url": preferences_link()}
            digest = notification_enqueue(
                kind=KIND_DAILY_DIGEST, subject_key=f"partnership.user:{recipient.pk}",
                slot=f"day-{local_now.date().isoformat()}", recipient=recipient, respect_preferences=False,
                subject=f"Your daily digest: {len(notices)} notice{'s' if len(notices) != 1 else ''}",
                body_text=render_to_string("partnership/notifications/email/daily_digest.txt", context),
                body_html=render_to_string("partnership/notifications/email/daily_digest.html", context),
            )
            if digest is None:
                continue
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
                status=NotificationStatus.BUNDLED, bundled_into=digest, sent_at=None)
            written += 1
    return written
