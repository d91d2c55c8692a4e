"""The database holds the rules that must never break, and cannot hold a refugee's identity."""

import datetime as dt
import re

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.forms import Textarea

from resettlement import forms
from resettlement.models import OfferStatus
from tests.factories.resettlement import ArrivalFactory, OfferFactory, OfferTransitionFactory, SponsorshipOfferFactory

# Anything that could identify a refugee: names, dates of birth, nationality, case numbers.
FORBIDDEN = re.compile(r"name|birth|dob|nationality|citizenship|case_?(number|no|ref)|passport|"
                       r"home_office_ref|gwf|unhcr|ethnic|religion|gender|sex\b|age\b|phone|address",
                       re.IGNORECASE)


def test_no_model_of_the_app_can_hold_personal_data_about_refugees():
    fields = [(model.__name__, field.name) for model in apps.get_app_config("resettlement").get_models()
              for field in model._meta.get_fields() if field.concrete]
    assert len(fields) > 20  # the test sees the real models
    assert [f for f in fields if FORBIDDEN.search(f[1])] == []


@pytest.mark.parametrize("make_form", [
    forms.OfferDetailsForm, forms.SponsorshipOfferForm, forms.ArrivalForm, forms.SponsorshipOfferChangeForm,
    lambda: forms.TransitionForm(transitions=[]),
], ids=["offer", "sponsorship_offer", "arrival", "sponsorship_offer_change", "transition"])
def test_no_form_asks_about_refugees_as_people(db, make_form):
    fields = make_form().fields
    assert fields
    assert [name for name in fields if FORBIDDEN.search(name)] == []
    # A free-text box could still be filled with a refugee's details: each one warns against it.
    free_text = {name: field.help_text for name, field in fields.items() if isinstance(field.widget, Textarea)}
    assert {name: help_text for name, help_text in free_text.items()
            if "Do not write anything about refugees as people" not in help_text} == {}


def test_arrival_holds_a_date_and_a_count_only():
    model = apps.get_model("resettlement", "Arrival")
    assert {f.name for f in model._meta.concrete_fields} == {
        "id", "offer", "arrived_on", "household_size", "recorded_by", "recorded_at"}


@pytest.mark.parametrize(("changes", "constraint"), [
    ({"status": "approved"}, "offer_status_valid"),
    ({"scheme": "dubs"}, "offer_scheme_valid"),
    ({"property_size": "9"}, "offer_property_size_valid"),
    ({"access": "lift"}, "offer_access_valid"),
    ({"households_offered": 0, "people_offered": 0}, "offer_households_at_least_one"),
    ({"households_offered": 3, "people_offered": 2}, "offer_people_at_least_households"),
    ({"properties_offered": 0}, "offer_properties_at_least_one"),
    ({"financial_year": 1999}, "offer_financial_year_in_range"),
    ({"financial_year": 2099}, "offer_financial_year_in_range"),
])
def test_offer_constraints(world, changes, constraint):
    offer = OfferFactory(borough=world.camden)
    for key, value in changes.items():
        setattr(offer, key, value)
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        offer.save()


@pytest.mark.parametrize("field", ["scheme", "financial_year", "households_offered", "people_offered",
                                   "properties_offered", "property_size", "available_from"])
def test_only_a_draft_may_be_half_answered(world, field):
    blank = "" if field in ("scheme", "property_size") else None
    draft = OfferFactory(borough=world.camden, status=OfferStatus.DRAFT, **{field: blank})
    assert draft.missing_answers
    draft.status = OfferStatus.SUBMITTED
    with pytest.raises(IntegrityError, match="offer_complete_unless_draft"), transaction.atomic():
        draft.save()


def test_a_sponsorship_offer_needs_the_boroughs_consent(world):
    offer = SponsorshipOfferFactory(borough=world.camden)
    offer.borough_consent_on = None
    with pytest.raises(IntegrityError, match="offer_sponsorship_has_borough_consent"), transaction.atomic():
        offer.save()


@pytest.mark.parametrize(("changes", "constraint"), [
    ({"to_status": "approved"}, "transition_statuses_valid"),
    ({"from_status": OfferStatus.SUBMITTED, "to_status": OfferStatus.SUBMITTED}, "transition_changes_status"),
    ({"from_status": OfferStatus.SUBMITTED, "to_status": OfferStatus.DECLINED, "note": ""},
     "transition_decline_has_reason"),
])
def test_transition_constraints(world, changes, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        OfferTransitionFactory(offer=OfferFactory(borough=world.camden), by=world.users["gla_officer"], **changes)


def test_an_arrival_has_at_least_one_person(world):
    with pytest.raises(IntegrityError, match="arrival_household_at_least_one"), transaction.atomic():
        ArrivalFactory(offer=OfferFactory(borough=world.camden), household_size=0,
                       recorded_by=world.users["gla_officer"])


def test_the_offer_form_offers_last_year_to_two_years_ahead():
    assert forms.financial_year_choices(dt.date(2026, 3, 31)) == [
        ("", "Choose a year"), (2024, "2024/25"), (2025, "2025/26"), (2026, "2026/27"), (2027, "2027/28")]
