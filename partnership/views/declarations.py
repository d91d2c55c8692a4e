"""Recording a declaration of interest on an agenda item (GLA officers)."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.forms.declarations import DeclarationForm
from partnership.selectors import attendance as attendance_select
from partnership.services import declarations as declaration_services
from partnership.services import minutes as minutes_services

from .meeting_pages import agenda_fixed, back_to_meeting, meeting_or_404, refused


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def declaration_create(request, pk):
    meeting = meeting_or_404(pk)
    if minutes_services.agenda_is_fixed(meeting.pk):
        return agenda_fixed(request, meeting)
    form = DeclarationForm(**form_data(request), meeting=meeting, people=attendance_select.expected_people(meeting))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            declaration_services.declaration_record(agenda_item=data["agenda_item"], person=data["person"],
                                        interest=data["interest"])
        except ValidationError as error:
            return refused(request, meeting, error)
        messages.success(request, "Declaration of interest recorded.")
        return back_to_meeting(meeting, "#agenda")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Record a declaration of interest"})
