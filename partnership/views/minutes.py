"""The minutes of a meeting: reading, drafting and approving them."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership import exports as minutes_exports
from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.forms.minutes import MinutesForm
from partnership.selectors import meetings as meeting_select
from partnership.selectors import minutes as minutes_select
from partnership.services import minutes as minutes_services

from .meeting_pages import action_list_url, meeting_or_404


@require_safe
def minutes_detail(request, pk):
    """Approved minutes of bodies whose minutes are public, for all; members' and draft minutes
    for members and GLA officers; 404 for anyone else."""
    minutes = scoped_object_or_404(minutes_select.minutes_visible_to(request.user), meeting_id=pk)
    meeting = minutes.meeting
    return render(request, "partnership/minutes/detail.html", {
        "minutes": minutes, "meeting": meeting, "paragraphs": _paragraphs(minutes),
        # The record in agenda order: attendance, declarations, decisions and actions.
        "record": minutes_select.minutes_record(meeting, request.user),
        "can_manage": request.user.has_perm("partnership.manage_meetings"),
        "pdf_public": minutes.is_approved and meeting.body.minutes_are_public,
        # The actions agreed, as they stand now, as far as the reader may see actions.
        # Bounded as on the meeting's page; the rest are on the action list, filtered.
        "meeting_actions": (meeting_select.meeting_actions_shown(meeting, request.user,
                                                                 more_url=action_list_url(meeting=meeting.pk))
                            if request.user.is_authenticated else []),
    })


def _paragraphs(minutes):
    return [p for p in minutes.text.replace("\r\n", "\n").split("\n\n") if p.strip()]


@require_safe
def minutes_pdf(request, pk):
    """Approved minutes of a body whose minutes are public, as a tagged PDF: the public's copy,
    the same for every reader (names only where the body's membership is public). 404 otherwise."""
    minutes = scoped_object_or_404(minutes_select.public_minutes(pk))
    meeting = minutes.meeting
    title = f"Minutes of {meeting.display_title}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"
    content = minutes_exports.minutes_pdf(minutes=minutes, paragraphs=_paragraphs(minutes), title=title,
                                          record=minutes_select.minutes_record(meeting, request.user, public=True))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.body.short_name.lower()}-' \
                                      f'{timezone.localtime(meeting.starts_at):%Y-%m-%d}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def minutes_edit(request, pk):
    meeting = meeting_or_404(pk)
    minutes = minutes_select.minutes_of(meeting, request.user)
    if minutes is not None and minutes.is_approved:
        messages.error(request, minutes_services.APPROVED_MINUTES_ARE_FIXED)
        return redirect("partnership:minutes_detail", pk=meeting.pk)
    form = MinutesForm(**form_data(request), initial={"text": minutes.text if minutes else ""})
    if request.method == "POST" and form.is_valid():
        try:
            minutes_services.minutes_save(meeting=meeting, text=form.cleaned_data["text"])
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
    minutes = scoped_object_or_404(minutes_select.minutes_visible_to(request.user), meeting_id=pk)
    try:
        minutes_services.minutes_approve(minutes=minutes, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Minutes approved. They can no longer be changed.")
    # Approving from the meeting page goes back there; from the minutes page, to the minutes.
    if request.POST.get("back") == "meeting":
        return redirect("partnership:meeting_detail", pk=pk)
    return redirect("partnership:minutes_detail", pk=pk)
