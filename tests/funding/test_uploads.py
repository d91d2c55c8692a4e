"""Funding uploads follow the paper upload's rules: an allow-list of formats, the content
checked against the extension, a generated stored name, and the served Content-Type taken from
the checked format, never from the browser. A signed decision must really be a PDF."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from funding.models import DecisionDocument, DocumentKind
from partnership.common.sample_documents import minimal_docx
from tests.factories.funding import DecisionFactory, DocumentFactory, LineFactory, SignedDecisionFactory, pdf_bytes
from tests.support.hostile_files import PDF_POLYGLOT, SVG_IMAGE, WEB_PAGE, zip_bomb_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def officer(world, client_for):
    return client_for(world.users["gla_officer"])


def _add_document(client, decision, name, content, claimed_type):
    url = reverse("funding:part_add", kwargs={"code": decision.reference_code, "kind": "documents"})
    upload = SimpleUploadedFile(name, content, content_type=claimed_type)
    return client.post(url, {"title": "Appendix A", "file": upload})


def _error_beside(response, field):
    """The message shown beside the field: the GOV.UK error message inside the field's group."""
    html = response.content.decode()
    group = html.split(f'id="div_id_{field}"', 1)[1].split("</div>", 1)[0]
    assert "govuk-error-message" in group, group
    return group.split('class="govuk-error-message"', 1)[1].split("<input", 1)[0]


@pytest.mark.parametrize(("name", "content", "claimed", "message"), [
    ("page.html", WEB_PAGE, "text/html", "must be a PDF, Word"),
    ("img.svg", SVG_IMAGE, "image/svg+xml", "must be a PDF, Word"),
    ("page.pdf", PDF_POLYGLOT, "application/pdf", "holds web page code"),
    ("letter.docx", WEB_PAGE, DOCX, "its content is not a Word file"),
    ("bomb.docx", zip_bomb_docx(), DOCX, "would unpack to far more than its size"),
])
def test_hostile_appendices_are_refused_beside_the_field(officer, name, content, claimed, message):
    decision = DecisionFactory()
    response = _add_document(officer, decision, name, content, claimed)
    assert response.status_code == 200
    assert message in _error_beside(response, "file")
    assert "govuk-error-summary" in response.content.decode()
    assert 'value="Appendix A"' in response.content.decode()  # what was typed is kept
    assert not DecisionDocument.objects.exists()


def test_an_appendix_is_stored_and_served_as_its_checked_format(officer, client):
    decision = DecisionFactory()
    response = _add_document(officer, decision, "Home Office letter.docx", minimal_docx("Letter"), "text/html")
    assert response.status_code == 302
    document = DecisionDocument.objects.get()
    assert document.content_type == DOCX
    assert document.file.name.startswith("decisions/") and document.file.name.endswith(".docx")
    assert "Home Office" not in document.file.name  # the stored name is the portal's
    download = officer.get(reverse("funding:document_download", kwargs={"pk": document.pk}))
    assert download["Content-Type"] == DOCX
    assert download["X-Content-Type-Options"] == "nosniff"
    assert 'filename="Home Office letter.docx"' in download["Content-Disposition"]


def test_a_document_stored_before_the_checks_is_served_as_plain_bytes(officer):
    document = DocumentFactory(decision=DecisionFactory(), original_filename="page.html", content_type="text/html",
                               file=ContentFile(WEB_PAGE, name="page.html"))
    download = officer.get(reverse("funding:document_download", kwargs={"pk": document.pk}))
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment;") and 'filename="page.bin"' in download[
        "Content-Disposition"]


def _sign(client, decision, name, content):
    url = reverse("funding:decision_sign", kwargs={"code": decision.reference_code})
    return client.post(url, {"date_signed": "2020-09-01",
                             "signed_pdf": SimpleUploadedFile(name, content, content_type="application/pdf")})


def _awaiting_signature():
    decision = DecisionFactory(status="awaiting_signature", reference_code="MD2628")
    LineFactory(decision=decision, confirmed_in_writing=True, confirmed_on=dt.date(2020, 6, 1))
    return decision


@pytest.mark.parametrize(("name", "content", "message"), [
    ("signed.html", PDF_POLYGLOT, "must be a PDF file (.pdf)"),
    ("signed.pdf", PDF_POLYGLOT, "holds web page code"),
    ("signed.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "its content is not a PDF file"),
    ("signed.docx", minimal_docx("x"), "must be a PDF file (.pdf)"),
])
def test_the_signed_decision_must_really_be_a_pdf(officer, name, content, message):
    decision = _awaiting_signature()
    response = _sign(officer, decision, name, content)
    assert response.status_code == 200
    assert message in _error_beside(response, "signed_pdf")
    decision.refresh_from_db()
    assert decision.status == "awaiting_signature" and not decision.documents.exists()


def test_the_signed_pdf_downloads_under_the_decisions_name(officer, client):
    decision = _awaiting_signature()
    assert _sign(officer, decision, "scan 0042 (final) FINAL.pdf", pdf_bytes("Signed MD2628")).status_code == 302
    signed = DecisionDocument.objects.get(kind=DocumentKind.SIGNED)
    assert signed.content_type == "application/pdf" and signed.file.name.endswith(".pdf")
    download = client.get(reverse("funding:document_download", kwargs={"pk": signed.pk}))  # the public register's
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert 'filename="MD2628-signed.pdf"' in download["Content-Disposition"]


def test_the_officers_decision_pdf_with_part_2_is_confidential_and_never_cached(world, client_for):
    decision = SignedDecisionFactory(reference_code="MD2628")
    url = reverse("funding:decision_pdf", kwargs={"code": decision.reference_code})
    officers = client_for(world.users["gla_officer"]).get(url)
    assert officers["Content-Type"] == "application/pdf"
    assert 'filename="MD2628-CONFIDENTIAL-includes-Part-2.pdf"' in officers["Content-Disposition"]
    cache = {part.strip() for part in officers["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache
    public = client_for(None).get(url)
    assert 'filename="MD2628.pdf"' in public["Content-Disposition"]
    assert "no-store" not in public.get("Cache-Control", "")
