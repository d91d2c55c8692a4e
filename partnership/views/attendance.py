"""Recording who attended a meeting and who sent apologies (GLA officers)."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.forms.attendance import AttendanceForm
from partnership.selectors import attendance as attendance_select
from partnership.services import attendance as attendance_services
from partnership.services import minutes as minutes_services

from .meeting_pages import back_to_meeting, meeting_or_404, refused


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_meetings")
def attendance_record(request, pk):
    meeting = meeting_or_404(pk)
    # Back to the top of the meeting page, not #attendance far below: the refusal is shown there.
    if minutes_services.attendance_is_fixed(meeting.pk):
        return refused(request, meeting, ValidationError(minutes_services.ATTENDANCE_IS_FIXED), anchor="")
    form = AttendanceForm(**form_data(request), people=attendance_select.expected_people(meeting),
                          current=attendance_select.attendance_statuses(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            attendance_services.attendance_record(meeting=meeting, statuses=form.statuses())
        except ValidationError as error:
            return refused(request, meeting, error, anchor="")
        messages.success(request, "Attendance saved.")
        return back_to_meeting(meeting, "#attendance")
    return render(request, "partnership/meetings/record_form.html", {
        "form": form, "meeting": meeting, "heading": "Attendance and apologies",
        "intro": "Members of the body on the day of the meeting." if form.people else
                 "This body has no members on the day of the meeting: add members first."})
