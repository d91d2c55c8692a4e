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



# Issue 3 adds the upcoming-meetings panel after the account panel (kept as an append, so
# other areas can extend panels() the same way without touching the lines above).
_account_panels = panels


def panels(user):  # noqa: F811
    from partnership.dashboard_meetings import meetings_panel

    return _account_panels(user) + [meetings_panel(user)]
