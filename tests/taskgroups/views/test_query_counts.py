"""Lists keep the same number of queries for 5 rows and for 50."""

import pytest

from tests.factories.partnership import MeetingFactory
from tests.factories.taskgroups import (
    PriorityFactory,
    ProtocolFactory,
    SiteFactory,
    SiteIssueFactory,
    TaskGroupFactory,
    WorkplanActionFactory,
    WorkplanFactory,
)
from tests.support.queries import assert_flat_query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(world, client_for):
    return client_for(world.users["gla_officer"])


def test_workplan_page(officer_client, world):
    workplan = WorkplanFactory(owner_body=world.mrap)
    MeetingFactory(body=world.mrap)

    def make(n):
        for _ in range(n):
            WorkplanActionFactory(priority=PriorityFactory(theme__workplan=workplan))

    assert_flat_query_count(officer_client, f"/task-groups/workplans/{workplan.pk}/", make)


def test_workplan_list(officer_client, world):
    assert_flat_query_count(officer_client, "/task-groups/workplans/",
                            lambda n: [WorkplanActionFactory(priority__theme__workplan__owner_body=world.mrap)
                                       for _ in range(n)])


def test_site_list_and_site_page(officer_client, world):
    group = TaskGroupFactory(covers_accommodation_sites=True)
    assert_flat_query_count(officer_client, "/task-groups/sites/",
                            lambda n: [SiteIssueFactory(site=SiteFactory(task_groups=[group])) for _ in range(n)])
    site = SiteFactory(task_groups=[group])
    assert_flat_query_count(officer_client, f"/task-groups/sites/{site.pk}/",
                            lambda n: [SiteIssueFactory(site=site) for _ in range(n)])


def test_task_group_list_and_protocols(officer_client, world):
    assert_flat_query_count(officer_client, "/task-groups/", lambda n: [TaskGroupFactory() for _ in range(n)])
    assert_flat_query_count(officer_client, "/task-groups/protocols/",
                            lambda n: [ProtocolFactory(lead_officer=world.users["gla_officer"]) for _ in range(n)])
