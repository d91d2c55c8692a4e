"""The minutes of a meeting: a draft, then approved and fixed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class Minutes(models.Model):
    meeting = models.OneToOneField("partnership.Meeting", on_delete=models.PROTECT, related_name="minutes")
    text = models.TextField()
    status = models.CharField(max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "minutes"
        constraints = [
            models.CheckConstraint(name="minutes_status_valid", condition=Q(status__in=MinutesStatus.values)),
            # Approved minutes always say when they were approved; drafts never do.
            models.CheckConstraint(
                name="minutes_approved_iff_dated",
                condition=(Q(status=MinutesStatus.APPROVED, approved_at__isnull=False)
                           | Q(status=MinutesStatus.DRAFT, approved_at__isnull=True)),
            ),
        ]

    def __str__(self):
        return f"Minutes of {self.meeting}"

    @property
    def is_approved(self):
        return self.status == MinutesStatus.APPROVED
