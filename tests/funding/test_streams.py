"""GLA officers add and change funding streams in the portal: clear messages for bad input,
names and codes unique ignoring case (in the database too), a code fixed once a signed
decision is recorded against the stream, and a flat query count on the officers' list."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from funding import services
from funding.models import FundingStream
from tests.factories.funding import (
    DecisionFactory,
    FunderFactory,
    FundingStreamFactory,
    SignedDecisionFactory,
    StreamAllocationFactory,
)
from tests.factories.partnership import gla_officer
from tests.support.queries import assert_flat_query_count

pytestmark = pytest.mark.django_db

VALID = {"name": "Controlling Migration Fund", "short_name": "cmf", "summary": "Funded by MHCLG.",
         "pays_for": "Two posts", "funded_since": "2018", "target_amount": "", "ends_on": "", "lead_officer": ""}


@pytest.fixture
def officer(world, client_for):
    return client_for(world.users["gla_officer"])


def _edit_url(stream):
    return reverse("funding:stream_edit", kwargs={"pk": stream.pk})


def test_officer_adds_a_stream(officer, world):
    funder = FunderFactory(name="Trust for London")
    response = officer.post(reverse("funding:stream_create"), {
        **VALID, "funders": [funder.pk], "target_amount": "£1,000,000", "ends_on": "2021-03-31",
        "lead_officer": world.users["gla_officer"].pk})
    stream = FundingStream.objects.get()
    assert (response.status_code, response["Location"]) == (302, reverse("funding:stream_detail",
                                                                            kwargs={"pk": stream.pk}))
    assert (stream.short_name, stream.funded_since, stream.target_amount, stream.ends_on) == (
        "CMF", 2018, Decimal("1000000.00"), dt.date(2021, 3, 31))
    assert list(stream.funders.all()) == [funder] and stream.lead_officer == world.users["gla_officer"]
    assert "Controlling Migration Fund (CMF) saved" in officer.get(response["Location"]).content.decode()


@pytest.mark.parametrize("field, typed, message", [
    ("name", "", "Enter the stream&#x27;s name"),
    ("name", "x" * 201, "Name must be 200 characters or fewer"),
    ("name", "home office LSMP GRANT", "A funding stream with this name exists already"),
    ("short_name", "", "Enter a short code, for example LSMP"),
    ("short_name", "lsmp", "A funding stream with this code exists already"),
    ("short_name", "C&F!", "Enter a code of capital letters, digits and hyphens"),
    ("short_name", "-CMF", "Enter a code of capital letters, digits and hyphens"),
    ("summary", "", "Enter a summary of the stream"),
    ("funded_since", "1999", "Enter a year from 2000 to 2100"),
    ("funded_since", "twenty", "Enter the year as four digits"),
    ("target_amount", "-5", "Enter a target of at least £0.01"),
    ("target_amount", "lots", "Enter the amount as a number"),
    ("ends_on", "31/02/2021", "Enter a real date"),
])
def test_bad_stream_input_is_explained_beside_the_field_and_kept(officer, field, typed, message):
    FundingStreamFactory(name="Home Office LSMP grant", short_name="LSMP")
    data = {**VALID, "name": "Controlling Migration Fund (typed)", field: typed}
    response = officer.post(reverse("funding:stream_create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: " in page and "govuk-error-summary" in page
    assert page.count(message) == 2, page.count(message)  # in the summary and beside the field
    assert f'id="id_{field}_1_error"' in page or f'id="id_{field}_error"' in page
    for other in ("name", "summary", "pays_for"):  # nothing typed is lost
        assert other == field or data[other] in page, other
    if typed and field != "name":
        assert typed.replace("&", "&amp;") in page
    assert FundingStream.objects.count() == 1


def test_the_database_refuses_duplicate_names_and_bad_codes_and_years():
    FundingStreamFactory(name="Home Office LSMP grant", short_name="LSMP")
    for fields in ({"name": "HOME OFFICE lsmp grant"}, {"short_name": "lsmp"}, {"short_name": "A B"},
                   {"name": ""}, {"funded_since": 1999}, {"funded_since": 2101}):
        with pytest.raises(IntegrityError), transaction.atomic():
            FundingStream.objects.create(**{"name": "Another", "short_name": "OTHER", "summary": "s",
                                            "pays_for": "p", **fields})


def test_a_signed_decision_fixes_the_stream_code():
    stream = FundingStreamFactory(short_name="LSMP")
    SignedDecisionFactory(funding_stream=stream, reference_code="MD2628")
    stream.short_name = "LSMP-2"
    with pytest.raises(ValidationError) as refused:
        services.stream_save(stream=stream, funders=[])
    assert refused.value.message_dict["short_name"] == [
        "The code must stay LSMP: signed decision MD2628 is recorded against this stream."]
    assert FundingStream.objects.get(pk=stream.pk).short_name == "LSMP"
    # Its name and description may still be corrected.
    stream = FundingStream.objects.get(pk=stream.pk)
    stream.name, stream.summary = "Home Office LSMP grant (2020 agreement)", "Corrected"
    assert services.stream_save(stream=stream, funders=[]).name == "Home Office LSMP grant (2020 agreement)"


def test_a_draft_decision_does_not_fix_the_stream_code():
    stream = FundingStreamFactory(short_name="LSMP")
    DecisionFactory(funding_stream=stream)
    stream.short_name = "LSMP-2"
    assert services.stream_save(stream=stream, funders=[]).short_name == "LSMP-2"


def test_a_funder_with_recorded_amounts_stays_a_funder():
    stream = FundingStreamFactory()
    kept, other = FunderFactory(name="Trust for London"), FunderFactory(name="Paul Hamlyn Foundation")
    services.allocation_save(allocation=StreamAllocationFactory.build(stream=stream, funder=kept))
    with pytest.raises(ValidationError, match="Trust for London has amounts recorded"):
        services.stream_save(stream=stream, funders=[other])
    assert list(stream.funders.all()) == [kept]
    assert set(services.stream_save(stream=stream, funders=[kept, other]).funders.all()) == {kept, other}


def test_edit_page_shows_the_fixed_code_and_ignores_a_posted_one(officer):
    stream = FundingStreamFactory(name="Home Office LSMP grant", short_name="LSMP")
    SignedDecisionFactory(funding_stream=stream, reference_code="MD2628")
    page = officer.get(_edit_url(stream)).content.decode()
    assert "Signed decision MD2628 name this stream by its code" in page and "disabled" in page
    response = officer.post(_edit_url(stream), {**VALID, "name": "Home Office LSMP grant", "short_name": "NEW"})
    assert response.status_code == 302
    stream.refresh_from_db()
    assert (stream.short_name, stream.summary) == ("LSMP", "Funded by MHCLG.")


def test_edit_page_keeps_its_own_name_and_explains_errors(officer):
    stream = FundingStreamFactory(name="Home Office LSMP grant", short_name="LSMP")
    FundingStreamFactory(name="Controlling Migration Fund", short_name="CMF")
    assert officer.post(_edit_url(stream), {**VALID, "name": "Home Office LSMP grant", "short_name": "LSMP",
                                            "summary": "New words"}).status_code == 302
    response = officer.post(_edit_url(stream), {**VALID, "name": "controlling migration fund", "short_name": "LSMP",
                                                "summary": "Typed again"})
    page = response.content.decode()
    assert "A funding stream with this name exists already" in page and "Typed again" in page
    assert "<title>Error: Change Home Office LSMP grant" in " ".join(page.split())
    stream.refresh_from_db()
    assert (stream.name, stream.summary) == ("Home Office LSMP grant", "New words")


def test_bad_stream_ids_are_not_found(officer):
    assert officer.get("/funding/streams/999999/edit/").status_code == 404
    assert officer.get("/funding/streams/abc/edit/").status_code == 404


def test_officers_find_the_stream_pages(officer, client):
    stream = FundingStreamFactory(name="Home Office LSMP grant")
    manage = reverse("funding:stream_manage")
    for url in (reverse("funding:register"), reverse("funding:stream_list")):
        assert manage in officer.get(url).content.decode(), url
    assert _edit_url(stream) in officer.get(reverse("funding:stream_detail", kwargs={"pk": stream.pk})).content.decode()
    officer.logout()
    for url in (reverse("funding:register"), reverse("funding:stream_list")):
        assert manage not in client.get(url).content.decode(), url


def test_officer_list_shows_each_stream_and_its_decisions(officer):
    stream = FundingStreamFactory(name="Citizenship and Integration Initiative", short_name="CII", funded_since=2017,
                                  target_amount=Decimal("1000000.00"), ends_on=dt.date(2021, 3, 31),
                                  lead_officer=gla_officer(full_name="Lee Lead"))
    stream.funders.set([FunderFactory(name="Trust for London")])
    SignedDecisionFactory(funding_stream=stream)
    DecisionFactory(funding_stream=stream)
    page = officer.get(reverse("funding:stream_manage")).content.decode()
    for shown in ("Citizenship and Integration Initiative", "CII", "Trust for London", "2017", "£1,000,000.00",
                  "31 Mar 2021", "Lee Lead", "2 (1)", _edit_url(stream)):
        assert shown in page, shown


def test_officer_list_query_count_is_flat(officer):
    def make(n):
        for _ in range(n):
            stream = FundingStreamFactory(lead_officer=gla_officer())
            stream.funders.set([FunderFactory()])
            SignedDecisionFactory(funding_stream=stream)
            DecisionFactory(funding_stream=stream)
    assert_flat_query_count(officer, reverse("funding:stream_manage"), make)


def test_a_streams_page_bounds_its_decisions_and_links_to_the_list_filtered_to_it(world, client_for):
    from funding.selectors import STREAM_DECISIONS_SHOWN

    stream = FundingStreamFactory(name="Controlling Migration Fund", short_name="CMF")
    for _ in range(STREAM_DECISIONS_SHOWN + 3):
        SignedDecisionFactory(funding_stream=stream)
    DecisionFactory(funding_stream=stream, title="A draft only officers see")
    SignedDecisionFactory(title="Another stream's decision")
    page = reverse("funding:stream_detail", kwargs={"pk": stream.pk})

    public = client_for(None).get(page).content.decode()
    assert public.count('href="/funding/decisions/MD') == STREAM_DECISIONS_SHOWN
    assert f"Showing the newest {STREAM_DECISIONS_SHOWN} of {STREAM_DECISIONS_SHOWN + 3} decisions." in " ".join(
        public.split())
    assert f'href="{reverse("funding:register")}?stream={stream.pk}"' in public
    register = client_for(None).get(reverse("funding:register"), {"stream": stream.pk}).content.decode()
    assert f"{STREAM_DECISIONS_SHOWN + 3} signed decisions" in register
    assert "Another stream" not in register and "A draft only" not in register

    officers = client_for(world.users["gla_officer"])
    assert f'href="{reverse("funding:decision_list")}?stream={stream.pk}"' in officers.get(page).content.decode()
    listed = officers.get(reverse("funding:decision_list"), {"stream": stream.pk}).content.decode()
    assert listed.count('href="/funding/decisions/MD') == STREAM_DECISIONS_SHOWN + 4  # the draft too
    assert "A draft only officers see" in listed and "Another stream" not in listed


@pytest.mark.parametrize("value", ["999999", "abc", "²"])
def test_a_stream_filter_that_is_not_a_stream_is_not_a_crash(client_for, value):
    response = client_for(None).get(reverse("funding:register"), {"stream": value})
    assert response.status_code == 200
