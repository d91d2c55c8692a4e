from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class NotificationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"
    # Held for a recipient who chose a daily digest, then sent inside that digest.
    BUNDLED = "bundled", "Sent in a digest"


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The delivery log is for GLA officers only: it holds every recipient's email."""
        if user.is_authenticated and user.is_gla_officer:
            return self.all()
        return self.none()

    def for_log(self, user):
        # The log lists no bodies or attachments: leave the big columns in the database.
        return (self.visible_to(user).defer("body_text", "body_html", "attachment_content")
                .order_by("-send_after", "-pk"))


class Notification(models.Model):
    """The outbox row behind every email (docs/decisions/0001). It is written in the same
    transaction as the change that causes it; the key (kind, subject_key, recipient_email,
    slot) is unique, so the same notice can never be written - or sent - twice."""

    kind = models.CharField(max_length=60)
    # What the notice is about, as "app.model:pk" (for example "partnership.meeting:12").
    subject_key = models.CharField(max_length=120)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="notifications")
    recipient_email = models.EmailField()
    # Which occurrence: "7d-2026-12-01T10:00", "overdue", "week-2026-48" ...
    slot = models.CharField(max_length=80)
    send_after = models.DateTimeField(default=timezone.now)
    subject = models.CharField(max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # An optional attachment held in the row, so the send needs nothing else.
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_content = models.TextField(blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)
    # Mail to the public's subscriptions carries a one-click unsubscribe (RFC 8058) at this URL.
    list_unsubscribe = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=NotificationStatus.choices,
                              default=NotificationStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # A recipient who chose a daily digest gets this notice inside the digest, not on its own.
    held_for_digest = models.BooleanField(default=False)
    bundled_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="bundled_notices")
    # A dispatcher claims a row for a lease before sending it; a crashed dispatcher's lease
    # runs out and another takes the row over (at-least-once, see services/outbox.py).
    claim_token = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-send_after", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "subject_key", "recipient_email", "slot"],
                                    name="notification_unique_key"),
            models.CheckConstraint(name="notification_status_valid",
                                   condition=Q(status__in=NotificationStatus.values)),
            models.CheckConstraint(
                name="notification_sent_has_time",
                condition=~Q(status=NotificationStatus.SENT) | Q(sent_at__isnull=False),
            ),
        ]
        indexes = [
            # The outbox claims due rows in (send_after, id) order: with id in the index a claim
            # reads only the rows it takes, not every row due at the same instant (a bulk of
            # 10,000 reminders due together was sorted in full on every claim of 100, issue 12).
            models.Index(fields=["status", "send_after", "id"], name="notification_due_order_idx"),
            # The delivery log, newest first, and its kind filter (and the kinds it offers).
            models.Index(fields=["-send_after", "-id"], name="notification_log_idx"),
            models.Index(fields=["kind", "-send_after"], name="notification_kind_idx"),
        ]

    def __str__(self):
        return f"{self.kind} to {self.recipient_email} ({self.get_status_display()})"
