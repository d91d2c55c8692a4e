"""The dashboard's email rows: the person's email settings; for GLA officers the outbox's state,
and the failed emails as something to look at now."""

from django.urls import reverse

from partnership.common.counts import panel_figures, todo
from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.preferences import preference_for


def email_parts(user) -> tuple[list, list]:
    """(rows, to-do lines) for the dashboard, from one count of the outbox."""
    preference = preference_for(user=user)
    rows = [("Email settings", preference.get_delivery_display(), reverse("partnership:notification_preferences"))]
    lines = []
    if user.is_gla_officer:
        # Capped counts in one query, each read from notification_due_order_idx (docs/decisions/0011).
        scoped = Notification.objects.visible_to(user)
        counts = panel_figures({"failed": scoped.filter(status=NotificationStatus.FAILED),
                                "waiting": scoped.filter(status=NotificationStatus.PENDING)})
        log = reverse("partnership:notification_log")
        rows.append(("Emails", f"Delivery log: {counts['failed']} failed, {counts['waiting']} waiting", log))
        lines.append(todo(counts["failed"], "email that failed to send", "emails that failed to send",
                          f"{log}?status={NotificationStatus.FAILED}"))
    return rows, lines
