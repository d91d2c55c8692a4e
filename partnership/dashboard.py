"""Dashboard panels this app offers (see lsmp.dashboard)."""

from django.urls import reverse


def panels(user):
    rows = [("Email", user.email, None)]
    if user.is_gla_officer:
        rows.append(("Role", "GLA officer", None))
        rows.append(("People", "Invite a user", reverse("partnership:invite")))
    if user.borough is not None:
        rows.append(("Role", f"Borough officer, {user.borough}", None))
    rows.extend(_email_rows(user))
    return [{"title": "Your account", "rows": rows}]


def _email_rows(user):
    """Reminders: the person's email settings; for GLA officers the outbox's state."""
    from django.db.models import Count, Q

    from partnership.models import Notification, NotificationStatus
    from partnership.services.notification_preferences import preference_for

    preference = preference_for(user=user)
    rows = [("Email settings", preference.get_delivery_display(), reverse("partnership:notification_preferences"))]
    if user.is_gla_officer:
        counts = Notification.objects.visible_to(user).aggregate(
            failed=Count("pk", filter=Q(status=NotificationStatus.FAILED)),
            waiting=Count("pk", filter=Q(status=NotificationStatus.PENDING)))
        rows.append(("Emails", f"{counts['failed']} failed, {counts['waiting']} waiting",
                     reverse("partnership:notification_log")))
    return rows
