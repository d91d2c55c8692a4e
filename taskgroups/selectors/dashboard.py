import datetime as dt

from django.utils import timezone

from partnership.models import Action

from ..models import Protocol, Site, SiteIssue, Workplan


def dashboard_counts(user) -> dict:
    today = timezone.localdate()
    workplans = Workplan.objects.visible_to(user)
    return {
        "workplans": workplans.count(),
        "workplan_actions_overdue": Action.objects.visible_to(user).overdue(today)
        .filter(workplan_link__priority__theme__workplan__in=workplans).count(),
        "sites_visible": Site.objects.visible_to(user).exists(),
        "open_issues": SiteIssue.objects.visible_to(user).unresolved().count(),
        "protocols_due": Protocol.objects.visible_to(user).review_due_by(today + dt.timedelta(weeks=4)).count(),
    }
