"""Borough officers make offers for their own borough; the GLA reviews; arrivals are counts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Notification, OrganisationKind
from resettlement.models import OfferStatus, OfferTransition, ResettlementOffer, Scheme
from tests.factories.resettlement import ArrivalFactory, OfferFactory, SponsorshipGroupFactory

S = OfferStatus


def offer_form_data(**overrides):
    available = timezone.localdate() + dt.timedelta(days=40)
    year = available.year if available.month >= 4 else available.year - 1
    data = {
        "scheme": Scheme.UK_RESETTLEMENT, "financial_year": str(year), "households_offered": "2",
        "people_offered": "8", "properties_offered": "2", "property_size": "3", "access": "step_free",
        "available_from_0": str(available.day), "available_from_1": str(available.month),
        "available_from_2": str(available.year), "support_caseworker": "on", "support_esol_places": "4",
        "support_school_places": "3", "support_health_registration": "on", "support_other": "Furniture",
        "notes": "Near a primary school.",
    }
    data.update(overrides)
    return data


def test_camden_makes_a_draft_then_checks_and_submits(world, client_for):
    client = client_for(world.users["borough_a"])
    response = client.post(reverse("resettlement:offer_create"), offer_form_data())
    offer = ResettlementOffer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("resettlement:offer_check_answers", args=[offer.pk])
    assert (offer.borough, offer.status, offer.people_offered, offer.support_esol_places) == (
        world.camden, S.DRAFT, 8, 4)

    page = client.get(response["Location"]).content.decode()
    assert "Check your answers before submitting the offer" in page
    assert f'{reverse("resettlement:offer_edit", args=[offer.pk])}#div_id_people_offered' in page
    assert 'Change<span class="govuk-visually-hidden"> people offered</span>' in page

    response = client.post(reverse("resettlement:offer_check_answers", args=[offer.pk]))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == S.SUBMITTED
    assert OfferTransition.objects.get().by == world.users["borough_a"]
    # The GLA hears of it through the outbox.
    assert list(Notification.objects.values_list("recipient_email", flat=True)) == ["officer@example.org"]


def test_posting_borough_or_status_changes_nothing(world, client_for):
    client = client_for(world.users["borough_a"])
    client.post(reverse("resettlement:offer_create"), offer_form_data(
        borough=world.hackney.pk, status=S.ACCEPTED, created_by=world.users["gla_officer"].pk,
        sponsorship_group=SponsorshipGroupFactory().pk))
    offer = ResettlementOffer.objects.get()
    assert (offer.borough, offer.status, offer.sponsorship_group, offer.created_by) == (
        world.camden, S.DRAFT, None, world.users["borough_a"])

    client.post(reverse("resettlement:offer_edit", args=[offer.pk]), offer_form_data(
        people_offered="9", borough=world.hackney.pk, status=S.MATCHED))
    offer.refresh_from_db()
    assert (offer.borough, offer.status, offer.people_offered) == (world.camden, S.DRAFT, 9)


def test_a_draft_can_be_finished_later_and_only_a_draft_changes(world, client_for):
    client = client_for(world.users["borough_a"])
    draft = OfferFactory(borough=world.camden, status=S.DRAFT, people_offered=5)
    listing = client.get(reverse("resettlement:offer_list") + "?status=draft").content.decode()
    assert draft.reference in listing
    response = client.get(reverse("resettlement:offer_edit", args=[draft.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="5"' in page
    assert f'name="available_from_2" value="{draft.available_from.year}"' in page
    submitted = OfferFactory(borough=world.camden, status=S.SUBMITTED)
    assert client.get(reverse("resettlement:offer_edit", args=[submitted.pk])).status_code == 404
    assert client.post(reverse("resettlement:offer_check_answers", args=[submitted.pk])).status_code == 404


def test_borough_officers_cannot_offer_under_community_sponsorship(world, client_for):
    client = client_for(world.users["borough_a"])
    response = client.post(reverse("resettlement:offer_create"),
                           offer_form_data(scheme=Scheme.COMMUNITY_SPONSORSHIP))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "Choose" in response.content.decode()
    assert not ResettlementOffer.objects.exists()


def test_gla_records_a_sponsorship_group_and_its_offer_with_consent(world, client_for):
    client = client_for(world.users["gla_officer"])
    response = client.post(reverse("resettlement:sponsorship_group_create"),
                           {"name": "Kentish Town Community Sponsors", "website": "kentish.example.org"})
    assert response.status_code == 302
    group = world.camden.__class__.objects.get(name="Kentish Town Community Sponsors")
    assert group.kind == OrganisationKind.SPONSORSHIP_GROUP
    assert group.website == "https://kentish.example.org"

    consent = timezone.localdate() - dt.timedelta(days=5)
    response = client.post(reverse("resettlement:sponsorship_offer_create"), offer_form_data(
        sponsorship_group=group.pk, supporting_borough=world.camden.pk, borough_consent_on_0=consent.day,
        borough_consent_on_1=consent.month, borough_consent_on_2=consent.year, scheme=Scheme.AFGHAN))
    assert response.status_code == 302
    offer = ResettlementOffer.objects.get()
    assert (offer.sponsorship_group, offer.borough, offer.borough_consent_on, offer.scheme, offer.status) == (
        group, world.camden, consent, Scheme.COMMUNITY_SPONSORSHIP, S.DRAFT)
    # The GLA officer submits it for the group; Camden (the supporting borough) then sees it.
    client.post(reverse("resettlement:offer_check_answers", args=[offer.pk]))
    offer.refresh_from_db()
    assert offer.status == S.SUBMITTED
    camden = client_for(world.users["borough_a"])
    assert camden.get(reverse("resettlement:offer_detail", args=[offer.pk])).status_code == 200
    assert camden.get(reverse("resettlement:offer_transition", args=[offer.pk])).status_code == 404


def test_sponsorship_offer_needs_group_borough_and_consent(world, client_for):
    client = client_for(world.users["gla_officer"])
    response = client.post(reverse("resettlement:sponsorship_offer_create"), offer_form_data())
    page = response.content.decode()
    for message in ["Choose the community sponsorship group", "Choose the borough that supports the group",
                    "Enter the date the borough gave its consent"]:
        assert message in page
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(reverse("resettlement:sponsorship_offer_create"), offer_form_data(
        sponsorship_group=SponsorshipGroupFactory().pk, supporting_borough=world.camden.pk,
        borough_consent_on_0=tomorrow.day, borough_consent_on_1=tomorrow.month, borough_consent_on_2=tomorrow.year))
    assert "The date of consent must be today or in the past" in response.content.decode()
    assert not ResettlementOffer.objects.exists()


def test_the_gla_reviews_accepts_matches_and_records_arrivals(world, client_for):
    gla = client_for(world.users["gla_officer"])
    offer = OfferFactory(borough=world.camden, status=S.SUBMITTED, households_offered=2, people_offered=6)
    url = reverse("resettlement:offer_transition", args=[offer.pk])
    for target in (S.UNDER_REVIEW, S.ACCEPTED, S.MATCHED):
        assert gla.post(url, {"to_status": target, "note": f"now {target}"}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == S.MATCHED

    arrival_url = reverse("resettlement:arrival_create", args=[offer.pk])
    today = timezone.localdate()
    date = {"arrived_on_0": today.day, "arrived_on_1": today.month, "arrived_on_2": today.year}
    assert gla.post(arrival_url, {**date, "household_size": "4"}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == S.ARRIVED
    assert gla.post(arrival_url, {**date, "household_size": "2"}).status_code == 302
    # Two households were offered: a third arrival is refused with a clear message.
    response = gla.post(arrival_url, {**date, "household_size": "2"})
    assert response.status_code == 200
    assert "all have arrived" in response.content.decode()
    assert offer.arrivals.count() == 2
    # Camden sees the whole history of its offer.
    history = client_for(world.users["borough_a"]).get(reverse("resettlement:offer_history", args=[offer.pk]))
    page = history.content.decode()
    for label in ("Submitted to Under review", "Under review to Accepted", "Accepted to Matched",
                  "Matched to Arrived"):
        assert label in page
    assert set(Notification.objects.values_list("recipient_email", flat=True)) == {"camden@example.org"}
    assert Notification.objects.count() == 4


def test_a_decline_without_a_reason_is_refused_by_the_form(world, client_for):
    gla = client_for(world.users["gla_officer"])
    offer = OfferFactory(borough=world.camden, status=S.UNDER_REVIEW)
    response = gla.post(reverse("resettlement:offer_transition", args=[offer.pk]),
                        {"to_status": S.DECLINED, "note": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "Give the reason for declining the offer" in page
    offer.refresh_from_db()
    assert offer.status == S.UNDER_REVIEW


def test_camden_may_withdraw_but_not_accept(world, client_for):
    camden = client_for(world.users["borough_a"])
    offer = OfferFactory(borough=world.camden, status=S.UNDER_REVIEW)
    url = reverse("resettlement:offer_transition", args=[offer.pk])
    response = camden.post(url, {"to_status": S.ACCEPTED})
    assert response.status_code == 200
    assert "Choose one of the options" in response.content.decode()
    assert camden.post(url, {"to_status": S.WITHDRAWN, "note": "The landlord sold"}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == S.WITHDRAWN


@pytest.mark.parametrize(("data", "messages"), [
    ({}, ["Choose the scheme", "Choose the financial year", "Enter the households offered",
          "Enter the people offered", "Enter the number of properties", "Choose the size of the properties",
          "Enter the date the properties are available from"]),
    ({"households_offered": "two", "people_offered": "-1", "properties_offered": "1e9"},
     ["Households offered must be a whole number", "People offered must be 1 or more",
      "Number of properties must be a whole number"]),
    ({"households_offered": "99999999999999999999999", "people_offered": "5"},
     ["Households offered must be 200 or fewer"]),
    ({"households_offered": "4", "people_offered": "3"}, ["People offered must be at least the number of households"]),
    ({"available_from_0": "31", "available_from_1": "2", "available_from_2": "2027"},
     ["The date the properties are available from must be a real date"]),
    ({"available_from_0": "1", "available_from_1": "1", "available_from_2": "99999999999999999999999"},
     ["The date the properties are available from must be a real date"]),
    ({"available_from_0": "1", "available_from_1": "", "available_from_2": "2027"},
     ["The date the properties are available from must include a day, month and year"]),
    ({"financial_year": "1999"}, ["Choose a financial year from the list"]),
    ({"financial_year": "nonsense", "scheme": "dubs", "property_size": "<script>", "access": "x"},
     ["Choose a financial year from the list"]),
    ({"support_other": "x" * 501}, ["Other support must be 500 characters or fewer"]),
])
def test_bad_offer_input_gets_clear_messages_and_keeps_what_was_typed(world, client_for, data, messages):
    client = client_for(world.users["borough_a"])
    base = {} if not data else offer_form_data()
    response = client.post(reverse("resettlement:offer_create"), {**base, **data, "notes": "Typed notes kept"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    for message in messages:
        assert message in page, message
    assert "Typed notes kept" in page
    assert not ResettlementOffer.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"household_size": "0"}, "A household has at least 1 person"),
    ({"household_size": "lots"}, "Enter a whole number, like 4"),
    ({"household_size": "31"}, "A household must be 30 people or fewer"),
    ({"household_size": "3", "arrived_on_2": "3000"}, "The arrival date must be today or in the past"),
    ({"household_size": "3", "arrived_on_0": "x"}, "The arrival date must be a real date"),
    ({"household_size": "3", "arrived_on_0": "", "arrived_on_1": "", "arrived_on_2": ""}, "Enter the arrival date"),
])
def test_bad_arrival_input(world, client_for, data, message):
    offer = OfferFactory(borough=world.camden, status=S.MATCHED)
    today = timezone.localdate()
    base = {"arrived_on_0": today.day, "arrived_on_1": today.month, "arrived_on_2": today.year}
    response = client_for(world.users["gla_officer"]).post(
        reverse("resettlement:arrival_create", args=[offer.pk]), {**base, **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not offer.arrivals.exists()


def test_bad_group_input(world, client_for):
    SponsorshipGroupFactory(name="Existing Sponsors")
    client = client_for(world.users["gla_officer"])
    page = client.post(reverse("resettlement:sponsorship_group_create"),
                       {"name": "existing sponsors", "website": "not a url at all"}).content.decode()
    assert "An organisation with this name exists already" in page
    assert "Enter a web address" in page


def test_arrivals_only_against_matched_offers(world, client_for):
    offer = OfferFactory(borough=world.camden, status=S.ARRIVED, households_offered=1)
    ArrivalFactory(offer=offer, recorded_by=world.users["gla_officer"])
    response = client_for(world.users["gla_officer"]).get(reverse("resettlement:arrival_create", args=[offer.pk]))
    assert response.status_code == 200  # more households may still arrive against an arrived offer
    for status in (S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.CLOSED, S.WITHDRAWN, S.DECLINED):
        other = OfferFactory(borough=world.camden, status=status)
        response = client_for(world.users["gla_officer"]).get(
            reverse("resettlement:arrival_create", args=[other.pk]))
        assert response.status_code == 404, status


def test_a_half_answered_draft_is_saved_and_finished_later(world, client_for):
    client = client_for(world.users["borough_a"])
    response = client.post(reverse("resettlement:offer_create"), {
        "households_offered": "2", "save_draft": "Save as draft and finish later", "status": S.SUBMITTED,
        "borough": world.hackney.pk})
    offer = ResettlementOffer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("resettlement:offer_detail", args=[offer.pk])
    assert (offer.borough, offer.status, offer.households_offered, offer.people_offered, offer.scheme) == (
        world.camden, S.DRAFT, 2, None, "")

    # Format is still checked when saving a draft.
    bad = client.post(reverse("resettlement:offer_edit", args=[offer.pk]),
                      {"households_offered": "lots", "save_draft": "x"})
    assert "Households offered must be a whole number" in bad.content.decode()

    check = client.get(reverse("resettlement:offer_check_answers", args=[offer.pk])).content.decode()
    assert "Not yet answered" in check
    assert "Still to answer: scheme, financial year, people offered" in check
    refused = client.post(reverse("resettlement:offer_check_answers", args=[offer.pk]))
    assert refused.status_code == 200
    assert "<title>Error: " in refused.content.decode()
    offer.refresh_from_db()
    assert offer.status == S.DRAFT
    # Figures and CSV cope with the half-answered draft when asked for drafts.
    for name in ("figures", "figures_export", "offer_list", "offer_list_export"):
        assert client.get(reverse(f"resettlement:{name}") + "?status=draft").status_code == 200

    # Finishing it later: the full form, then submit.
    client.post(reverse("resettlement:offer_edit", args=[offer.pk]), offer_form_data())
    client.post(reverse("resettlement:offer_check_answers", args=[offer.pk]))
    offer.refresh_from_db()
    assert offer.status == S.SUBMITTED
