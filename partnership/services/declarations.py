"""Declarations of interest, made by a person on one agenda item."""


from django.db import transaction

from partnership.models import (
    AgendaItem,
    Declaration,
)

from .minutes import lock_open_agenda


@transaction.atomic
def declaration_record(*, agenda_item: AgendaItem, person, interest: str) -> Declaration:
    lock_open_agenda(agenda_item.meeting_id)
    return Declaration.objects.create(agenda_item=agenda_item, person=person, interest=interest)
