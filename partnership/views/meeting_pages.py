"""What the pages about one meeting's record share: finding the meeting in scope, going back to
the meeting page (saying why, when a service refused the change), and the link to the action
list filtered to a meeting's or a body's actions."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from partnership.common.access import scoped_object_or_404
from partnership.selectors import meetings as select
from partnership.services import minutes as minutes_services


def meeting_or_404(pk):
    return scoped_object_or_404(select.meetings_for_listing(), pk=pk)


def action_list_url(**filters) -> str:
    """The action list with these filters (meeting=…, or body=… and still_open="yes")."""
    return f"{reverse('partnership:action_list')}?{urlencode(filters)}"


def back_to_meeting(meeting, anchor=""):
    return redirect(reverse("partnership:meeting_detail", args=[meeting.pk]) + anchor)


def refused(request, meeting, error, anchor="#agenda"):
    """A change the service refused (approved minutes fix the agenda and attendance): back to the meeting,
    saying why."""
    messages.error(request, " ".join(error.messages))
    return back_to_meeting(meeting, anchor)


def agenda_fixed(request, meeting, anchor="#agenda"):
    """The form pages of a fixed agenda are not offered at all, as minutes_edit does for approved minutes."""
    return refused(request, meeting, ValidationError(minutes_services.AGENDA_IS_FIXED), anchor)
