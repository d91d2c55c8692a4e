"""Where a paper or an action hangs: an agenda item implies its meeting, a meeting its body."""

from django.core.exceptions import ValidationError

from partnership.models import AgendaItem, Body, Meeting


def place_resolve(*, body: Body | None, meeting: Meeting | None, agenda_item: AgendaItem | None,
                  what: str = "paper") -> tuple[Body, Meeting | None, AgendaItem | None]:
    if agenda_item is not None:
        if meeting is not None and agenda_item.meeting_id != meeting.pk:
            raise ValidationError({"agenda_item": "Choose an agenda item of the selected meeting."})
        meeting = agenda_item.meeting
    if meeting is not None:
        if body is not None and meeting.body_id != body.pk:
            raise ValidationError({"meeting": "Choose a meeting of the selected body."})
        body = meeting.body
    if body is None:
        raise ValidationError({"body": f"Choose the body, meeting or agenda item the {what} is for."})
    return body, meeting, agenda_item
