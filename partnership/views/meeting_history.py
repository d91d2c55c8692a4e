"""The history of changes to a meeting and its minutes (GLA officers)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnership.common.access import permission_required
from partnership.selectors.meetings import meeting_changes

from .meeting_pages import meeting_or_404


@require_safe
@permission_required("partnership.view_meeting_history")
def meeting_history(request, pk):
    meeting = meeting_or_404(pk)
    return render(request, "partnership/meetings/history.html", {"meeting": meeting, **meeting_changes(meeting)})
