"""The task groups panel of the dashboard: counts through the same scopes as the lists."""

from django.urls import reverse

from .selectors.dashboard import dashboard_counts


def _plural(count, one, many):
    return f"{count} {one if count == 1 else many}"


def panels(user):
    if not user.is_authenticated:
        return []
    counts = dashboard_counts(user)
    if not counts["workplans"] and not counts["sites_visible"] and not counts["protocols_due"]:
        return []
    rows = [("Workplans", _plural(counts["workplans"], "workplan", "workplans"), reverse("taskgroups:workplan_list")),
            ("Workplan actions overdue", _plural(counts["workplan_actions_overdue"], "action", "actions"),
             reverse("partnership:action_list"))]
    if counts["sites_visible"]:
        rows.append(("Open issues at sites", _plural(counts["open_issues"], "issue", "issues"),
                     reverse("taskgroups:site_list")))
    rows.append(("Protocols due for review in 4 weeks", _plural(counts["protocols_due"], "protocol", "protocols"),
                 reverse("taskgroups:protocol_list")))
    return [{"title": "Task groups and workplans", "rows": rows}]
