"""Reads for task groups. A task group's page is public, as a body's is; each section on it is
read through its own scope (members, workplan, sites, protocols)."""

from django.urls import reverse
from django.utils import timezone

from partnership.common.bounded import bounded
from partnership.selectors.bodies import body_members, sees_members_side
from partnership.selectors.meetings import upcoming_meetings

from ..models import Protocol, SiteIssue, TaskGroup
from .workplans import latest_workplan_of, workplan_progress

PROTOCOL_REVIEW_HORIZON_DAYS = 90
# The task group's page shows this many members, then links to its body's page, which pages them.
MEMBERS_SHOWN = 20


def task_groups_for_listing():
    return TaskGroup.objects.for_listing().order_by("body__name", "pk")


def task_group_page(task_group, user) -> dict:
    body = task_group.body
    today = timezone.localdate()
    members_side = sees_members_side(user, body)
    workplan = latest_workplan_of(body, user)
    return {
        "members": (bounded(body_members(body), MEMBERS_SHOWN,
                            more_url=reverse("partnership:body_detail", args=[body.pk]) + "#members")
                    if (members_side or body.membership_is_public) else None),
        "next_meeting": upcoming_meetings().filter(body=body, status="scheduled").first(),
        "workplan": workplan,
        "workplan_progress": workplan_progress(workplan, today) if workplan else None,
        "open_issues": (SiteIssue.objects.visible_to(user).unresolved().filter(site__task_groups=task_group)
                        .for_listing().order_by("-raised_on", "-pk")[:10]
                        if task_group.covers_accommodation_sites else None),
        "protocols_due": (Protocol.objects.visible_to(user).for_listing().filter(owner_body=body)
                          .review_due_by(today + timezone.timedelta(days=PROTOCOL_REVIEW_HORIZON_DAYS))
                          .order_by("review_on")[:10]),
    }
