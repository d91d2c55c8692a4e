"""A meeting's agenda: adding, editing, moving and removing items, in a fixed numbered order."""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from partnership.models import (
    Action,
    AgendaItem,
    Meeting,
    Paper,
)
from partnership.search.services import search_index, search_remove

from .minutes import AGENDA_IS_FIXED, agenda_is_fixed, lock_open_agenda


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, presenter: str = "", description: str = "",
                    organisation=None) -> AgendaItem:
    # The lock also keeps two officers adding items at once from taking the same position.
    lock_open_agenda(meeting.pk)
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem.objects.create(meeting=meeting, position=last + 1, title=title, presenter=presenter,
                                     description=description, organisation=organisation)
    search_index(item)
    return item


@transaction.atomic
def agenda_item_edit(*, item: AgendaItem, title: str, presenter: str = "", description: str = "",
                     organisation=None) -> AgendaItem:
    lock_open_agenda(item.meeting_id)
    item.title, item.presenter, item.description, item.organisation = title, presenter, description, organisation
    item.save(update_fields=["title", "presenter", "description", "organisation"])
    search_index(item)
    return item


# A position no real item takes (items count up from 1), used while two items swap places.
_PARKED = 32000


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str) -> None:
    if direction not in ("up", "down"):
        raise ValidationError("Move an item up or down.")
    lock_open_agenda(item.meeting_id)
    siblings = AgendaItem.objects.filter(meeting_id=item.meeting_id)
    if direction == "up":
        other = siblings.filter(position__lt=item.position).order_by("-position").first()
    else:
        other = siblings.filter(position__gt=item.position).order_by("position").first()
    if other is None:
        return
    mine, theirs = item.position, other.position
    AgendaItem.objects.filter(pk=item.pk).update(position=_PARKED)
    AgendaItem.objects.filter(pk=other.pk).update(position=mine)
    AgendaItem.objects.filter(pk=item.pk).update(position=theirs)
    item.position = theirs


AGENDA_ITEM_HAS_RECORDS = ("Agenda item {position} has declarations of interest or decisions recorded against it: "
                           "it was discussed, so it stays on the agenda.")


def agenda_item_removal_refused(item: AgendaItem) -> str:
    """Why the item may not be removed, or "" when it may. Declarations of interest and
    decisions show the item was taken at the meeting; removing it would delete the declarations
    (they cascade) and cut the decisions loose, rewriting the record of the meeting."""
    if agenda_is_fixed(item.meeting_id):
        return AGENDA_IS_FIXED
    if item.declarations.exists() or item.decisions.exists():
        return AGENDA_ITEM_HAS_RECORDS.format(position=item.position)
    return ""


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, by) -> None:
    """Removes the item and closes the gap it leaves, so the agenda stays numbered 1, 2, 3...

    Papers and actions on the item stay with the meeting, no longer tied to an item: a paper is
    never deleted with its agenda item. Removing an item already gone (a second click) does
    nothing. `by` is who removed it: each action's history records the unlink under their name."""
    Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
    item = AgendaItem.objects.filter(pk=item.pk).first()
    if item is None:
        return
    if reason := agenda_item_removal_refused(item):
        raise ValidationError(reason)
    Paper.objects.filter(agenda_item=item).update(agenda_item=None)
    # One save per action, not a bulk update (nor the SET_NULL the delete would do): only a
    # save writes the action's history, and the history page must show who unlinked it.
    for action in Action.objects.select_for_update().filter(agenda_item=item):
        action.agenda_item = None
        action._history_user = by
        action.save(update_fields=["agenda_item"])
    removed_at = item.position
    search_remove(item)
    item.delete()
    # (meeting, position) is unique and checked row by row (SQLite and PostgreSQL alike), so
    # one "position - 1" UPDATE could collide mid-statement. Moving the items one at a time,
    # lowest first, always moves an item into the place just freed.
    later = (AgendaItem.objects.filter(meeting_id=item.meeting_id, position__gt=removed_at)
             .order_by("position").values_list("pk", "position"))
    for pk, position in list(later):
        AgendaItem.objects.filter(pk=pk).update(position=position - 1)
