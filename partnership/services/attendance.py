"""Who attended a meeting and who sent apologies."""


from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
)

from .minutes import ATTENDANCE_IS_FIXED, lock_open_record


@transaction.atomic
def attendance_record(*, meeting: Meeting, statuses: dict) -> int:
    """statuses: {user: AttendanceStatus or ""}; an empty status removes the record.
    Refused once the minutes are approved: they print the attendance."""
    lock_open_record(meeting.pk, ATTENDANCE_IS_FIXED)
    written = 0
    for person, status in statuses.items():
        if not status:
            Attendance.objects.filter(meeting=meeting, person=person).delete()
            continue
        if status not in AttendanceStatus.values:
            raise ValidationError(f"Unknown attendance status {status!r}.")
        Attendance.objects.update_or_create(meeting=meeting, person=person, defaults={"status": status})
        written += 1
    return written
