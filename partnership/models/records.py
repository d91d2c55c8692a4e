"""What a meeting records: attendance and apologies, declarations of interest per agenda item,
decisions, and the minutes (draft, then approved and fixed)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey("partnership.Meeting", on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=12, choices=AttendanceStatus.choices)

    class Meta:
        ordering = ["meeting", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_one_per_person"),
            models.CheckConstraint(name="attendance_status_valid",
                                   condition=Q(status__in=AttendanceStatus.values)),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_status_display()}"


class Declaration(models.Model):
    """A declaration of interest, made by a person on one agenda item."""

    agenda_item = models.ForeignKey("partnership.AgendaItem", on_delete=models.CASCADE,
                                    related_name="declarations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations")
    interest = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agenda_item__position", "pk"]

    def __str__(self):
        return f"{self.person}: {self.interest[:60]}"


class Decision(models.Model):
    meeting = models.ForeignKey("partnership.Meeting", on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey("partnership.AgendaItem", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="decisions")
    text = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self):
        return self.text[:80]


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
