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


class AttendanceReplyChoice(models.TextChoices):
    ATTENDING = "attending", "Will attend"
    APOLOGIES = "apologies", "Sends apologies"


# What a reply in advance becomes when the attendance is recorded: the officer starts from it.
REPLY_TO_ATTENDANCE = {AttendanceReplyChoice.ATTENDING: AttendanceStatus.PRESENT,
                       AttendanceReplyChoice.APOLOGIES: AttendanceStatus.APOLOGIES}


class AttendanceReply(models.Model):
    """A member's answer before the meeting: they will attend, or they send apologies. Given on
    the meeting page or through the signed link of the reminder email; the latest answer counts."""

    meeting = models.ForeignKey("partnership.Meeting", on_delete=models.CASCADE, related_name="replies")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_replies")
    reply = models.CharField(max_length=12, choices=AttendanceReplyChoice.choices)
    replied_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "person__full_name"]
        verbose_name_plural = "attendance replies"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_reply_one_per_person"),
            models.CheckConstraint(name="attendance_reply_valid",
                                   condition=Q(reply__in=AttendanceReplyChoice.values)),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_reply_display()}"
