"""Recording a declaration of interest on an agenda item (GLA officers)."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.common.query_params import query_id
from partnership.forms.declarations import DeclarationForm
from partnership.selectors import agenda as agenda_select
from partnership.selectors import attendance as attendance_select
from partnership.selectors import interests as interest_select
from partnership.services import declarations as declaration_services
from partnership.services import minutes as minutes_services

from .meeting_pages import agenda_fixed, back_to_meeting, meeting_or_404, refused


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def declaration_create(request, pk):
    meeting = meeting_or_404(pk)
    if minutes_services.agenda_is_fixed(meeting.pk):
        return agenda_fixed(request, meeting)
    initial = {}
    item = None
    if item_id := query_id(request.GET, "agenda_item"):
        item = agenda_select.agenda_item_of(meeting, item_id)
        initial = {"agenda_item": item} if item else {}
    form = DeclarationForm(**form_data(request), meeting=meeting, people=attendance_select.expected_people(meeting),
                           initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            declaration_services.declaration_record(agenda_item=data["agenda_item"], person=data["person"],
                                        interest=data["interest"])
        except ValidationError as error:
            return refused(request, meeting, error)
        messages.success(request, "Declaration of interest recorded.")
        return back_to_meeting(meeting, "#agenda")
    # Registered interests in the organisation the item concerns, offered to record as declared.
    suggestions = interest_select.interests_concerning(item) if item is not None else []
    return render(request, "partnership/declarations/form.html",
                  {"form": form, "meeting": meeting, "item": item, "suggestions": suggestions,
                   "heading": f"Record a declaration of interest on item {item.position}" if item
                   else "Record a declaration of interest"})
