"""Dashboard panels this app offers (see lsmp.dashboard)."""

from django.urls import reverse


def panels(user):
    rows = [("Email", user.email, None)]
    if user.is_gla_officer:
        rows.append(("Role", "GLA officer", None))
        rows.append(("People", "Invite a user", reverse("partnership:invite")))
    if user.borough is not None:
        rows.append(("Role", f"Borough officer, {user.borough}", None))
    return [{"title": "Your account", "rows": rows}]


# Upcoming meetings of the bodies the user may see in full (issue 3).
UPCOMING_MEETINGS_SHOWN = 5


def _meetings_panel(user):
    from partnership.selectors.meetings import meetings_in_personal_feed, upcoming_meetings

    meetings = list(upcoming_meetings(meetings_in_personal_feed(user))[:UPCOMING_MEETINGS_SHOWN])
    rows = [(_when(meeting),
             f"{meeting.body.short_name}: {meeting.display_title}"
             + (f" ({meeting.get_status_display().lower()})" if meeting.status != "scheduled" else ""),
             reverse("partnership:meeting_detail", args=[meeting.pk])) for meeting in meetings]
    if not rows:
        rows.append(("Meetings", "No upcoming meetings", None))
    rows.append(("All", "Your meetings and calendar feed", reverse("partnership:my_meetings")))
    return {"title": "Your upcoming meetings", "rows": rows}


def _when(meeting):
    from django.utils import timezone

    return f"{timezone.localtime(meeting.starts_at):%a %d %b %Y, %H:%M}"


_account_panels = panels


def panels(user):  # noqa: F811 - extends the account panel above
    return _account_panels(user) + [_meetings_panel(user)]
