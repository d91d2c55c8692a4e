"""Who attended a meeting, and who sent apologies."""

from django.conf import settings
from django.db import models
from django.db.models import Q


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
