import datetime as dt

import factory
from django.utils import timezone

from partnership.models import OrganisationKind
from resettlement.models import Access, Arrival, OfferStatus, OfferTransition, PropertySize, ResettlementOffer, Scheme
from tests.factories.partnership import BoroughFactory, OrganisationFactory, UserFactory


class SponsorshipGroupFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Community Sponsors {n}")
    kind = OrganisationKind.SPONSORSHIP_GROUP


class OfferFactory(factory.django.DjangoModelFactory):
    """An offer in any status (set status=...); use services to test how statuses change."""

    class Meta:
        model = ResettlementOffer

    borough = factory.SubFactory(BoroughFactory)
    scheme = Scheme.UK_RESETTLEMENT
    financial_year = 2026
    households_offered = 2
    people_offered = 7
    properties_offered = 2
    property_size = PropertySize.THREE_BED
    access = Access.NONE
    available_from = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    support_caseworker = True
    support_esol_places = 3
    created_by = factory.SubFactory(UserFactory)
    status = OfferStatus.SUBMITTED


class SponsorshipOfferFactory(OfferFactory):
    sponsorship_group = factory.SubFactory(SponsorshipGroupFactory)
    scheme = Scheme.COMMUNITY_SPONSORSHIP
    borough_consent_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=10))


class OfferTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferTransition

    offer = factory.SubFactory(OfferFactory)
    from_status = OfferStatus.DRAFT
    to_status = OfferStatus.SUBMITTED
    by = factory.SubFactory(UserFactory)


class ArrivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arrival

    offer = factory.SubFactory(OfferFactory, status=OfferStatus.ARRIVED)
    arrived_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    household_size = 4
    recorded_by = factory.SubFactory(UserFactory)
