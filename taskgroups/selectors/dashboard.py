import datetime as dt

from django.utils import timezone

from partnership.common.counts import panel_figures
from partnership.models import Action

from ..models import Protocol, Site, SiteIssue, Workplan


def dashboard_counts(user) -> dict:
    """The panel's figures through the same scopes as the lists: capped ("more than 99") and
    all in one query (docs/decisions/0011)."""
    today = timezone.localdate()
    workplans = Workplan.objects.visible_to(user)
    return panel_figures({
        "workplans": workplans,
        "workplan_actions_overdue": Action.objects.visible_to(user).overdue(today)
        .filter(workplan_link__priority__theme__workplan__in=workplans),
        "sites_visible": Site.objects.visible_to(user),
        "open_issues": SiteIssue.objects.visible_to(user).unresolved(),
        "protocols_due": Protocol.objects.visible_to(user).review_due_by(today + dt.timedelta(weeks=4)),
    })
