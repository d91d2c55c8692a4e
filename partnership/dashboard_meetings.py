"""The dashboard's "Your upcoming meetings" panel: meetings of the bodies the user may see in
full (GLA officers: every body), the same scope as "Your meetings" and the personal feed."""

from django.urls import reverse
from django.utils import dateformat, timezone

from partnership.models import MeetingStatus
from partnership.selectors.meetings import meetings_in_personal_feed, upcoming_meetings

UPCOMING_MEETINGS_SHOWN = 5


def _row(meeting):
    status = "" if meeting.status == MeetingStatus.SCHEDULED else f" ({meeting.get_status_display().lower()})"
    # As in the calendar: "Wed 3 Feb 2027, 10:00" (no leading zero on the day).
    return (dateformat.format(timezone.localtime(meeting.starts_at), "D j M Y, H:i"),
            f"{meeting.body.short_name}: {meeting.display_title}{status}",
            reverse("partnership:meeting_detail", args=[meeting.pk]))


def meetings_panel(user) -> dict:
    rows = [_row(meeting) for meeting in upcoming_meetings(meetings_in_personal_feed(user))[:UPCOMING_MEETINGS_SHOWN]]
    if not rows:
        rows.append(("Meetings", "No upcoming meetings", None))
    rows.append(("All", "Your meetings and calendar feed", reverse("partnership:my_meetings")))
    return {"title": "Your upcoming meetings", "rows": rows}
