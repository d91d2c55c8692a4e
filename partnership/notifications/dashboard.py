"""The dashboard's email rows: the person's email settings; for GLA officers the outbox's state."""

from django.urls import reverse

from partnership.common.counts import capped_count
from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.preferences import preference_for


def email_rows(user):
    preference = preference_for(user=user)
    rows = [("Email settings", preference.get_delivery_display(), reverse("partnership:notification_preferences"))]
    if user.is_gla_officer:
        # Capped counts, each read from notification_due_idx (docs/decisions/0011).
        scoped = Notification.objects.visible_to(user)
        counts = {"failed": capped_count(scoped.filter(status=NotificationStatus.FAILED)),
                  "waiting": capped_count(scoped.filter(status=NotificationStatus.PENDING))}
        rows.append(("Emails", f"Delivery log: {counts['failed']} failed, {counts['waiting']} waiting",
                     reverse("partnership:notification_log")))
    return rows
