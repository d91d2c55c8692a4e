"""Minutes: saving the draft and approving it. Approved minutes fix the meeting's record (agenda,
attendance, declarations, decisions), so the checks every record service makes live here too."""


from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnership.models import (
    Meeting,
    Minutes,
    MinutesStatus,
)
from partnership.search.services import search_index

AGENDA_IS_FIXED = "The minutes of this meeting are approved, so its agenda is fixed."


ATTENDANCE_IS_FIXED = "The minutes of this meeting are approved, so its attendance is fixed."


def agenda_is_fixed(meeting_id: int) -> bool:
    """Approved minutes refer to the agenda by item number and print its declarations and
    decisions: once they are approved, the agenda and what was recorded against it are fixed."""
    return Minutes.objects.filter(meeting_id=meeting_id, status=MinutesStatus.APPROVED).exists()


def attendance_is_fixed(meeting_id: int) -> bool:
    """Approved minutes record who attended and who sent apologies: once they are approved, the
    attendance is fixed with them."""
    return agenda_is_fixed(meeting_id)


def lock_open_record(meeting_id: int, refusal: str) -> None:
    """Locks the meeting (minutes_approve takes the same lock, so an approval cannot slip in
    between this check and the change) and refuses the change, saying `refusal`, once the
    minutes are approved."""
    Meeting.objects.select_for_update().filter(pk=meeting_id).first()
    if agenda_is_fixed(meeting_id):
        raise ValidationError(refusal)


def lock_open_agenda(meeting_id: int) -> None:
    lock_open_record(meeting_id, AGENDA_IS_FIXED)


APPROVED_MINUTES_ARE_FIXED = "These minutes are approved and can no longer be changed."


@transaction.atomic
def minutes_save(*, meeting: Meeting, text: str) -> Minutes:
    """Creates or updates the draft minutes. Approved minutes are fixed: refused."""
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None:
        try:
            with transaction.atomic():
                minutes = Minutes.objects.create(meeting=meeting, text=text)
                search_index(minutes)
                return minutes
        except IntegrityError:
            minutes = Minutes.objects.select_for_update().get(meeting=meeting)
    if minutes.is_approved:
        raise ValidationError(APPROVED_MINUTES_ARE_FIXED)
    minutes.text = text
    minutes.save(update_fields=["text", "updated_at"])
    search_index(minutes)
    return minutes


@transaction.atomic
def minutes_approve(*, minutes: Minutes, by) -> Minutes:
    # The meeting's lock first, as the agenda and attendance changes take it (see lock_open_record).
    Meeting.objects.select_for_update().filter(pk=minutes.meeting_id).first()
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.is_approved:
        raise ValidationError("These minutes are approved already.")
    if not minutes.text.strip():
        raise ValidationError("Write the minutes before approving them.")
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = by
    minutes.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
    search_index(minutes)
    return minutes
