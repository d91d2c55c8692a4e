"""Lists, figures, exports and the dashboard keep the same number of queries for 5 offers and
for 50, for the GLA and for a borough officer."""

import pytest
from django.urls import reverse

from resettlement.models import OfferStatus
from tests.factories.partnership import BoroughFactory
from tests.factories.resettlement import ArrivalFactory, OfferFactory, SponsorshipOfferFactory
from tests.support.queries import assert_flat_query_count

STATUSES = OfferStatus.values


def _maker(world, role):
    other_boroughs = [BoroughFactory() for _ in range(3)]

    def make_rows(n):
        for index in range(n):
            borough = world.camden if role == "borough_a" or index % 2 else other_boroughs[index % 3]
            status = STATUSES[index % len(STATUSES)]
            factory = SponsorshipOfferFactory if index % 5 == 0 else OfferFactory
            offer = factory(borough=borough, status=status, financial_year=2025 + index % 2,
                            scheme="afghan" if index % 3 == 0 and factory is OfferFactory else factory.scheme)
            if status in (OfferStatus.ARRIVED, OfferStatus.CLOSED):
                ArrivalFactory(offer=offer)

    return make_rows


PAGES = ["resettlement:offer_list", "resettlement:figures", "resettlement:offer_list_export",
         "resettlement:figures_export", "dashboard"]
CASES = ([(url, "gla_officer") for url in PAGES] + [(url, "borough_a") for url in PAGES]
         + [("resettlement:sponsorship_group_list", "gla_officer")])


@pytest.mark.parametrize(("url", "role"), CASES)
def test_flat_query_count(world, client_for, url, role):
    client = client_for(world.users[role])
    small, large = assert_flat_query_count(client, reverse(url), _maker(world, role))
    if url == "resettlement:offer_list":
        assert large.content.decode().count("govuk-tag ") > small.content.decode().count("govuk-tag ")


def test_flat_query_count_with_filters(world, client_for):
    client = client_for(world.users["gla_officer"])
    url = reverse("resettlement:figures") + f"?borough={world.camden.pk}&scheme=uk_resettlement&financial_year=2026"
    assert_flat_query_count(client, url, _maker(world, "gla_officer"))
