"""The dashboard's actions panel: the user's own open and overdue actions (scoped), and all
of them for GLA officers."""

from django.urls import reverse

from partnership.selectors.actions import action_counts


def actions_panel(user):
    counts = action_counts(user)
    rows = [("Your open actions", counts["mine_open"], reverse("partnership:my_actions")),
            ("Your overdue actions", counts["mine_overdue"], reverse("partnership:my_actions"))]
    if "all_open" in counts:
        rows.append(("All open actions", counts["all_open"], reverse("partnership:action_list") + "?status=open"))
        rows.append(("All overdue actions", counts["all_overdue"],
                     reverse("partnership:action_list") + "?overdue=yes"))
    return {"title": "Actions", "rows": rows}
