"""Dashboard panels this app offers (see lsmp.dashboard)."""

from django.urls import reverse

from partnership.dashboard_enquiries import enquiry_panels


def panels(user):
    rows = [("Email", user.email, None)]
    if user.is_gla_officer:
        rows.append(("Role", "GLA officer", None))
        rows.append(("People", "Invite a user", reverse("partnership:invite")))
    if user.borough is not None:
        rows.append(("Role", f"Borough officer, {user.borough}", None))
    return [{"title": "Your account", "rows": rows}] + enquiry_panels(user)
