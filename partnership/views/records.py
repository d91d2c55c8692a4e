"""What a meeting records: its agenda, attendance, declarations of interest, decisions and
minutes, and the history of changes to the meeting and its minutes."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.forms.meetings import AgendaItemForm, AttendanceForm, DecisionForm, DeclarationForm, MinutesForm
from partnership.models import AgendaItem, Attendance, Membership, Minutes, User
from partnership.selectors import meetings as select
from partnership.services import meetings as services


def _meeting(pk):
    return get_object_or_404(select.meetings_for_listing(), pk=pk)


def _back_to(meeting, anchor=""):
    return redirect(reverse("partnership:meeting_detail", args=[meeting.pk]) + anchor)


def _refused(request, meeting, error, anchor="#agenda"):
    """A change the service refused (approved minutes fix the agenda and attendance): back to the meeting,
    saying why."""
    messages.error(request, " ".join(error.messages))
    return _back_to(meeting, anchor)


def _agenda_fixed(request, meeting, anchor="#agenda"):
    """The form pages of a fixed agenda are not offered at all, as minutes_edit does for approved minutes."""
    return _refused(request, meeting, ValidationError(services.AGENDA_IS_FIXED), anchor)


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def agenda_item_create(request, pk):
    meeting = _meeting(pk)
    if services.agenda_is_fixed(meeting.pk):
        return _agenda_fixed(request, meeting)
    form = AgendaItemForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            return _refused(request, meeting, error)
        messages.success(request, "Agenda item added.")
        return _back_to(meeting, "#agenda")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Add an agenda item"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def agenda_item_edit(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    if services.agenda_is_fixed(item.meeting_id):
        return _agenda_fixed(request, item.meeting)
    form = AgendaItemForm(**form_data(request), instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_edit(item=item, **form.cleaned_data)
        except ValidationError as error:
            return _refused(request, item.meeting, error)
        messages.success(request, "Agenda item saved.")
        return _back_to(item.meeting, "#agenda")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": item.meeting, "heading": f"Edit agenda item {item.position}"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def agenda_item_remove(request, pk):
    """A confirmation page, then the removal. An item with declarations or decisions recorded
    stays: the page says why and offers no button."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=pk)
    if request.method == "POST":
        try:
            services.agenda_item_remove(item=item, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Agenda item {item.position} removed: {item.title}.")
        return _back_to(item.meeting, "#agenda")
    return render(request, "partnership/meetings/agenda_item_remove.html", {
        "item": item, "meeting": item.meeting, "refused": services.agenda_item_removal_refused(item),
        "keeps_links": item.papers.exists() or item.actions.exists()})


@require_POST
@permission_required("partnership.manage_meetings")
def agenda_item_move(request, pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    try:
        services.agenda_item_move(item=item, direction=direction)
    except ValidationError as error:
        return _refused(request, item.meeting, error)
    return _back_to(item.meeting, "#agenda")


def _expected_people(meeting):
    """Members of the body on the day of the meeting, and anyone already recorded."""
    on = timezone.localtime(meeting.starts_at).date()
    member_ids = Membership.objects.current(on=on).filter(body=meeting.body).values("user_id")
    recorded_ids = Attendance.objects.filter(meeting=meeting).values("person_id")
    return User.objects.filter(Q(pk__in=member_ids) | Q(pk__in=recorded_ids)).order_by("full_name", "email")


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def attendance_record(request, pk):
    meeting = _meeting(pk)
    # Back to the top of the meeting page, not #attendance far below: the refusal is shown there.
    if services.attendance_is_fixed(meeting.pk):
        return _refused(request, meeting, ValidationError(services.ATTENDANCE_IS_FIXED), anchor="")
    current = dict(meeting.attendance.values_list("person_id", "status"))
    form = AttendanceForm(**form_data(request), people=_expected_people(meeting), current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, statuses=form.statuses())
        except ValidationError as error:
            return _refused(request, meeting, error, anchor="")
        messages.success(request, "Attendance saved.")
        return _back_to(meeting, "#attendance")
    return render(request, "partnership/meetings/record_form.html", {
        "form": form, "meeting": meeting, "heading": "Attendance and apologies",
        "intro": "Members of the body on the day of the meeting." if form.people else
                 "This body has no members on the day of the meeting: add members first."})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def declaration_create(request, pk):
    meeting = _meeting(pk)
    if services.agenda_is_fixed(meeting.pk):
        return _agenda_fixed(request, meeting)
    form = DeclarationForm(**form_data(request), meeting=meeting, people=_expected_people(meeting))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.declaration_record(agenda_item=data["agenda_item"], person=data["person"],
                                        interest=data["interest"])
        except ValidationError as error:
            return _refused(request, meeting, error)
        messages.success(request, "Declaration of interest recorded.")
        return _back_to(meeting, "#agenda")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Record a declaration of interest"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def decision_create(request, pk):
    meeting = _meeting(pk)
    if services.agenda_is_fixed(meeting.pk):
        return _agenda_fixed(request, meeting, "#decisions")
    form = DecisionForm(**form_data(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_record(meeting=meeting, text=form.cleaned_data["text"],
                                     agenda_item=form.cleaned_data["agenda_item"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Decision recorded.")
            return _back_to(meeting, "#decisions")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Record a decision"})


@require_safe
def minutes_detail(request, pk):
    """Approved minutes of bodies whose minutes are public, for all; members' and draft minutes
    for members and GLA officers; 404 for anyone else."""
    minutes = get_object_or_404(select.minutes_visible_to(request.user), meeting_id=pk)
    meeting = minutes.meeting
    return render(request, "partnership/meetings/minutes.html", {
        "minutes": minutes, "meeting": meeting,
        "paragraphs": [p for p in minutes.text.replace("\r\n", "\n").split("\n\n") if p.strip()],
        "decisions": meeting.decisions.select_related("agenda_item"),
        "can_manage": request.user.has_perm("partnership.manage_meetings"),
        # The actions agreed, as they stand now, as far as the reader may see actions.
        "meeting_actions": (select.actions_from_meeting(meeting, request.user)
                            if request.user.is_authenticated else []),
    })


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def minutes_edit(request, pk):
    meeting = _meeting(pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.is_approved:
        messages.error(request, services.APPROVED_MINUTES_ARE_FIXED)
        return redirect("partnership:minutes_detail", pk=meeting.pk)
    form = MinutesForm(**form_data(request), initial={"text": minutes.text if minutes else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(meeting=meeting, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Draft minutes saved.")
            return redirect("partnership:minutes_detail", pk=meeting.pk)
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Minutes", "wide": True})


@require_POST
@permission_required("partnership.manage_meetings")
def minutes_approve(request, pk):
    minutes = get_object_or_404(Minutes, meeting_id=pk)
    try:
        services.minutes_approve(minutes=minutes, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Minutes approved. They can no longer be changed.")
    return redirect("partnership:minutes_detail", pk=pk)


HISTORY_SHOWN = 200


def _shown(value):
    """A changed value as people read it: times in London time, not the stored UTC."""
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%-d %B %Y, %H:%M}"
    return "(none)" if value in ("", None) else value


def _changes(records, labels):
    """(record, [what changed]) for each history record, newest first; records come newest first."""
    records = list(records)
    rows = []
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        if record.history_type == "+":
            what = ["created"]
        elif record.history_type == "-":
            what = ["deleted"]
        elif older is None:
            what = ["changed"]
        else:
            delta = record.diff_against(older)
            what = [f"{labels.get(change.field, change.field)}: {_shown(change.old)} → {_shown(change.new)}"
                    if change.field not in ("text",) else f"{labels.get(change.field, change.field)} edited"
                    for change in delta.changes] or ["saved with no change"]
        rows.append((record, what))
    return rows


@require_safe
@permission_required("partnership.view_meeting_history")
def meeting_history(request, pk):
    meeting = _meeting(pk)
    meeting_records = meeting.history.select_related("history_user").order_by("-history_date", "-history_id")
    minutes_records = Minutes.history.filter(meeting_id=meeting.pk).select_related("history_user").order_by(
        "-history_date", "-history_id")
    labels = {"starts_at": "Start", "ends_at": "End", "location": "Place", "online_link": "Online link",
              "status": "Status", "sequence": "Calendar sequence", "title": "Title", "text": "Text",
              "approved_at": "Approved at", "approved_by": "Approved by"}
    return render(request, "partnership/meetings/history.html", {
        "meeting": meeting,
        "meeting_changes": _changes(meeting_records[:HISTORY_SHOWN], labels),
        "minutes_changes": _changes(minutes_records[:HISTORY_SHOWN], labels),
    })


