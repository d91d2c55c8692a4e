"""A meeting's agenda: adding, editing, moving and removing items (GLA officers)."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.forms.agenda import AgendaItemForm
from partnership.selectors import agenda as agenda_select
from partnership.services import agenda as agenda_services
from partnership.services import minutes as minutes_services

from .meeting_pages import agenda_fixed, back_to_meeting, meeting_or_404, refused


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def agenda_item_create(request, pk):
    meeting = meeting_or_404(pk)
    if minutes_services.agenda_is_fixed(meeting.pk):
        return agenda_fixed(request, meeting)
    form = AgendaItemForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.agenda_item_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            return refused(request, meeting, error)
        messages.success(request, "Agenda item added.")
        return back_to_meeting(meeting, "#agenda")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": meeting, "heading": "Add an agenda item"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def agenda_item_edit(request, pk):
    item = scoped_object_or_404(agenda_select.agenda_items(), pk=pk)
    if minutes_services.agenda_is_fixed(item.meeting_id):
        return agenda_fixed(request, item.meeting)
    form = AgendaItemForm(**form_data(request), instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.agenda_item_edit(item=item, **form.cleaned_data)
        except ValidationError as error:
            return refused(request, item.meeting, error)
        messages.success(request, "Agenda item saved.")
        return back_to_meeting(item.meeting, "#agenda")
    return render(request, "partnership/meetings/record_form.html",
                  {"form": form, "meeting": item.meeting, "heading": f"Edit agenda item {item.position}"})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def agenda_item_remove(request, pk):
    """A confirmation page, then the removal. An item with declarations or decisions recorded
    stays: the page says why and offers no button."""
    item = scoped_object_or_404(agenda_select.agenda_items(), pk=pk)
    if request.method == "POST":
        try:
            agenda_services.agenda_item_remove(item=item, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Agenda item {item.position} removed: {item.title}.")
        return back_to_meeting(item.meeting, "#agenda")
    return render(request, "partnership/agenda/remove.html", {
        "item": item, "meeting": item.meeting, "refused": agenda_services.agenda_item_removal_refused(item),
        "keeps_links": agenda_select.agenda_item_has_links(item)})


@require_POST
@permission_required("partnership.manage_meetings")
def agenda_item_move(request, pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    item = scoped_object_or_404(agenda_select.agenda_items(), pk=pk)
    try:
        agenda_services.agenda_item_move(item=item, direction=direction)
    except ValidationError as error:
        return refused(request, item.meeting, error)
    return back_to_meeting(item.meeting, "#agenda")
