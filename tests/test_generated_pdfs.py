"""Every PDF the portal makes comes from an HTML template through WeasyPrint (partnership.common.pdf):
each is opened with pypdf here and checked for its text, its tags (a structure tree, marked
content) and its language. Minutes: tests/partnership/meetings/test_minutes_record.py; ESOL
progress papers: tests/esol/services/test_progress_papers.py."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from funding.exports import decision_pdf, document_pdf
from tests.factories.funding import SignedDecisionFactory


def _read(content: bytes):
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_the_decision_form_is_a_tagged_pdf_with_its_sections_and_part2_only_when_asked():
    decision = SignedDecisionFactory(reference_code="MD2628", title="LSMP 2020/21",
                                     part2_confidential="Only for officers")
    reader, text = _read(decision_pdf(decision, include_part2=False))
    assert reader.metadata.title == "MD2628 LSMP 2020/21"
    for heading in ("Executive summary", "Decision", "Part 1: Non-confidential facts and advice", "Financial lines",
                    "Key risks and issues", "Timeline"):
        assert heading in text, heading
    assert "Only for officers" not in text
    _, with_part2 = _read(decision_pdf(decision, include_part2=True))
    assert "Only for officers" in with_part2


@pytest.mark.django_db
def test_the_decision_pdf_download_is_the_rendered_template(client):
    decision = SignedDecisionFactory(reference_code="MD2629")
    response = client.get(reverse("funding:decision_pdf", kwargs={"code": decision.reference_code}))
    _, text = _read(b"".join(response.streaming_content) if response.streaming else response.content)
    assert "MD2629" in text


def test_a_short_document_covers_text_beyond_western_european_scripts():
    _, text = _read(document_pdf(title="Signed decision", text="Welcome: Ласкаво просимо; Bienvenue"))
    assert "Signed decision" in text and "Ласкаво просимо" in text
