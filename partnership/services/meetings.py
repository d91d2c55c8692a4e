"""Writes about meetings: scheduling and changing them, agendas, attendance, declarations,
decisions and minutes. Keyword-only arguments; callers are views, the demo and tests."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from partnership.models import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Declaration,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    Paper,
)

from . import meeting_notices

EARLIEST_YEAR = 2000  # the partnership's records start in the 2000s; earlier dates are typos
YEARS_AHEAD = 5


def check_meeting_times(*, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    errors = {}
    latest_year = timezone.localdate().year + YEARS_AHEAD
    if not EARLIEST_YEAR <= timezone.localtime(starts_at).year <= latest_year:
        errors["date"] = f"Enter a date between {EARLIEST_YEAR} and {latest_year}."
    if ends_at <= starts_at:
        errors["end_time"] = "The end time must be after the start time."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_schedule(*, body, starts_at, ends_at, title="", location="", online_link="") -> Meeting:
    check_meeting_times(starts_at=starts_at, ends_at=ends_at)
    return Meeting.objects.create(body=body, title=title, starts_at=starts_at, ends_at=ends_at,
                                  location=location, online_link=online_link)


@transaction.atomic
def meeting_reschedule(*, meeting: Meeting, starts_at, ends_at, location, online_link,
                       title: str | None = None) -> Meeting:
    """A new time or place: the calendar sequence goes up so calendar apps replace the event,
    and members are told (through the outbox) in the same transaction. A new title also
    raises the sequence (calendars show it) but is no reason to notify anyone."""
    check_meeting_times(starts_at=starts_at, ends_at=ends_at)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled: schedule a new meeting instead.")
    previous_starts_at = meeting.starts_at
    moved = (starts_at, ends_at, location) != (meeting.starts_at, meeting.ends_at, meeting.location)
    retitled = title is not None and title != meeting.title
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.location, meeting.online_link = location, online_link
    if title is not None:
        meeting.title = title
    if moved or retitled:
        meeting.sequence = F("sequence") + 1
    if moved:
        if meeting.status == MeetingStatus.POSTPONED:
            meeting.status = MeetingStatus.SCHEDULED
    meeting.save()
    meeting.refresh_from_db()
    if moved:
        meeting_notices.on_meeting_rescheduled(meeting=meeting, previous_starts_at=previous_starts_at)
    return meeting


def _change_status(meeting: Meeting, status: str, *, allowed_from: tuple) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in allowed_from:
        raise ValidationError(f"A {meeting.get_status_display().lower()} meeting cannot be "
                              f"marked {MeetingStatus(status).label.lower()}.")
    meeting.status = status
    meeting.sequence = F("sequence") + 1
    meeting.save(update_fields=["status", "sequence"])
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting) -> Meeting:
    """Cancelled meetings are kept (and shown as cancelled), never deleted."""
    meeting = _change_status(meeting, MeetingStatus.CANCELLED,
                             allowed_from=(MeetingStatus.SCHEDULED, MeetingStatus.POSTPONED))
    meeting_notices.on_meeting_cancelled(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_postpone(*, meeting: Meeting) -> Meeting:
    """No new time yet: members are told and the old slot leaves their calendars."""
    meeting = _change_status(meeting, MeetingStatus.POSTPONED, allowed_from=(MeetingStatus.SCHEDULED,))
    meeting_notices.on_meeting_postponed(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, now=None) -> Meeting:
    if meeting.starts_at > (now or timezone.now()):
        raise ValidationError("A meeting cannot be marked held before it has started.")
    return _change_status(meeting, MeetingStatus.HELD, allowed_from=(MeetingStatus.SCHEDULED,))


@transaction.atomic
def meeting_create_next(*, previous: Meeting, starts_at, ends_at) -> Meeting:
    """The next meeting of the same body, with the previous agenda as its template."""
    meeting = meeting_schedule(body=previous.body, starts_at=starts_at, ends_at=ends_at, title=previous.title,
                               location=previous.location, online_link=previous.online_link)
    AgendaItem.objects.bulk_create([
        AgendaItem(meeting=meeting, position=item.position, title=item.title, presenter=item.presenter,
                   description=item.description)
        for item in previous.agenda_items.order_by("position")
    ])
    return meeting


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


def _lock_open_record(meeting_id: int, refusal: str) -> None:
    """Locks the meeting (minutes_approve takes the same lock, so an approval cannot slip in
    between this check and the change) and refuses the change, saying `refusal`, once the
    minutes are approved."""
    Meeting.objects.select_for_update().filter(pk=meeting_id).first()
    if agenda_is_fixed(meeting_id):
        raise ValidationError(refusal)


def _lock_open_agenda(meeting_id: int) -> None:
    _lock_open_record(meeting_id, AGENDA_IS_FIXED)


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, presenter: str = "", description: str = "") -> AgendaItem:
    # The lock also keeps two officers adding items at once from taking the same position.
    _lock_open_agenda(meeting.pk)
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    return AgendaItem.objects.create(meeting=meeting, position=last + 1, title=title, presenter=presenter,
                                     description=description)


@transaction.atomic
def agenda_item_edit(*, item: AgendaItem, title: str, presenter: str = "", description: str = "") -> AgendaItem:
    _lock_open_agenda(item.meeting_id)
    item.title, item.presenter, item.description = title, presenter, description
    item.save(update_fields=["title", "presenter", "description"])
    return item


# A position no real item takes (items count up from 1), used while two items swap places.
_PARKED = 32000


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str) -> None:
    if direction not in ("up", "down"):
        raise ValidationError("Move an item up or down.")
    _lock_open_agenda(item.meeting_id)
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
    item.delete()
    # (meeting, position) is unique and checked row by row (SQLite and PostgreSQL alike), so
    # one "position - 1" UPDATE could collide mid-statement. Moving the items one at a time,
    # lowest first, always moves an item into the place just freed.
    later = (AgendaItem.objects.filter(meeting_id=item.meeting_id, position__gt=removed_at)
             .order_by("position").values_list("pk", "position"))
    for pk, position in list(later):
        AgendaItem.objects.filter(pk=pk).update(position=position - 1)


@transaction.atomic
def attendance_record(*, meeting: Meeting, statuses: dict) -> int:
    """statuses: {user: AttendanceStatus or ""}; an empty status removes the record.
    Refused once the minutes are approved: they print the attendance."""
    _lock_open_record(meeting.pk, ATTENDANCE_IS_FIXED)
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


@transaction.atomic
def declaration_record(*, agenda_item: AgendaItem, person, interest: str) -> Declaration:
    _lock_open_agenda(agenda_item.meeting_id)
    return Declaration.objects.create(agenda_item=agenda_item, person=person, interest=interest)


@transaction.atomic
def decision_record(*, meeting: Meeting, text: str, agenda_item: AgendaItem | None = None) -> Decision:
    """Decisions are printed with the approved minutes, so they are fixed with them."""
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That agenda item belongs to another meeting.")
    _lock_open_agenda(meeting.pk)
    return Decision.objects.create(meeting=meeting, agenda_item=agenda_item, text=text)


APPROVED_MINUTES_ARE_FIXED = "These minutes are approved and can no longer be changed."


@transaction.atomic
def minutes_save(*, meeting: Meeting, text: str) -> Minutes:
    """Creates or updates the draft minutes. Approved minutes are fixed: refused."""
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None:
        try:
            with transaction.atomic():
                return Minutes.objects.create(meeting=meeting, text=text)
        except IntegrityError:
            minutes = Minutes.objects.select_for_update().get(meeting=meeting)
    if minutes.is_approved:
        raise ValidationError(APPROVED_MINUTES_ARE_FIXED)
    minutes.text = text
    minutes.save(update_fields=["text", "updated_at"])
    return minutes


@transaction.atomic
def minutes_approve(*, minutes: Minutes, by) -> Minutes:
    # The meeting's lock first, as the agenda and attendance changes take it (see _lock_open_record).
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
    return minutes
