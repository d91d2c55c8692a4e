"""The issue log of a site: recording an issue, dated updates, and its status, moved only along
the transitions of ISSUE_STATUS. No personal data about residents is ever asked for."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.common.status_machine import StatusMachine, Transition
from partnership.models import Organisation, User

from ..models import IssueStatus, Site, SiteIssue, SiteIssueUpdate

S = IssueStatus
# Sides: "watcher" is anyone who may see the site (GLA officers and members of the task groups
# that follow it); "officer" is a GLA officer only.
WATCHER, OFFICER = "watcher", "officer"

ISSUE_STATUS = StatusMachine([
    Transition(S.OPEN, S.ESCALATED_HOME_OFFICE, WATCHER, "Escalate to the Home Office", note_required=True),
    Transition(S.OPEN, S.ESCALATED_PROVIDER, WATCHER, "Escalate to the provider", note_required=True),
    Transition(S.OPEN, S.RESOLVED, WATCHER, "Mark as resolved", note_required=True),
    Transition(S.ESCALATED_PROVIDER, S.ESCALATED_HOME_OFFICE, WATCHER, "Escalate to the Home Office",
               note_required=True),
    Transition(S.ESCALATED_HOME_OFFICE, S.RESOLVED, WATCHER, "Mark as resolved", note_required=True),
    Transition(S.ESCALATED_PROVIDER, S.RESOLVED, WATCHER, "Mark as resolved", note_required=True),
    # Reopening says an officer's judgement was wrong: the Migration Team's call, with a reason.
    Transition(S.RESOLVED, S.OPEN, OFFICER, "Reopen the issue", note_required=True),
])


def may_watch(*, site: Site, user: User) -> bool:
    return Site.objects.visible_to(user).filter(pk=site.pk).exists()


def _may_make(transition: Transition, *, user: User, watching: bool) -> bool:
    return user.is_gla_officer if transition.side == OFFICER else watching


def transitions_available(*, issue: SiteIssue, user: User) -> list[Transition]:
    watching = may_watch(site=issue.site, user=user)
    return [t for t in ISSUE_STATUS.from_status(issue.status) if _may_make(t, user=user, watching=watching)]


def _check_raised_on(raised_on: dt.date) -> None:
    if raised_on > timezone.localdate():
        raise ValidationError({"raised_on": "The date raised must be today or in the past"})


@transaction.atomic
def site_issue_record(*, site: Site, by: User, summary: str, description: str, category: str, raised_on: dt.date,
                      raised_by: Organisation, severity: str, people_affected: int | None = None) -> SiteIssue:
    if not may_watch(site=site, user=by):
        raise PermissionDenied("Only GLA officers and the members of the task groups that follow this site "
                               "record its issues.")
    _check_raised_on(raised_on)
    issue = SiteIssue(site=site, summary=summary.strip(), description=description.strip(), category=category,
                      raised_on=raised_on, raised_by=raised_by, severity=severity, people_affected=people_affected,
                      recorded_by=by)
    issue.full_clean(exclude=["site", "raised_by", "recorded_by"])
    issue.save()
    return issue


@transaction.atomic
def site_issue_update(*, issue: SiteIssue, by: User, note: str, to_status: str = "",
                      on: dt.date | None = None) -> SiteIssueUpdate:
    """A dated note, moving the issue along one transition when to_status is given."""
    issue = SiteIssue.objects.select_for_update(of=("self",)).select_related("site").get(pk=issue.pk)
    watching = may_watch(site=issue.site, user=by)
    if not watching and not by.is_gla_officer:
        raise PermissionDenied("You cannot update this issue.")
    note = note.strip()
    from_status = ""
    if to_status and to_status != issue.status:
        transition = ISSUE_STATUS.check(issue.status, to_status, message=(
            f"An issue that is {issue.get_status_display().lower()} cannot become "
            f"{IssueStatus(to_status).label.lower() if to_status in S.values else to_status}."))
        if not _may_make(transition, user=by, watching=watching):
            raise ValidationError("Only a GLA officer can make this change.")
        if transition.note_required and not note:
            raise ValidationError({"note": "Say what happened"})
        from_status = issue.status
        issue.status = to_status
        issue.resolved_on = (on or timezone.localdate()) if to_status == S.RESOLVED else None
        issue.save(update_fields=["status", "resolved_on"])
    elif not note:
        raise ValidationError({"note": "Enter the update"})
    return SiteIssueUpdate.objects.create(issue=issue, written_by=by, note=note, from_status=from_status,
                                          to_status=to_status if from_status else "")


@transaction.atomic
def site_save(*, by: User, site: Site | None = None, task_groups=(), **values) -> Site:
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers record sites.")
    site = site or Site()
    for key, value in values.items():
        setattr(site, key, value)
    if not site.borough.is_borough:
        raise ValidationError({"borough": "Choose a London borough"})
    if any(not group.covers_accommodation_sites for group in task_groups):
        raise ValidationError({"task_groups": "Choose accommodation task groups only"})
    site.full_clean()
    site.save()
    site.task_groups.set(task_groups)
    return site
