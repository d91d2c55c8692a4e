"""Reads of sites and their issue logs: always from Site.objects.visible_to(user)."""

from django.db.models import Count, Prefetch, Q

from ..models import UNRESOLVED_STATUSES, Site, SiteIssue, SiteIssueUpdate, TaskGroup


def sites_for_user(user):
    return (Site.objects.visible_to(user).for_listing()
            .annotate(open_issues=Count("issues", filter=Q(issues__status__in=UNRESOLVED_STATUSES)))
            .order_by("name", "pk"))


def site_for_page(user):
    return Site.objects.visible_to(user).for_listing().prefetch_related(
        Prefetch("task_groups", queryset=TaskGroup.objects.select_related("body")))


def site_issues(site):
    return SiteIssue.objects.filter(site=site).select_related("raised_by").order_by("-raised_on", "-pk")


def issues_for_user(user):
    return SiteIssue.objects.visible_to(user).for_listing()


def issue_updates(issue):
    return SiteIssueUpdate.objects.filter(issue=issue).select_related("written_by").order_by("-written_at", "-pk")


def may_see_sites(user) -> bool:
    """GLA officers, and current members of an accommodation task group."""
    if not user.is_authenticated:
        return False
    return user.is_gla_officer or TaskGroup.objects.filter(
        covers_accommodation_sites=True, body_id__in=user.current_body_ids).exists()
