"""The offer list and the sponsorship group list come in pages of 25: links keep the filters,
bad page numbers get a page, a borough sees only its own offers on every page, the query count
stays flat, and the CSV export is always the whole scoped list."""

import csv
import io
import re

import pytest
from django.urls import reverse

from partnership.common.pagination import PAGE_SIZE
from resettlement.models import OfferStatus, Scheme
from tests.factories.partnership import UserFactory
from tests.factories.resettlement import OfferFactory, SponsorshipGroupFactory, SponsorshipOfferFactory
from tests.support.pagination import (
    assert_export_link_drops_the_page,
    assert_flat_query_count_across_pages,
    assert_page_links_keep,
    pagination_hrefs,
    pagination_nav,
)

LIST = reverse("resettlement:offer_list")
EXPORT = reverse("resettlement:offer_list_export")


def _offers(borough, n, **values):
    return OfferFactory.create_batch(n, borough=borough, created_by=UserFactory(), **values)


def _references(body: str) -> list[str]:
    return re.findall(r">(RO-\d{5})</a></th>", body)


def _caption(body: str) -> str:
    return re.search(r'<caption class="govuk-table__caption[^"]*">([^<]+)<', body).group(1)


@pytest.fixture
def camden_73(world):
    return _offers(world.camden, 73)


def test_page_two_of_seventy_three(world, client_for, camden_73):
    body = client_for(world.users["borough_a"]).get(LIST + "?page=2").content.decode()
    assert _caption(body) == "Showing 26 to 50 of 73 offers"
    newest_first = camden_73[::-1]  # one financial year: the newest offer first
    assert _references(body) == [offer.reference for offer in newest_first[25:50]]
    assert 'aria-label="Pages of offers"' in body
    assert 'aria-label="Page 2" aria-current="page">2</a>' in body
    assert pagination_nav(body).count('aria-current="page"') == 1  # (the menus mark the list itself too)
    assert pagination_hrefs(body) == ["?page=1", "?page=1", "?page=2", "?page=3", "?page=3"]


def test_one_page_shows_a_plain_count_and_no_pagination(world, client_for):
    _offers(world.camden, 25)
    body = client_for(world.users["borough_a"]).get(LIST).content.decode()
    assert _caption(body) == "25 offers"
    assert "govuk-pagination" not in body


def test_page_links_keep_the_filters_and_drop_the_old_page(world, client_for):
    _offers(world.camden, 30, status=OfferStatus.ACCEPTED, scheme=Scheme.AFGHAN)
    _offers(world.camden, 40, status=OfferStatus.SUBMITTED)
    filters = f"borough={world.camden.pk}&scheme={Scheme.AFGHAN}&status={OfferStatus.ACCEPTED}&financial_year=2026"
    body = client_for(world.users["gla_officer"]).get(f"{LIST}?{filters}&page=2").content.decode()
    assert _caption(body) == "Showing 26 to 30 of 30 offers"
    assert len(assert_page_links_keep(body, filters)) == 3  # Previous, 1, 2
    assert_export_link_drops_the_page(body, EXPORT, filters)


@pytest.mark.parametrize(("value", "caption"), [
    ("abc", "Showing 1 to 25 of 73 offers"),
    ("1.5", "Showing 1 to 25 of 73 offers"),
    ("", "Showing 1 to 25 of 73 offers"),
    ("0", "Showing 51 to 73 of 73 offers"),
    ("-1", "Showing 51 to 73 of 73 offers"),
    ("99999", "Showing 51 to 73 of 73 offers"),
    (str(10**30), "Showing 51 to 73 of 73 offers"),
    ("%ff%fe", "Showing 1 to 25 of 73 offers"),
])
def test_a_bad_page_value_gets_the_first_or_last_page(world, client_for, camden_73, value, caption):
    response = client_for(world.users["borough_a"]).get(f"{LIST}?page={value}")
    assert response.status_code == 200
    assert _caption(response.content.decode()) == caption


def test_repeated_page_values_are_not_an_error(world, client_for, camden_73):
    response = client_for(world.users["borough_a"]).get(f"{LIST}?page=3&page=abc")
    assert response.status_code == 200


def test_hackney_never_sees_camden_on_any_page(world, client_for):
    camden = _offers(world.camden, 40, support_other="CAMDEN-ONLY")
    camden += [SponsorshipOfferFactory(borough=world.camden) for _ in range(3)]
    hackney = _offers(world.hackney, 30)
    client = client_for(world.users["borough_b"])
    seen = []
    for number in (1, 2, 3):  # page 3 does not exist for Hackney: it gets its last page again
        body = client.get(f"{LIST}?page={number}").content.decode()
        assert "Camden" not in body and "CAMDEN-ONLY" not in body
        assert not {offer.reference for offer in camden} & set(_references(body))
        assert _caption(body) == ("Showing 1 to 25 of 30 offers" if number == 1 else "Showing 26 to 30 of 30 offers")
        seen += _references(body)
    assert sorted(set(seen)) == sorted(offer.reference for offer in hackney)
    # A Camden filter from Hackney is ignored, never a way round the scope.
    body = client.get(f"{LIST}?borough={world.camden.pk}&page=2").content.decode()
    assert _caption(body) == "Showing 26 to 30 of 30 offers"


def test_camden_sees_its_own_across_pages_and_the_gla_sees_everyone(world, client_for):
    _offers(world.camden, 30)
    _offers(world.hackney, 30)
    camden_body = client_for(world.users["borough_a"]).get(f"{LIST}?page=2").content.decode()
    assert _caption(camden_body) == "Showing 26 to 30 of 30 offers"
    gla_body = client_for(world.users["gla_officer"]).get(f"{LIST}?page=2").content.decode()
    assert _caption(gla_body) == "Showing 26 to 50 of 60 offers"


@pytest.mark.parametrize("role", ["gla_officer", "borough_a", "borough_b"])
def test_query_count_is_flat_across_sizes_and_pages(world, client_for, role):
    client = client_for(world.users[role])
    borough = world.users[role].borough or world.camden

    author = UserFactory()

    def make(n):
        for index in range(n):
            factory = SponsorshipOfferFactory if index % 4 == 0 else OfferFactory
            factory(borough=borough, created_by=author)
        _offers(world.hackney if borough == world.camden else world.camden, n)  # out of scope for boroughs

    small_response, large_response, page_two_response = assert_flat_query_count_across_pages(
        client, LIST, make, per_page=PAGE_SIZE)
    # The pages really differ in size, so the counts compare like with unlike rows.
    assert len(_references(small_response.content.decode())) == (10 if role == "gla_officer" else 5)
    assert len(_references(large_response.content.decode())) == 25
    assert len(_references(page_two_response.content.decode())) == 25


def _csv_references(response) -> list[str]:
    rows = list(csv.reader(io.StringIO(response.getvalue().decode().lstrip("\ufeff"))))
    return [row[0] for row in rows[1:]]


@pytest.mark.parametrize("query", ["", "?page=2", "?page=3", "?page=abc"])
def test_the_csv_export_is_the_whole_scoped_list_whatever_the_page(world, client_for, query):
    camden = _offers(world.camden, 60)
    hackney = _offers(world.hackney, 5)
    camden_csv = client_for(world.users["borough_a"]).get(EXPORT + query)
    assert sorted(_csv_references(camden_csv)) == sorted(offer.reference for offer in camden)
    gla_csv = client_for(world.users["gla_officer"]).get(EXPORT + query)
    assert len(_csv_references(gla_csv)) == 65
    hackney_csv = client_for(world.users["borough_b"]).get(EXPORT + query)
    assert sorted(_csv_references(hackney_csv)) == sorted(offer.reference for offer in hackney)


def test_the_sponsorship_group_list_is_paginated(world, client_for):
    groups = [SponsorshipGroupFactory(name=f"Group {index:02d}") for index in range(30)]
    client = client_for(world.users["gla_officer"])
    body = client.get(reverse("resettlement:sponsorship_group_list") + "?page=2").content.decode()
    assert _caption(body).startswith("Showing 26 to 30 of 30 groups")
    names = re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', body)
    assert names == [group.name for group in groups[25:]]
    assert 'aria-label="Pages of groups"' in body
    assert client.get(reverse("resettlement:sponsorship_group_list") + "?page=x").status_code == 200


def test_the_sponsorship_group_list_query_count_is_flat_across_pages(world, client_for):
    assert_flat_query_count_across_pages(client_for(world.users["gla_officer"]),
                                         reverse("resettlement:sponsorship_group_list"),
                                         SponsorshipGroupFactory.create_batch, per_page=PAGE_SIZE)
