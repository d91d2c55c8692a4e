"""Reads of workplans: always from Workplan.objects.visible_to(user), with a fixed number of
queries however many themes, priorities and actions a plan has."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from partnership.models import ActionStatus, Organisation

from ..models import Priority, Theme, Workplan, WorkplanAction
from ..progress import PriorityProgress, Progress, ThemeProgress, WorkplanProgress


def workplans_for_user(user):
    return Workplan.objects.visible_to(user).for_listing()


def workplan_actions(workplan):
    """The workplan's actions in plan order, each with its action, priority and theme."""
    return (WorkplanAction.objects.filter(priority__theme__workplan=workplan)
            .select_related("action", "action__owner_user", "action__owner_organisation", "priority__theme")
            .prefetch_related(Prefetch("partners", queryset=Organisation.objects.order_by("name")))
            .order_by("priority__theme__number", "priority__position", "position"))


def workplan_actions_for_export(workplan):
    return workplan_actions(workplan)


def bucket_filters(today) -> dict[str, Q]:
    """The Q of each progress bucket over WorkplanAction rows (see taskgroups.progress)."""
    live = Q(action__status__in=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
    late = Q(action__due_on__lt=today)
    return {
        "done": Q(action__status=ActionStatus.DONE),
        "overdue": live & late,
        "in_progress": Q(action__status=ActionStatus.IN_PROGRESS) & ~late,
        "not_started": Q(action__status=ActionStatus.OPEN) & ~late,
        "dropped": Q(action__status=ActionStatus.DROPPED),
    }


def workplan_progress(workplan, today=None) -> WorkplanProgress:
    """Counts per priority in one grouped query; themes and the plan add them up."""
    today = today or timezone.localdate()
    counts = {row["priority_id"]: row for row in (
        WorkplanAction.objects.filter(priority__theme__workplan=workplan).order_by().values("priority_id")
        .annotate(**{name: Count("pk", filter=q) for name, q in bucket_filters(today).items()}))}
    themes = (Theme.objects.filter(workplan=workplan).order_by("number")
              .prefetch_related(Prefetch("priorities", queryset=Priority.objects.order_by("position"))))
    result = WorkplanProgress(themes=[])
    for theme in themes:
        theme_progress = ThemeProgress(theme=theme)
        for priority in theme.priorities.all():
            priority.theme = theme  # so priority.number needs no query
            row = counts.get(priority.pk, {})
            progress = Progress(**{name: row.get(name, 0) for name in
                                   ("done", "in_progress", "not_started", "overdue", "dropped")})
            theme_progress.priorities.append(PriorityProgress(priority, progress))
            theme_progress.progress.add(progress)
        result.themes.append(theme_progress)
        result.progress.add(theme_progress.progress)
    return result


def workplan_partners(workplan):
    return (Organisation.objects.filter(workplan_actions__priority__theme__workplan=workplan)
            .distinct().order_by("name"))


def workplans_with_counts(user):
    return (workplans_for_user(user)
            .annotate(action_count=Count("themes__priorities__workplan_actions", distinct=True))
            .order_by("-first_year", "title", "pk"))


def latest_workplan_of(body, user):
    """The body's current plan for the task-group page: approved first, then the newest."""
    return (workplans_for_user(user).filter(owner_body=body).exclude(status="superseded")
            .order_by("-first_year", "-pk").first())


def workplan_theme_count(workplan) -> int:
    return workplan.themes.count()
