"""The partnership's dashboard panels (see lsmp.dashboard): the user's account, their upcoming
meetings (the same scope as "Your meetings" and the personal feed), their actions (scoped; all of
them for GLA officers), the enquiry queue and email delivery."""

from django.urls import reverse
from django.utils import dateformat, timezone

from partnership.common.counts import counted, todo
from partnership.enquiries.dashboard import enquiry_panels
from partnership.models import MeetingStatus
from partnership.notifications.dashboard import email_parts
from partnership.selectors.actions import action_counts
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


def actions_panel(user):
    counts = action_counts(user)
    actions = reverse("partnership:action_list")
    # The actions list filtered to this person's overdue ones (its owner filter names people "u<id>").
    mine_overdue = f"{actions}?owner=u{user.pk}&overdue=yes"
    rows = [("Your open actions", counted(counts["mine_open"], "open action"), reverse("partnership:my_actions")),
            ("Your overdue actions", counted(counts["mine_overdue"], "overdue action"), mine_overdue)]
    if "all_open" in counts:
        rows.append(("All open actions", counted(counts["all_open"], "open action"), f"{actions}?status=open"))
        rows.append(("All overdue actions", counted(counts["all_overdue"], "overdue action"),
                     f"{actions}?overdue=yes"))
    return {"title": "Actions", "rows": rows,
            "todo": [todo(counts["mine_overdue"], "overdue action you own", "overdue actions you own",
                          mine_overdue)]}


def account_panel(user):
    email_rows, email_todo = email_parts(user)
    rows = [("Email", user.email, None)]
    if user.is_gla_officer:
        rows.append(("Role", "GLA officer", None))
        rows.append(("People", "Invite a user", reverse("partnership:invite")))
    if user.borough is not None:
        rows.append(("Role", f"Borough officer, {user.borough}", None))
    rows.extend(email_rows)
    return {"title": "Your account", "rows": rows, "todo": email_todo}


def panels(user):
    return [account_panel(user), meetings_panel(user), actions_panel(user), *enquiry_panels(user)]
