"""The offer form helps: the available-from date must fall in the chosen financial year (a clear
message beside the date), no radio is chosen for the borough, and a number left blank stays
blank on check your answers."""

import datetime as dt
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from resettlement.forms import year_mismatch
from resettlement.models import OfferStatus, ResettlementOffer
from tests.factories.resettlement import OfferFactory
from tests.resettlement.test_offer_journeys import offer_form_data


def test_year_mismatch_words():
    assert year_mismatch(2025, dt.date(2025, 4, 1)) is None
    assert year_mismatch(2025, dt.date(2026, 3, 31)) is None
    assert year_mismatch(2025, dt.date(2027, 3, 15)) == (
        "15 March 2027 is in the financial year 2026/27, not 2025/26: change the date or the financial year")
    assert year_mismatch(None, dt.date(2027, 3, 15)) is None


@pytest.mark.parametrize("draft", [False, True])
def test_a_date_outside_the_financial_year_is_refused_beside_the_date(world, client_for, draft):
    data = offer_form_data()
    year = int(data["financial_year"])
    outside = dt.date(year + 1, 4, 15)
    data.update({"available_from_0": str(outside.day), "available_from_1": str(outside.month),
                 "available_from_2": str(outside.year)})
    if draft:
        data["save_draft"] = "1"
    response = client_for(world.users["borough_a"]).post(reverse("resettlement:offer_create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    message = f"is in the financial year {year + 1}/{str(year + 2)[-2:]}, not {year}/{str(year + 1)[-2:]}"
    assert message in page
    # Beside the date (its error message) and in the summary, linked to it.
    field = page.split('id="div_id_available_from"', 1)[1].split("</fieldset>", 1)[0]
    assert message in field and "govuk-error-message" in field
    assert 'href="#id_available_from' in page.split("govuk-error-summary", 1)[1].split("</div>", 2)[1] or \
        'href="#id_available_from' in page
    assert not ResettlementOffer.objects.exists()
    # What was typed is kept.
    assert f'value="{outside.year}"' in page


def test_the_new_offer_form_chooses_no_radio(world, client_for):
    page = client_for(world.users["borough_a"]).get(reverse("resettlement:offer_create")).content.decode()
    for name in ("scheme", "property_size", "access"):
        radios = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
        assert radios, name
        assert not [radio for radio in radios if "checked" in radio], f"{name} is pre-selected"


def test_access_must_be_answered_before_saving_and_continuing(world, client_for):
    data = offer_form_data()
    del data["access"]
    response = client_for(world.users["borough_a"]).post(reverse("resettlement:offer_create"), data)
    assert "Choose the access the properties have" in response.content.decode()
    assert not ResettlementOffer.objects.exists()


def test_a_draft_saved_before_access_is_answered_records_no_answer(world, client_for):
    client = client_for(world.users["borough_a"])
    client.post(reverse("resettlement:offer_create"), {"save_draft": "1", "households_offered": "2"})
    offer = ResettlementOffer.objects.get()
    assert offer.access == "" and "Access" in offer.missing_answers
    # ...and the database refuses such an offer beyond a draft.
    with pytest.raises(IntegrityError), transaction.atomic():
        ResettlementOffer.objects.filter(pk=offer.pk).update(status=OfferStatus.SUBMITTED)


def test_a_blank_number_stays_blank_on_check_your_answers(world, client_for):
    client = client_for(world.users["borough_a"])
    client.post(reverse("resettlement:offer_create"),
                offer_form_data(support_esol_places="", support_school_places="0"))
    offer = ResettlementOffer.objects.get()
    assert (offer.support_esol_places, offer.support_school_places) == (None, 0)
    page = client.get(reverse("resettlement:offer_check_answers", args=[offer.pk])).content.decode()

    def value_of(key):
        match = re.search(rf">\s*{key}\s*</dt>\s*<dd[^>]*>(.*?)</dd>", page, re.S)
        assert match, key
        return match.group(1).strip()

    assert value_of("ESOL places") == ""
    assert value_of("School places") == "0"


def test_an_existing_offer_keeps_its_access(world, client_for):
    offer = OfferFactory(borough=world.camden, access="step_free", status=OfferStatus.DRAFT)
    client = client_for(world.users["borough_a"])
    page = client.get(reverse("resettlement:offer_edit", args=[offer.pk])).content.decode()
    checked = [radio for radio in re.findall(r'<input[^>]*name="access"[^>]*>', page) if "checked" in radio]
    assert len(checked) == 1 and 'value="step_free"' in checked[0]
