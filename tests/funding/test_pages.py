"""The pages: bad input answered with clear messages (never a 500), register filters, risk
register and RAG, streams with totals by funder and year, and flat query counts."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.models import RAG_RULE_TEXT, Decision, Line, rag_for_score
from funding.views import PAGE_SIZE
from partnership.models import OrganisationKind
from tests.factories.funding import (
    DecisionFactory,
    DecisionItemFactory,
    FunderFactory,
    FundingStreamFactory,
    LineFactory,
    RiskFactory,
    SignedDecisionFactory,
    StreamAllocationFactory,
    home_office,
)
from tests.factories.partnership import OrganisationFactory
from tests.support.pagination import assert_flat_query_count_across_pages
from tests.support.queries import assert_flat_query_count
from tests.support.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db

VALID = {"reference_code": "MD2900", "title": "LSMP 2021/22", "decision_type": "mayor",
         "decision_by_name": "Sadiq Khan", "decision_by_title": "Mayor of London"}


@pytest.fixture
def officer(world, client_for):
    return client_for(world.users["gla_officer"])


@pytest.mark.parametrize("field, typed, message", [
    ("reference_code", "XY123", "starts with MD, DD or ADD"),
    ("reference_code", "MD", "starts with MD, DD or ADD"),
    ("reference_code", "MD12AB", "starts with MD, DD or ADD"),
    ("reference_code", "MD" + "9" * 40, "starts with MD, DD or ADD"),
    ("reference_code", "<script>", "starts with MD, DD or ADD"),
    ("title", "x" * 20_000, "Title must be 300 characters or fewer"),
    ("title", "", "Enter the title"),
    ("decision_type", "emperor", "Select the decision&#x27;s decision type from the list"),
])
def test_bad_decision_input_is_explained_and_kept(officer, field, typed, message):
    response = officer.post(reverse("funding:decision_create"), {**VALID, field: typed})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "govuk-error-summary" in page and "<title>Error: " in page
    assert not Decision.objects.exists()
    if typed and field == "title":
        assert typed in page  # nothing typed is lost


def test_reference_code_is_normalised_and_unique(officer):
    assert officer.post(reverse("funding:decision_create"), {**VALID, "reference_code": " md2900 "}).status_code == 302
    assert Decision.objects.get().reference_code == "MD2900"
    again = officer.post(reverse("funding:decision_create"), VALID)
    assert "A decision with this reference code exists already" in again.content.decode()


def test_the_database_refuses_a_bad_reference_code():
    from django.db import IntegrityError, transaction

    decision = DecisionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(reference_code="XX1")


@pytest.mark.parametrize("amount, message", [("-64000", "amounts are always positive"), ("0", "at least £0.01"),
                                             ("64,000.123", "at most 2 decimal places"),
                                             ("£64,000.50x", "as a number"), ("1" * 30, "below £10,000,000,000")])
def test_bad_amounts_on_the_page(officer, amount, message):
    decision = DecisionFactory()
    response = officer.post(reverse("funding:part_add", kwargs={"code": decision.reference_code, "kind": "lines"}),
                            {"direction": "income", "amount": amount, "financial_year": "2020",
                             "source_organisation": home_office().pk, "purpose": "LSMP grant"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Line.objects.exists()


def test_amounts_may_be_typed_with_pound_sign_and_commas(officer):
    decision = DecisionFactory()
    officer.post(reverse("funding:part_add", kwargs={"code": decision.reference_code, "kind": "lines"}),
                 {"direction": "income", "amount": "£154,000.00", "financial_year": "2020",
                  "source_organisation": home_office().pk, "purpose": "LSMP grant"})
    assert decision.lines.get().amount == Decimal("154000.00")


def test_overspending_is_explained_beside_the_amount(officer):
    decision = DecisionFactory()
    funder = home_office()
    LineFactory(decision=decision, amount=Decimal("100.00"), source_organisation=funder)
    response = officer.post(reverse("funding:part_add", kwargs={"code": decision.reference_code, "kind": "lines"}),
                            {"direction": "expenditure", "amount": "100.01", "financial_year": "2020",
                             "source_organisation": funder.pk, "purpose": "Enabling"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "more than the income from it that year" in page and 'id="id_amount_1_error"' in page
    assert decision.lines.count() == 1


@pytest.mark.parametrize("query", ["year=abc", "year=1999", "decision_type=nope", "funder=999999", "funder=x",
                                   "q=" + "x" * 5000, "page=999", "page=-1", "q=%00"])
def test_bad_register_filters_never_fail(client, query):
    SignedDecisionFactory()
    for name in ("funding:register", "funding:register_export"):
        assert client.get(reverse(name) + "?" + query).status_code == 200


def test_unknown_part_kind_or_bad_code_is_not_found(officer):
    decision = DecisionFactory()
    assert officer.get(f"/funding/decisions/{decision.reference_code}/secrets/add/").status_code == 404
    assert officer.get("/funding/decisions/XX1/").status_code == 404


def test_register_filters_by_year_type_funder_and_search(client):
    md = SignedDecisionFactory(reference_code="MD2628", title="London Strategic Migration Partnership 2020/21")
    LineFactory(decision=md, financial_year=2020)
    dd = SignedDecisionFactory(reference_code="DD2239", title="Portal for European Londoners",
                               decision_type="director")
    trust = OrganisationFactory(name="Paul Hamlyn Foundation", kind=OrganisationKind.FUNDER)
    LineFactory(decision=dd, financial_year=2018, source_organisation=trust)

    def codes(**params):
        page = client.get(reverse("funding:register"), params).content.decode()
        return {code for code in ("MD2628", "DD2239") if f"/funding/decisions/{code}/" in page}

    assert codes() == {"MD2628", "DD2239"}
    assert codes(year="2020") == {"MD2628"}
    assert codes(decision_type="director") == {"DD2239"}
    assert codes(funder=trust.pk) == {"DD2239"}
    assert codes(q="md2628") == {"MD2628"}
    assert codes(q="european") == {"DD2239"}
    page = client.get(reverse("funding:register")).content.decode()
    assert '<option value="2020">2020/21</option>' in page


def test_signed_pdf_downloads_from_the_register_as_an_attachment(client):
    from tests.factories.funding import DocumentFactory

    document = DocumentFactory(kind="signed", title="MD2628 - SIGNED")
    link = reverse("funding:document_download", kwargs={"pk": document.pk})
    assert link in client.get(reverse("funding:register")).content.decode()
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("probability, impact, rag", [(1, 1, "green"), (2, 2, "green"), (1, 4, "green"),
                                                      (3, 2, "amber"), (3, 3, "amber"), (4, 3, "red"), (4, 4, "red")])
def test_rag_rule(probability, impact, rag):
    risk = RiskFactory(probability=probability, impact=impact)
    assert (risk.risk_score, risk.rag) == (probability * impact, rag)
    assert rag_for_score(probability * impact) == rag


@pytest.mark.parametrize("probability, impact", [(0, 2), (5, 1), (2, 5), (2, 0)])
def test_probability_and_impact_are_1_to_4_in_the_database(probability, impact):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        RiskFactory(probability=probability, impact=impact)


def test_risk_register_lists_live_decisions_by_score(officer):
    low = RiskFactory(decision=SignedDecisionFactory(), probability=2, impact=2, description="Low risk")
    high = RiskFactory(decision=DecisionFactory(), probability=4, impact=3, description="High risk")
    RiskFactory(decision=DecisionFactory(status="withdrawn"), probability=4, impact=4, description="Withdrawn one")
    page = officer.get(reverse("funding:risk_register")).content.decode()
    assert page.index(high.description) < page.index(low.description)
    assert "Withdrawn one" not in page
    assert RAG_RULE_TEXT.replace("×", "&times;") in page or RAG_RULE_TEXT in page


def test_streams_show_totals_by_funder_and_year(client):
    stream = FundingStreamFactory(name="Citizenship and Integration Initiative")
    a, b = FunderFactory(name="Trust for London"), FunderFactory(name="Paul Hamlyn Foundation")
    StreamAllocationFactory(stream=stream, funder=a, financial_year=2019, amount=Decimal("100000.50"))
    StreamAllocationFactory(stream=stream, funder=a, financial_year=2020, amount=Decimal("200000.00"))
    StreamAllocationFactory(stream=stream, funder=b, financial_year=2020, amount=Decimal("50000.25"))
    stream.funders.set([a, b])
    draft = DecisionFactory(funding_stream=stream, reference_code="ADD2101")
    signed = SignedDecisionFactory(funding_stream=stream, reference_code="MD2700")
    page = client.get(reverse("funding:stream_detail", kwargs={"pk": stream.pk})).content.decode()
    assert "£300,000.50" in page  # Trust for London, both years
    assert "£250,000.25" in page  # 2020/21, both funders
    assert "£350,000.75" in page  # grand total
    assert signed.reference_code in page and draft.reference_code not in page  # drafts stay private
    listing = client.get(reverse("funding:stream_list")).content.decode()
    assert "£350,000.75" in listing


def _make_decisions(n, *, signed=True):
    from tests.factories.funding import DocumentFactory

    factory = SignedDecisionFactory if signed else DecisionFactory
    for _ in range(n):
        decision = factory(funding_stream=FundingStreamFactory())
        DocumentFactory(decision=decision, kind="signed" if signed else "appendix")
        LineFactory(decision=decision)
        RiskFactory(decision=decision)
        DecisionItemFactory(decision=decision)


def test_register_query_count_is_flat_across_sizes_and_pages(client):
    assert_flat_query_count_across_pages(client, reverse("funding:register"), _make_decisions, per_page=PAGE_SIZE)


def test_register_export_query_count_is_flat(client):
    assert_flat_query_count(client, reverse("funding:register_export"), _make_decisions)


def test_officer_list_query_count_is_flat_across_sizes_and_pages(officer):
    assert_flat_query_count_across_pages(officer, reverse("funding:decision_list"),
                                         lambda n: _make_decisions(n, signed=False), per_page=PAGE_SIZE)


def test_risk_register_query_count_is_flat_across_sizes_and_pages(officer):
    assert_flat_query_count_across_pages(officer, reverse("funding:risk_register"), _make_decisions,
                                         per_page=PAGE_SIZE)


def test_stream_list_query_count_is_flat(client):
    def make(n):
        for _ in range(n):
            StreamAllocationFactory(stream=FundingStreamFactory())
    assert_flat_query_count(client, reverse("funding:stream_list"), make)


def test_stream_page_query_count_is_flat(client):
    stream = FundingStreamFactory()

    def make(n):
        for _ in range(n):
            StreamAllocationFactory(stream=stream, financial_year=2000 + StreamAllocationFactory._meta.model
                                    .objects.filter(stream=stream).count())
            LineFactory(decision=SignedDecisionFactory(funding_stream=stream))
    assert_flat_query_count(client, reverse("funding:stream_detail", kwargs={"pk": stream.pk}), make)


def test_decision_page_query_count_is_flat_in_lines_and_risks(client):
    decision = SignedDecisionFactory()

    def make(n):
        for _ in range(n):
            LineFactory(decision=decision, source_organisation=FunderFactory())
            RiskFactory(decision=decision)
    assert_flat_query_count(client, reverse("funding:decision_detail", kwargs={"code": decision.reference_code}),
                            make)


def test_signing_through_the_page(officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories.funding import pdf_bytes

    decision = DecisionFactory(status="awaiting_signature")
    LineFactory(decision=decision, confirmed_in_writing=True, confirmed_on=dt.date(2020, 6, 1))
    url = reverse("funding:decision_sign", kwargs={"code": decision.reference_code})
    not_pdf = officer.post(url, {"date_signed": "2020-09-01",
                                 "signed_pdf": SimpleUploadedFile("x.pdf", b"hello", content_type="application/pdf")})
    assert "its content is not a PDF file" in not_pdf.content.decode()
    bad_date = officer.post(url, {"date_signed": "31/02/2020",
                                  "signed_pdf": SimpleUploadedFile("x.pdf", pdf_bytes())})
    assert "Enter a real date" in bad_date.content.decode()
    done = officer.post(url, {"date_signed": "2020-09-01", "signed_pdf": SimpleUploadedFile("x.pdf", pdf_bytes())})
    assert done.status_code == 302
    decision.refresh_from_db()
    assert decision.status == "signed" and decision.date_signed == dt.date(2020, 9, 1)


def test_status_and_date_signed_posted_to_the_form_are_ignored(officer):
    officer.post(reverse("funding:decision_create"), {**VALID, "status": "signed", "date_signed": "2020-09-01"})
    decision = Decision.objects.get()
    assert (decision.status, decision.date_signed) == ("draft", None)


def test_dashboard_shows_decision_counts_to_officers_only(world, client_for):
    DecisionFactory()
    SignedDecisionFactory()
    page = client_for(world.users["gla_officer"]).get(reverse("dashboard")).content.decode()
    assert "Funding decisions" in page and "Awaiting signature" in page
    page = client_for(world.users["borough_a"]).get(reverse("dashboard")).content.decode()
    assert "Funding decisions" not in page


def test_dashboard_query_count_is_flat(world, client_for):
    assert_flat_query_count(client_for(world.users["gla_officer"]), reverse("dashboard"),
                            lambda n: _make_decisions(n, signed=False))


def test_decision_items_keep_the_form_order(client):
    decision = SignedDecisionFactory()
    for number in ["10", "2b", "1", "2", "2a"]:
        DecisionItemFactory(decision=decision, number=number, text=f"item-{number}-text")
    page = client.get(reverse("funding:decision_detail", kwargs={"code": decision.reference_code})).content.decode()
    positions = [page.index(f"item-{n}-text") for n in ["1", "2", "2a", "2b", "10"]]
    assert positions == sorted(positions)


def test_officer_records_a_stream_amount(officer):
    stream = FundingStreamFactory(name="Citizenship and Integration Initiative")
    funder = FunderFactory(name="Trust for London")
    url = reverse("funding:stream_allocation_add", kwargs={"pk": stream.pk})
    data = {"funder": funder.pk, "financial_year": "2020", "amount": "£250,000", "pays_for": "Two secondees"}
    assert officer.post(url, data).status_code == 302
    assert stream.allocations.get().amount == Decimal("250000.00")
    assert list(stream.funders.all()) == [funder]
    again = officer.post(url, data).content.decode()
    assert "This funder has an amount for that year already" in again
    negative = officer.post(url, {**data, "financial_year": "2021", "amount": "-5"}).content.decode()
    assert "amounts are always positive" in negative
    assert stream.allocations.count() == 1


def test_register_csv_neutralises_cells_a_spreadsheet_would_run(client):
    SignedDecisionFactory(reference_code="MD2901", title="\tcmd /c calc",
                          executive_summary="\r=HYPERLINK(\"http://evil.example\")")
    SignedDecisionFactory(reference_code="MD2902", title="=1+1", executive_summary="@SUM(A1) and -2")
    response = client.get(reverse("funding:register_export"))
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    by_code = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_code["MD2901"]["Title"] == "'\tcmd /c calc"
    assert by_code["MD2901"]["Executive summary"] == "'\r=HYPERLINK(\"http://evil.example\")"
    assert by_code["MD2902"]["Title"] == "'=1+1"
    assert by_code["MD2902"]["Executive summary"] == "'@SUM(A1) and -2"


def test_a_document_download_is_an_attachment_and_a_missing_file_is_a_404(client):
    from tests.factories.funding import DocumentFactory

    document = DocumentFactory(original_filename="Appendix A.pdf")
    url = reverse("funding:document_download", kwargs={"pk": document.pk})
    response = client.get(url)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "Appendix A.pdf" in disposition
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    document.file.delete(save=False)
    assert client.get(url).status_code == 404


def test_only_public_documents_of_signed_decisions_may_be_cached(client):
    from tests.factories.funding import DecisionFactory, DocumentFactory
    from tests.factories.partnership import gla_officer

    public = DocumentFactory()
    confidential = DocumentFactory(is_confidential=True, title="Part 2 appendix")
    draft_document = DocumentFactory(decision=DecisionFactory(), title="Draft appendix")
    sign_in_fully(client, gla_officer())
    public_response = client.get(reverse("funding:document_download", kwargs={"pk": public.pk}))
    assert "no-store" not in public_response.get("Cache-Control", "")
    for document in (confidential, draft_document):
        response = client.get(reverse("funding:document_download", kwargs={"pk": document.pk}))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
