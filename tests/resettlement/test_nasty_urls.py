"""Whatever a browser sends in a URL or a form gets a page, never a server error."""

import pytest
from django.urls import reverse

from resettlement.models import OfferStatus
from tests.factories.resettlement import OfferFactory


@pytest.mark.parametrize("name", ["offer_detail", "offer_edit", "offer_history", "offer_transition",
                                  "offer_check_answers", "arrival_create", "offer_export"])
def test_an_offer_id_beyond_any_integer_is_simply_not_found(world, client_for, name):
    url = reverse(f"resettlement:{name}", args=[10**30])
    assert client_for(world.users["gla_officer"]).get(url).status_code == 404


@pytest.mark.parametrize("data", [
    {"to_status": "closed"}, {"to_status": "x" * 5000}, {"to_status": ["a", "b"]},
    {"to_status": OfferStatus.UNDER_REVIEW, "note": "n" * 2001}, {},
])
def test_nasty_transition_posts(world, client_for, data):
    offer = OfferFactory(borough=world.camden, status=OfferStatus.SUBMITTED)
    response = client_for(world.users["gla_officer"]).post(
        reverse("resettlement:offer_transition", args=[offer.pk]), data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


@pytest.mark.parametrize("query", ["?borough=abc", "?borough=-1", f"?borough={10**30}", "?status[]=x",
                                   "?financial_year=2026.5", "?scheme=%ff%fe", "?financial_year=" + "9" * 400])
def test_nasty_filter_queries(world, client_for, query):
    client = client_for(world.users["gla_officer"])
    for name in ("offer_list", "figures", "offer_list_export", "figures_export"):
        assert client.get(reverse(f"resettlement:{name}") + query).status_code == 200


@pytest.mark.parametrize(("role", "name", "status"), [
    ("borough_a", "offer_create", None), ("borough_a", "offer_edit", OfferStatus.DRAFT),
    ("gla_officer", "sponsorship_offer_create", None), ("gla_officer", "sponsorship_group_create", None),
    ("gla_officer", "arrival_create", OfferStatus.MATCHED), ("borough_a", "offer_transition", OfferStatus.ACCEPTED),
])
def test_an_empty_post_shows_the_errors(world, client_for, role, name, status):
    args = [OfferFactory(borough=world.camden, status=status).pk] if status else []
    response = client_for(world.users[role]).post(reverse(f"resettlement:{name}", args=args), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page and "govuk-error-summary" in page
