"""The dashboard's email rows: the person's email settings; for GLA officers the outbox's state."""

from django.db.models import Count, Q
from django.urls import reverse

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.preferences import preference_for


def email_rows(user):
    preference = preference_for(user=user)
    rows = [("Email settings", preference.get_delivery_display(), reverse("partnership:notification_preferences"))]
    if user.is_gla_officer:
        counts = Notification.objects.visible_to(user).aggregate(
            failed=Count("pk", filter=Q(status=NotificationStatus.FAILED)),
            waiting=Count("pk", filter=Q(status=NotificationStatus.PENDING)))
        rows.append(("Emails", f"Delivery log: {counts['failed']} failed, {counts['waiting']} waiting",
                     reverse("partnership:notification_log")))
    return rows
