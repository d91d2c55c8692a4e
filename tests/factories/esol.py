import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from esol.models import (
    BoroughEsolContacts,
    CaseStudy,
    EsolRole,
    MonitoringReturn,
    Project,
    Provision,
    ReturnStatus,
    Round,
    RoundFunding,
)
from funding.models import LineDirection
from partnership.models import OrganisationKind
from tests.factories.funding import LineFactory, SignedDecisionFactory
from tests.factories.partnership import BoroughFactory, OrganisationFactory, UserFactory


def spending_line(amount="100000.00", **kwargs):
    """An expenditure line of a signed decision, from a GLA budget: money a round may use."""
    decision = kwargs.pop("decision", None) or SignedDecisionFactory()
    return LineFactory(decision=decision, direction=LineDirection.EXPENDITURE, amount=Decimal(amount),
                       source_organisation=None, source_budget="Social Integration budget",
                       purpose=kwargs.pop("purpose", "ESOL Plus"), **kwargs)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    name = factory.Sequence(lambda n: f"ESOL Plus round {n}")
    purpose = "Innovative pilot projects for learners whose needs mainstream provision struggles to meet."
    barriers = "Childcare responsibilities"
    budget = None


def funded_round(budget="100000.00", line=None, **kwargs) -> Round:
    """A round whose whole budget comes from one decision line (a new one unless given)."""
    round_ = RoundFactory(budget=Decimal(budget), **kwargs)
    RoundFunding.objects.create(round=round_, line=line or spending_line(budget), amount=Decimal(budget))
    return round_


class GranteeFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Community learning charity {n}")
    kind = OrganisationKind.EDUCATION


def grantee_contact(organisation, **kwargs):
    user = UserFactory(organisation=organisation, **kwargs)
    user.groups.add(Group.objects.get_or_create(name=EsolRole.GRANTEE_CONTACT)[0])
    return user


def provider_user(organisation, **kwargs):
    user = UserFactory(organisation=organisation, **kwargs)
    user.groups.add(Group.objects.get_or_create(name=EsolRole.PROVIDER)[0])
    return user


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    round = factory.LazyFunction(lambda: funded_round("500000.00"))
    title = factory.Sequence(lambda n: f"ESOL with a crèche {n}")
    lead_organisation = factory.SubFactory(GranteeFactory)
    grant_awarded = Decimal("40000.00")
    starts_on = dt.date(2026, 4, 1)
    ends_on = dt.date(2027, 3, 31)
    target_enrolled = 100
    target_completed = 80
    target_progressed = 40
    target_learning_hours = 2000

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            self.reporting_contacts.add(*extracted)


class ReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringReturn

    project = factory.SubFactory(ProjectFactory)
    period_start = dt.date(2026, 4, 1)
    period_end = dt.date(2026, 6, 30)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=20))


def answered(**kwargs):
    """The answers of a complete return (every figure and its progress)."""
    return {"learners_enrolled": 30, "learners_completed": 20, "learners_progressed": 10, "learning_hours": 600,
            "spend": Decimal("10000.00"), "progress": "Two classes ran with a crèche on site.", **kwargs}


def submitted_return(**kwargs) -> MonitoringReturn:
    values = answered()
    values.update(kwargs)
    return ReturnFactory(status=values.pop("status", ReturnStatus.SUBMITTED),
                         submitted_at=values.pop("submitted_at", timezone.now()), **values)


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudy

    monitoring_return = factory.SubFactory(ReturnFactory)
    title = "From Entry 1 to a first job"
    story = "A mother of two joined the crèche class and now volunteers at the school."


class ProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provision

    provider = factory.SubFactory(GranteeFactory)
    course_title = factory.Sequence(lambda n: f"ESOL for parents {n}")
    borough = factory.SubFactory(BoroughFactory)
    level_entry_1 = True
    daytime = True
    last_checked_on = factory.LazyFunction(timezone.localdate)


class BoroughContactsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoroughEsolContacts

    borough = factory.SubFactory(BoroughFactory)
    spoc_name = "Adult Learning ESOL advice team"
    spoc_email = "esol-advice@example.org"
    network_name = "Borough ESOL network"
