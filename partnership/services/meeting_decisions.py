"""Decisions recorded at a meeting (not funding decisions: those are the funding app's)."""


from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import (
    AgendaItem,
    Meeting,
    MeetingDecision,
)

from .minutes import lock_open_agenda


@transaction.atomic
def meeting_decision_record(*, meeting: Meeting, text: str, agenda_item: AgendaItem | None = None) -> MeetingDecision:
    """Decisions are printed with the approved minutes, so they are fixed with them."""
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That agenda item belongs to another meeting.")
    lock_open_agenda(meeting.pk)
    return MeetingDecision.objects.create(meeting=meeting, agenda_item=agenda_item, text=text)
