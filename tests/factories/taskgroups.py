import datetime as dt

import factory

from partnership.models import BodyKind
from taskgroups.models import (
    CapacityBand,
    FocusArea,
    IssueCategory,
    IssueSeverity,
    Priority,
    Protocol,
    Site,
    SiteIssue,
    SiteKind,
    TaskGroup,
    Theme,
    Workplan,
    WorkplanAction,
)
from tests.factories.partnership import ActionFactory, BodyFactory, BoroughFactory, OrganisationFactory


class TaskGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskGroup

    body = factory.SubFactory(BodyFactory, kind=BodyKind.TASK_GROUP)
    remit = "Establish and review processes and protocols."
    focus_area = FocusArea.MOVE_ON
    convened_on = dt.date(2022, 4, 1)
    reports_to = factory.SubFactory(BodyFactory, name="London Strategic Migration Partnership board",
                                    short_name="LSMP", kind=BodyKind.BOARD)


class WorkplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplan

    owner_body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Workplan {n}")
    first_year = 2024
    last_year = 2024


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    workplan = factory.SubFactory(WorkplanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Theme {n}")
    core_objective = "Ensure access."


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    theme = factory.SubFactory(ThemeFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")
    year_objective = "Improve access."


class WorkplanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkplanAction

    priority = factory.SubFactory(PriorityFactory)
    action = factory.SubFactory(ActionFactory, body=factory.SelfAttribute("..priority.theme.workplan.owner_body"))
    position = factory.Sequence(lambda n: n + 1)
    deadline_text = "by September 2024"


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Demo hotel {n}")
    borough = factory.SubFactory(BoroughFactory)
    provider = factory.SubFactory(OrganisationFactory, name="Clearsprings Ready Homes")
    kind = SiteKind.CONTINGENCY_HOTEL
    capacity_band = CapacityBand.FROM_100

    @factory.post_generation
    def task_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.task_groups.set(extracted)


class SiteIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteIssue

    site = factory.SubFactory(SiteFactory)
    summary = factory.Sequence(lambda n: f"GP registration delays {n}")
    description = "Residents wait weeks to register with a GP."
    category = IssueCategory.HEALTHCARE_ACCESS
    raised_by = factory.SubFactory(OrganisationFactory, name="Doctors of the World")
    severity = IssueSeverity.MEDIUM


class ProtocolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Protocol

    title = factory.Sequence(lambda n: f"Move-on protocol {n}")
    owner_body = factory.SubFactory(BodyFactory)
    version = "1.0"
    agreed_on = dt.date(2024, 1, 10)
    review_on = dt.date(2025, 1, 10)
