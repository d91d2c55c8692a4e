"""Hackney never sees Camden: every Camden offer URL answers 404, and Camden's rows are in
none of Hackney's lists, counts, charts or CSV files."""

import pytest
from django.urls import reverse

from resettlement.models import OfferStatus
from tests.factories.resettlement import ArrivalFactory, OfferFactory, SponsorshipOfferFactory

S = OfferStatus
OFFER_URLS = ["offer_detail", "offer_edit", "offer_history", "offer_transition", "offer_check_answers",
              "arrival_create", "offer_export"]


@pytest.mark.parametrize("status", S.values)
@pytest.mark.parametrize("name", OFFER_URLS)
def test_hackney_gets_404_for_every_camden_offer_url_in_every_status(world, client_for, name, status):
    offer = OfferFactory(borough=world.camden, status=status, created_by=world.users["borough_a"])
    url = reverse(f"resettlement:{name}", args=[offer.pk])
    hackney = client_for(world.users["borough_b"])
    assert hackney.get(url).status_code == 404
    assert hackney.post(url, {"to_status": S.WITHDRAWN, "note": "x", "household_size": "2"}).status_code in (404, 405)
    offer.refresh_from_db()
    assert offer.status == status


def test_hackney_gets_404_for_a_sponsorship_offer_camden_supports(world, client_for):
    offer = SponsorshipOfferFactory(borough=world.camden, status=S.ACCEPTED)
    hackney = client_for(world.users["borough_b"])
    for name in OFFER_URLS:
        assert hackney.get(reverse(f"resettlement:{name}", args=[offer.pk])).status_code == 404


@pytest.fixture
def two_boroughs(world):
    camden = OfferFactory(borough=world.camden, status=S.ARRIVED, people_offered=777, households_offered=3,
                          support_other="CAMDEN-ONLY")
    ArrivalFactory(offer=camden, household_size=555)
    OfferFactory(borough=world.camden, status=S.SUBMITTED, people_offered=771)
    hackney = OfferFactory(borough=world.hackney, status=S.MATCHED, people_offered=12, support_other="HACKNEY")
    return camden, hackney


LIST_URLS = ["offer_list", "offer_list_export", "figures", "figures_export"]


@pytest.mark.parametrize("query", ["", "?borough=%(camden)s", "?status=arrived", "?financial_year=2026"])
@pytest.mark.parametrize("name", LIST_URLS)
def test_camden_rows_never_reach_hackney(world, client_for, two_boroughs, name, query):
    camden_offer, hackney_offer = two_boroughs
    url = reverse(f"resettlement:{name}") + query % {"camden": world.camden.pk}
    body = client_for(world.users["borough_b"]).get(url).getvalue().decode()
    for camden_trace in ("Camden", camden_offer.reference, "CAMDEN-ONLY"):
        assert camden_trace not in body, (url, camden_trace)
    # Camden's figures, as a table cell or a CSV cell (a bare number could be in a CSP nonce).
    for number in (777, 555, 771, 777 + 771):
        for cell in (f">{number}<", f",{number},", f",{number}\r\n"):
            assert cell not in body, (url, cell)


@pytest.mark.parametrize("name", LIST_URLS)
def test_gla_sees_both_boroughs(world, client_for, two_boroughs, name):
    body = client_for(world.users["gla_officer"]).get(reverse(f"resettlement:{name}")).getvalue().decode()
    assert "Camden" in body and "Hackney" in body


def test_hackney_dashboard_counts_only_hackney(world, client_for, two_boroughs):
    OfferFactory(borough=world.camden, status=S.SUBMITTED)
    page = client_for(world.users["borough_b"]).get(reverse("dashboard")).content.decode()
    assert "Resettlement offers from Hackney" in page
    assert ">777<" not in page
    # Camden has two submitted offers; Hackney none.
    assert _dashboard_value(page, "Submitted, waiting for review") == "0 offers"
    assert _dashboard_value(page, "Available from a date now passed, not yet matched") == "0 offers"
    camden_page = client_for(world.users["borough_a"]).get(reverse("dashboard")).content.decode()
    assert _dashboard_value(camden_page, "Submitted, waiting for review") == "2 offers"
    gla_page = client_for(world.users["gla_officer"]).get(reverse("dashboard")).content.decode()
    assert _dashboard_value(gla_page, "Submitted, waiting for review") == "2 offers"
    assert "Drafts not yet submitted" not in gla_page


def _dashboard_value(page, label):
    import re

    match = re.search(re.escape(label) + r"</dt>\s*<dd[^>]*>(?:<a [^>]*>)?([^<]+)<", page)
    assert match, label
    return match.group(1).strip()


def test_figures_add_up_for_the_gla_and_for_camden(world, client_for, two_boroughs):
    from resettlement.models import ResettlementOffer
    from resettlement.selectors import pledge_figures

    tables = pledge_figures(ResettlementOffer.objects.visible_to(world.users["borough_a"]).pledged())
    by_borough = tables[0]
    assert [(r.label, r.offers, r.people_pledged, r.households_arrived, r.people_arrived)
            for r in by_borough.rows] == [("Camden", 2, 777 + 771, 1, 555)]
    all_tables = pledge_figures(ResettlementOffer.objects.visible_to(world.users["gla_officer"]).pledged())
    assert all_tables[0].total.people_pledged == 777 + 771 + 12
    assert {t.dimension for t in all_tables} == {"borough", "scheme", "financial_year"}
    assert all(t.total.people_pledged == 777 + 771 + 12 for t in all_tables)


def test_figures_leave_out_drafts_withdrawn_and_declined_unless_asked(world, client_for):
    for status in (S.DRAFT, S.WITHDRAWN, S.DECLINED):
        OfferFactory(borough=world.camden, status=status, people_offered=900 + len(status))
    client = client_for(world.users["borough_a"])
    body = client.get(reverse("resettlement:figures")).content.decode()
    assert ">908<" not in body and ">909<" not in body
    assert "No offers match these filters" in body
    body = client.get(reverse("resettlement:figures") + "?status=withdrawn").content.decode()
    assert ">909<" in body


def test_a_borough_filter_from_a_borough_officer_is_ignored(world, client_for, two_boroughs):
    body = client_for(world.users["borough_a"]).get(
        reverse("resettlement:offer_list") + f"?borough={world.hackney.pk}").content.decode()
    assert "HACKNEY" not in body
    assert two_boroughs[0].reference in body


def test_bad_filters_get_a_message_not_an_error_page(world, client_for, two_boroughs):
    client = client_for(world.users["gla_officer"])
    for name in LIST_URLS:
        response = client.get(reverse(f"resettlement:{name}") + "?financial_year=abc&status=%00&borough=99999999999")
        assert response.status_code == 200
    page = client.get(reverse("resettlement:offer_list") + "?financial_year=abc").content.decode()
    assert "<title>Error: " in page
    assert "Choose one of the options in the list" in page


def test_csv_cells_cannot_run_as_formulas(world, client_for):
    OfferFactory(borough=world.camden, status=S.SUBMITTED, support_other="=HYPERLINK(\"http://evil\")")
    OfferFactory(borough=world.camden, status=S.SUBMITTED, support_other="@SUM(A1)")
    body = client_for(world.users["borough_a"]).get(reverse("resettlement:offer_list_export")).getvalue().decode()
    assert "'=HYPERLINK" in body and "'@SUM(A1)" in body
    assert ",=HYPERLINK" not in body and ',"=HYPERLINK' not in body
