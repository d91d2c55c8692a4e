"""Recording who attended a meeting and who sent apologies (GLA officers); members' replies
before the meeting (from its page, or through the signed link of the reminder email); a body's
attendance over the last year."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.forms.attendance import AttendanceForm
from partnership.models import AttendanceReplyChoice
from partnership.selectors import attendance as attendance_select
from partnership.selectors import bodies as body_select
from partnership.selectors import meetings as meeting_select
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
                          current=attendance_select.attendance_starting_point(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            attendance_services.attendance_record(meeting=meeting, statuses=form.statuses())
        except ValidationError as error:
            return refused(request, meeting, error, anchor="")
        messages.success(request, "Attendance saved.")
        return back_to_meeting(meeting, "#attendance")
    return render(request, "partnership/meetings/record_form.html", {
        "form": form, "meeting": meeting, "heading": "Attendance and apologies",
        "intro": ("Members of the body on the day of the meeting. Anyone not yet recorded starts from "
                  "their reply before the meeting (will attend: present).") if form.people else
                 "This body has no members on the day of the meeting: add members first."})


REPLY_DONE = {AttendanceReplyChoice.ATTENDING: "Thank you: you told us you will attend.",
              AttendanceReplyChoice.APOLOGIES: "Thank you: your apologies are recorded."}


@require_POST
@login_required
def attendance_reply(request, pk):
    """A member's answer from the meeting page."""
    meeting = meeting_or_404(pk)
    if not attendance_select.is_member_on_the_day(meeting, request.user):
        raise Http404
    reply = request.POST.get("reply", "")
    try:
        attendance_services.attendance_reply(meeting=meeting, person=request.user, reply=reply)
    except ValidationError as error:
        return refused(request, meeting, error, anchor="#your-reply")
    messages.success(request, REPLY_DONE[reply])
    return back_to_meeting(meeting, "#your-reply")


@require_http_methods(["GET", "POST"])
def attendance_reply_link(request, token):
    """The signed link of a reminder email: it works without signing in. GET shows what the link
    will record and asks to confirm (mail scanners open links; only the button records);
    POST records it, then shows the confirmation (?done=1). A tampered or expired link gets a
    clear page, never an error."""
    try:
        data = attendance_services.reply_token_read(token)
    except ValidationError as error:
        return render(request, "partnership/attendance/reply_link.html",
                      {"problem": " ".join(error.messages), "expired": error.code == "expired"}, status=400)
    meeting = meeting_select.meeting_or_none(data["meeting_id"])
    person = attendance_select.reply_person(data["person_id"])
    if meeting is None or person is None:
        return render(request, "partnership/attendance/reply_link.html",
                      {"problem": attendance_services.LINK_NOT_VALID}, status=400)
    context = {"meeting": meeting, "person": person, "reply": data["reply"], "token": token,
               "reply_label": AttendanceReplyChoice(data["reply"]).label,
               "open": attendance_services.replies_open(meeting)}
    if request.method == "POST":
        try:
            attendance_services.attendance_reply(meeting=meeting, person=person, reply=data["reply"])
        except ValidationError as error:
            return render(request, "partnership/attendance/reply_link.html",
                          {**context, "problem": " ".join(error.messages)}, status=409)
        return redirect(f"{request.path}?done=1")
    answer = attendance_select.reply_of(meeting, person) if request.GET.get("done") else None
    if answer is not None and answer.reply == data["reply"]:
        context["done"] = REPLY_DONE[data["reply"]]
    elif not context["open"]:
        context["problem"] = attendance_services.REPLY_TOO_LATE
    return render(request, "partnership/attendance/reply_link.html", context)


@require_safe
@login_required
def body_attendance(request, pk):
    """Each current member's attendance at the body's held meetings of the last year (members of
    the body and GLA officers; 404 for others, as the members' side of a body)."""
    body = scoped_object_or_404(body_select.bodies_for_listing(), pk=pk)
    if not body_select.sees_members_side(request.user, body):
        raise Http404
    memberships, meetings_counted = attendance_select.body_attendance(body, now=timezone.now())
    pagination = paginate(request.GET, memberships, noun=("member", "members"))
    return render(request, "partnership/bodies/attendance.html", {
        "body": body, "pagination": pagination, "rows": pagination.page.object_list,
        "meetings_counted": meetings_counted, "year_days": attendance_select.ATTENDANCE_YEAR.days,
    })
