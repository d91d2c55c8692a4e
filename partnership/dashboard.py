"""Dashboard panels this app offers (see lsmp.dashboard): one module per panel."""

from django.urls import reverse

from partnership.dashboard_actions import actions_panel
from partnership.dashboard_meetings import meetings_panel
from partnership.enquiries.dashboard import enquiry_panels
from partnership.notifications.dashboard import email_rows


def account_panel(user):
    rows = [("Email", user.email, None)]
    if user.is_gla_officer:
        rows.append(("Role", "GLA officer", None))
        rows.append(("People", "Invite a user", reverse("partnership:invite")))
    if user.borough is not None:
        rows.append(("Role", f"Borough officer, {user.borough}", None))
    rows.extend(email_rows(user))
    return {"title": "Your account", "rows": rows}


def panels(user):
    return [account_panel(user), meetings_panel(user), actions_panel(user), *enquiry_panels(user)]
