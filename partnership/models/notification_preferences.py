from django.conf import settings
from django.db import models
from django.db.models import Q


class Delivery(models.TextChoices):
    SINGLE = "single", "One email for each notice"
    DIGEST = "digest", "One daily digest of the notices I can choose"


class NotificationPreference(models.Model):
    """How one person wants the optional notices. Notices about meetings they must attend are
    always sent on their own (partnership/reminders.py marks those kinds mandatory)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preference")
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.SINGLE)
    # Optional kinds this person switched off, for example ["paper.published"].
    switched_off_kinds = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(name="notification_preference_delivery_valid",
                                   condition=Q(delivery__in=Delivery.values)),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_delivery_display()}"
