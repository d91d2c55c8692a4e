"""The history of changes to a meeting and its minutes (GLA officers)."""

import datetime as dt

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from partnership.common.access import permission_required
from partnership.models import Minutes

from .meeting_pages import meeting_or_404

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
    meeting = meeting_or_404(pk)
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
