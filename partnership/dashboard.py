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


# Papers and actions: the user's own open and overdue actions (scoped), and all for GLA officers.
_account_panels = panels


def panels(user):  # noqa: F811 - extends the account panel above
    from partnership.selectors.actions import action_counts

    counts = action_counts(user)
    rows = [("Your open actions", counts["mine_open"], reverse("partnership:my_actions")),
            ("Your overdue actions", counts["mine_overdue"], reverse("partnership:my_actions"))]
    if "all_open" in counts:
        rows.append(("All open actions", counts["all_open"], reverse("partnership:action_list") + "?status=open"))
        rows.append(("All overdue actions", counts["all_overdue"],
                     reverse("partnership:action_list") + "?overdue=yes"))
    return [*_account_panels(user), {"title": "Actions", "rows": rows}]
