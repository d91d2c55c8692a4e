"""Who attended a meeting and who sent apologies; and members' replies before it."""


import datetime as dt

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.models import (
    Attendance,
    AttendanceReply,
    AttendanceReplyChoice,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
)
from partnership.models.bodies import MAX_REMINDER_DAYS

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


# Replies in advance: a member says they will attend or sends apologies, on the meeting page or
# through a signed link in the reminder email (docs/decisions/0009-signed-replies-and-interests.md).
REPLY_SALT = "partnership.attendance_reply"
# Reminders go out at most MAX_REMINDER_DAYS before a meeting; a link lives a little longer.
REPLY_LINK_MAX_AGE = dt.timedelta(days=MAX_REMINDER_DAYS + 7)
REPLY_NOT_A_MEMBER = "Only members of the body can reply for this meeting."
REPLY_TOO_LATE = "This meeting has started or is no longer going ahead, so replies are closed."
LINK_NOT_VALID = "This link is not valid. It may have been copied wrongly."
LINK_EXPIRED = "This link has expired."


def reply_token(*, meeting: Meeting, person, reply: str) -> str:
    """A signed, timestamped token naming the meeting, the person and their answer."""
    return signing.dumps({"m": meeting.pk, "p": person.pk, "r": reply}, salt=REPLY_SALT, compress=True)


def reply_token_read(token: str, *, max_age: dt.timedelta = REPLY_LINK_MAX_AGE) -> dict:
    """{"meeting_id", "person_id", "reply"}, or a ValidationError saying why the link does not work."""
    try:
        data = signing.loads(token, salt=REPLY_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise ValidationError(LINK_EXPIRED, code="expired") from None
    except signing.BadSignature:
        raise ValidationError(LINK_NOT_VALID, code="invalid") from None
    if not (isinstance(data, dict) and isinstance(data.get("m"), int) and isinstance(data.get("p"), int)
            and data.get("r") in AttendanceReplyChoice.values):
        raise ValidationError(LINK_NOT_VALID, code="invalid")
    return {"meeting_id": data["m"], "person_id": data["p"], "reply": data["r"]}


def replies_open(meeting: Meeting, *, now=None) -> bool:
    return meeting.status == MeetingStatus.SCHEDULED and (now or timezone.now()) < meeting.starts_at


@transaction.atomic
def attendance_reply(*, meeting: Meeting, person, reply: str, now=None) -> AttendanceReply:
    """Records (or changes) a member's answer before the meeting. Refused once the meeting has
    started or is not going ahead, and for anyone not a member of the body on the day."""
    if reply not in AttendanceReplyChoice.values:
        raise ValidationError("Say whether you will attend or send apologies.")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not replies_open(meeting, now=now):
        raise ValidationError(REPLY_TOO_LATE)
    if not (person.is_active and Membership.objects.at(meeting).filter(user=person).exists()):
        raise ValidationError(REPLY_NOT_A_MEMBER)
    answer, _ = AttendanceReply.objects.update_or_create(meeting=meeting, person=person, defaults={"reply": reply})
    return answer
