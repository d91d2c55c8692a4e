"""The demo: the three task groups of seed 000, London Enriched Year 2 loaded through the import,
sites marked as demo, the move-on protocol; a second run changes nothing."""

import io

import pytest
from django.core.management import call_command

from partnership.models import Action, Meeting, Membership, OrganisationKind, Paper
from taskgroups.models import Protocol, Site, SiteIssue, TaskGroup, Workplan, WorkplanAction

pytestmark = pytest.mark.django_db


def _counts():
    return (TaskGroup.objects.count(), Meeting.objects.count(), Paper.objects.count(), Action.objects.count(),
            WorkplanAction.objects.count(), Site.objects.count(), SiteIssue.objects.count(),
            Protocol.objects.count(), Membership.objects.count())


def test_demo_task_groups_workplan_sites_and_protocol():
    call_command("seed_demo", stdout=io.StringIO())
    groups = list(TaskGroup.objects.select_related("body", "reports_to").order_by("body__name"))
    assert len(groups) == 3
    assert all(group.reports_to.short_name == "LSMP" for group in groups)
    assert {group.covers_accommodation_sites for group in groups} == {True, False}
    move_on = next(group for group in groups if group.focus_area == "move_on")
    assert move_on.remit.startswith("Establish and review processes and protocols to enable a smooth transition")
    for group in groups:
        kinds = set(Membership.objects.filter(body=group.body).values_list("organisation__kind", flat=True))
        assert len(kinds) >= 3, (group, kinds)
        assert group.body.meetings.filter(status="held").count() == 4
        assert group.body.meetings.filter(status="scheduled").count() == 1
        assert Paper.objects.filter(body=group.body).count() >= 4
    health_kinds = set(Membership.objects.filter(body__task_group__focus_area="healthcare")
                       .values_list("organisation__kind", flat=True))
    assert {OrganisationKind.HEALTH, OrganisationKind.BUSINESS} <= health_kinds

    workplan = Workplan.objects.get(title="London Enriched Year 2 Implementation Plan")
    assert workplan.themes.count() == 8
    assert WorkplanAction.objects.filter(priority__theme__workplan=workplan).count() == 52
    assert Action.objects.filter(workplan_link__priority__theme__workplan=workplan, status="done").count() == 25
    assert all(site.is_demo and site.name.startswith("Demo") for site in Site.objects.all())
    assert Protocol.objects.get().document.body == move_on.body

    before = _counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert _counts() == before
