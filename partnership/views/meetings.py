"""Meetings: the public calendar, a meeting's page (its agenda), and the officer's changes:
schedule, reschedule, cancel, postpone, mark held, create the next one."""

import datetime as dt
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.bounded import bounded
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.forms.meetings import MeetingForm, MeetingTimesForm
from partnership.models import MeetingStatus
from partnership.models.bodies import Cadence
from partnership.selectors import agenda as agenda_select
from partnership.selectors import attendance as attendance_select
from partnership.selectors import bodies as body_select
from partnership.selectors import interests as interest_select
from partnership.selectors import meeting_decisions as decision_select
from partnership.selectors import meetings as select
from partnership.selectors import minutes as minutes_select
from partnership.services import attendance as attendance_services
from partnership.services import meetings as meeting_services

from .meeting_pages import action_list_url

CALENDAR_PAST_DAYS = 183
CALENDAR_PAGE_SIZE = 50
CALENDAR_PAST_SHOWN = 20
MY_MEETINGS_PAGE_SIZE = 50


@require_safe
def meeting_calendar(request):
    """Every body's meetings, a page at a time: upcoming ones with the latest few of the last six
    months below them, or (?when=past) the last six months. No online links."""
    now = timezone.now()
    since = now - dt.timedelta(days=CALENDAR_PAST_DAYS)
    past = select.past_meetings(select.meetings_started_since(since), now=now)
    if request.GET.get("when") == "past":
        pagination = paginate(request.GET, past, noun=("meeting", "meetings"), per_page=CALENDAR_PAGE_SIZE)
        return render(request, "partnership/meetings/calendar.html", {
            "when": "past", "pagination": pagination, "past": pagination.page.object_list})
    pagination = paginate(request.GET, select.upcoming_meetings(now=now),
                          noun=("upcoming meeting", "upcoming meetings"), per_page=CALENDAR_PAGE_SIZE)
    return render(request, "partnership/meetings/calendar.html", {
        "when": "upcoming", "pagination": pagination, "upcoming": pagination.page.object_list,
        "past": bounded(past, CALENDAR_PAST_SHOWN, more_url="?when=past")})


@require_safe
@login_required
def my_meetings(request):
    # Paged: a GLA officer's list is every body's upcoming meetings (it stopped at 50, silently).
    pagination = paginate(request.GET, select.upcoming_meetings(select.meetings_in_personal_feed(request.user)),
                          noun=("upcoming meeting", "upcoming meetings"), per_page=MY_MEETINGS_PAGE_SIZE)
    return render(request, "partnership/meetings/mine.html",
                  {"meetings": pagination.page.object_list, "pagination": pagination})


@require_safe
def meeting_detail(request, pk):
    """The meeting and its agenda. Matters arising, online links, attendance and declarations
    belong to the members' side: shown only to the body's members and GLA officers."""
    meeting = scoped_object_or_404(select.meeting_for_page(request.user), pk=pk)
    members_side = body_select.sees_members_side(request.user, meeting.body)
    minutes = getattr(meeting, "minutes", None)
    can_manage = request.user.has_perm("partnership.manage_meetings")
    context = {
        "meeting": meeting,
        "members_side": members_side,
        "agenda": agenda_select.agenda_for_page(
            meeting, request.user, with_declarations=members_side,
            papers_url=reverse("partnership:paper_meeting_list", args=[meeting.pk])),
        # Matters arising come from earlier business: this meeting's own actions are listed apart.
        # Bounded: the oldest and most overdue few, their count and a link to the whole list.
        "matters_arising": (select.matters_arising_shown(
            meeting.body, request.user, apart_from_meeting=meeting,
            more_url=action_list_url(body=meeting.body_id, still_open="yes")) if members_side else []),
        # Attendance once recorded; before that, the replies members sent (officers only).
        "attendance": (attendance_select.attendance_of(meeting)
                       if members_side and meeting.attendance_recorded else []),
        "decisions": decision_select.meeting_decisions_of(meeting) if members_side else [],
        "minutes_readable": minutes_select.minutes_readable_by(request.user, minutes),
        # Approved minutes fix the agenda, attendance, declarations and decisions (the services
        # refuse changes): no links to change them, and a note saying since when and why.
        "approved_minutes": minutes if minutes is not None and minutes.is_approved else None,
        "can_manage": can_manage,
        # Actions of the meeting, through the viewer's scope.
        "meeting_actions": (select.meeting_actions_shown(meeting, request.user,
                                                         more_url=action_list_url(meeting=meeting.pk))
                            if request.user.is_authenticated else []),
    }
    # Run from one page: the stage the meeting is at and, for officers, the one next step.
    stage, next_step = select.meeting_next_step(meeting, now=timezone.now())
    context.update({
        "stage": stage,
        "next_step": next_step if context["can_manage"] else None,
        "next_step_url": _step_url(next_step, meeting) if next_step else "",
        "minutes": minutes,
        # A member's own reply before the meeting, and the form to give or change it.
        # Both read with the meeting (select.meeting_for_page).
        "may_reply": meeting.viewer_is_member and attendance_services.replies_open(meeting),
        "own_reply": select.own_reply(meeting),
        "replies": (attendance_select.replies_of(meeting)
                    if can_manage and not meeting.attendance_recorded else []),
        # Officers see the registers of interests of those expected at the meeting.
        "registered_interests": (interest_select.interests_at_meeting(meeting)
                                 if request.user.has_perm("partnership.view_interests_at_meetings") else []),
    })
    return render(request, "partnership/meetings/detail.html", context)


def _step_url(step, meeting) -> str:
    if step.key == "upload_paper":
        here = reverse("partnership:meeting_detail", args=[meeting.pk])
        return f"{reverse(step.url_name)}?meeting={meeting.pk}&next={quote(here, safe='/')}"
    return reverse(step.url_name, args=[meeting.pk])



@require_safe
@login_required
def meeting_joining(request, pk):
    """How to join: the online link. Members of the body and GLA officers only; 404 otherwise."""
    meeting = scoped_object_or_404(select.meetings_for_listing(), pk=pk)
    if not body_select.sees_members_side(request.user, meeting.body):
        raise Http404
    return render(request, "partnership/meetings/joining.html", {"meeting": meeting})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def meeting_create(request, pk):
    body = scoped_object_or_404(body_select.bodies_for_listing(), pk=pk)
    form = MeetingForm(**form_data(request), submit="Schedule meeting")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meeting_services.meeting_schedule(body=body, title=data["title"], starts_at=data["starts_at"],
                                                ends_at=data["ends_at"], location=data["location"],
                                                online_link=data["online_link"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Meeting scheduled.")
            return redirect("partnership:meeting_detail", pk=meeting.pk)
    return render(request, "partnership/meetings/form.html",
                  {"form": form, "body": body, "heading": f"Schedule a meeting of {body.short_name}"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def meeting_reschedule(request, pk):
    meeting = scoped_object_or_404(select.meetings_for_listing(), pk=pk)
    if meeting.status == MeetingStatus.CANCELLED:
        messages.error(request, "This meeting was cancelled: schedule a new meeting instead.")
        return redirect("partnership:meeting_detail", pk=meeting.pk)
    form = MeetingForm(**form_data(request), initial=MeetingTimesForm.initial_for(meeting), submit="Save changes")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting_services.meeting_reschedule(meeting=meeting, starts_at=data["starts_at"], ends_at=data["ends_at"],
                                        location=data["location"], online_link=data["online_link"],
                                        title=data["title"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Meeting changed. Members will be told of a new time or place.")
            return redirect("partnership:meeting_detail", pk=meeting.pk)
    return render(request, "partnership/meetings/form.html",
                  {"form": form, "body": meeting.body, "meeting": meeting,
                   "heading": f"Change the meeting of {timezone.localtime(meeting.starts_at):%d %B %Y}"})


STATUS_CHANGES = {
    "cancel": (meeting_services.meeting_cancel, "Cancel this meeting",
               "Meeting cancelled. It stays listed as cancelled."),
    "postpone": (meeting_services.meeting_postpone, "Postpone this meeting",
                 "Meeting postponed. Change its time to schedule it again."),
    "held": (meeting_services.meeting_mark_held, "Mark this meeting as held", "Meeting marked as held."),
}


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def meeting_change_status(request, pk, change):
    meeting = scoped_object_or_404(select.meetings_for_listing(), pk=pk)
    service, heading, done = STATUS_CHANGES[change]
    if request.method == "POST":
        try:
            service(meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect("partnership:meeting_detail", pk=meeting.pk)
    return render(request, "partnership/meetings/confirm.html",
                  {"meeting": meeting, "heading": heading, "change": change})


CADENCE_DAYS = {Cadence.MONTHLY: 28, Cadence.BIMONTHLY: 56, Cadence.QUARTERLY: 91, Cadence.TWICE_YEARLY: 182}


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def meeting_create_next(request, pk):
    """The next meeting of the body, with this meeting's agenda items copied as its template."""
    previous = scoped_object_or_404(select.meetings_for_listing(), pk=pk)
    gap = dt.timedelta(days=CADENCE_DAYS.get(previous.body.cadence, 28))
    initial = MeetingTimesForm.initial_for(previous)
    initial["date"] = timezone.localtime(previous.starts_at + gap).date()
    form = MeetingTimesForm(**form_data(request), initial=initial, submit="Create the next meeting")
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_services.meeting_create_next(previous=previous, starts_at=form.cleaned_data["starts_at"],
                                                   ends_at=form.cleaned_data["ends_at"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Next meeting created with the same agenda items.")
            return redirect("partnership:meeting_detail", pk=meeting.pk)
    return render(request, "partnership/meetings/form.html",
                  {"form": form, "body": previous.body, "meeting": previous,
                   "heading": f"Create the next meeting of {previous.body.short_name}",
                   "intro": f"The agenda items of {previous} are copied to the new meeting."})
