"""Recording a decision taken at a meeting (GLA officers)."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.forms.meeting_decisions import MeetingDecisionForm
from partnership.services import meeting_decisions as meeting_decision_services
from partnership.services import minutes as minutes_services

from .meeting_pages import agenda_fixed, back_to_meeting, meeting_or_404


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def meeting_decision_create(request, pk):
    meeting = meeting_or_404(pk)
    if minutes_services.agenda_is_fixed(meeting.pk):
        return agenda_fixed(request, meeting, "#decisions")
    form = MeetingDecisionForm(**form_data(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_decision_services.meeting_decision_record(meeting=meeting, text=form.cleaned_data["text"],
                                     agenda_item=form.cleaned_data["agenda_item"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Decision recorded.")
            return back_to_meeting(meeting, "#decisions")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Record a decision"})
