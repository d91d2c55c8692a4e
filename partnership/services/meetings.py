"""Writes about meetings themselves: scheduling, rescheduling, cancelling, postponing, marking
held and creating the next one. Keyword-only arguments; callers are views, the demo and tests."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from partnership.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
)
from partnership.rules import MEETING_MACHINE
from partnership.search.services import search_index, search_refresh

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
    meeting = Meeting.objects.create(body=body, title=title, starts_at=starts_at, ends_at=ends_at,
                                     location=location, online_link=online_link)
    search_index(meeting)
    return meeting


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
            meeting.status = MEETING_MACHINE.check(meeting.status, MeetingStatus.SCHEDULED).target
    meeting.save()
    meeting.refresh_from_db()
    # The agenda items' entries carry the meeting's date and title.
    search_index(meeting)
    search_refresh(meeting.agenda_items.all())
    if moved:
        meeting_notices.on_meeting_rescheduled(meeting=meeting, previous_starts_at=previous_starts_at)
    return meeting


def _change_status(meeting: Meeting, status: str) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    MEETING_MACHINE.check(meeting.status, status, message=(
        f"A {meeting.get_status_display().lower()} meeting cannot be marked {MeetingStatus(status).label.lower()}."))
    meeting.status = status
    meeting.sequence = F("sequence") + 1
    meeting.save(update_fields=["status", "sequence"])
    meeting.refresh_from_db()
    search_index(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting) -> Meeting:
    """Cancelled meetings are kept (and shown as cancelled), never deleted."""
    meeting = _change_status(meeting, MeetingStatus.CANCELLED)
    meeting_notices.on_meeting_cancelled(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_postpone(*, meeting: Meeting) -> Meeting:
    """No new time yet: members are told and the old slot leaves their calendars."""
    meeting = _change_status(meeting, MeetingStatus.POSTPONED)
    meeting_notices.on_meeting_postponed(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, now=None) -> Meeting:
    if meeting.starts_at > (now or timezone.now()):
        raise ValidationError("A meeting cannot be marked held before it has started.")
    return _change_status(meeting, MeetingStatus.HELD)


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
    search_refresh(meeting.agenda_items.all())
    return meeting
