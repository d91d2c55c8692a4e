"""Part 2 is confidential: it never reaches an anonymous visitor, a borough officer or a panel
member, on any path (page, search, CSV export, PDF, confidential appendices), while GLA
officers see it everywhere."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from funding.models import DocumentKind
from tests.factories.funding import DecisionFactory, DocumentFactory, LineFactory, SignedDecisionFactory

pytestmark = pytest.mark.django_db

SECRET = "ZEBRA-NEGOTIATION-LINE"
OUTSIDERS = ["anonymous", "borough_a", "borough_b", "panel_member"]
INSIDERS = ["gla_officer", "superuser"]


@pytest.fixture
def decision(world):
    decision = SignedDecisionFactory(reference_code="MD2628", title="London Strategic Migration Partnership 2020/21",
                                     part2_confidential=f"Part 2 advice: {SECRET}")
    LineFactory(decision=decision)
    DocumentFactory(decision=decision, title=f"Confidential appendix {SECRET}", is_confidential=True)
    DocumentFactory(decision=decision, title="Appendix A - Home Office Letter")
    return decision


def _paths(decision):
    code = decision.reference_code
    return {
        "page": reverse("funding:decision_detail", kwargs={"code": code}),
        "pdf": reverse("funding:decision_pdf", kwargs={"code": code}),
        "export": reverse("funding:register_export"),
        "export searched": reverse("funding:register_export") + "?q=MD2628",
        "register": reverse("funding:register") + "?q=MD2628",
    }


def _body(response):
    """The bytes of a page or export; a PDF's text as extracted (its streams are compressed)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type") == "application/pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages).encode()
    return raw


@pytest.mark.parametrize("role", OUTSIDERS)
def test_part2_never_reaches_outsiders(role, decision, world, client_for):
    client = client_for(world.users[role])
    for name, url in _paths(decision).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = _body(response)
        assert SECRET.encode() not in body, f"Part 2 leaked to {role} through the {name}"
        assert b"Part 2: Confidential" not in body, name
    # The confidential appendix is neither listed nor downloadable; the public one is both.
    confidential = decision.documents.get(is_confidential=True)
    assert client.get(reverse("funding:document_download", kwargs={"pk": confidential.pk})).status_code == 404
    public = decision.documents.get(is_confidential=False)
    assert client.get(reverse("funding:document_download", kwargs={"pk": public.pk})).status_code == 200


@pytest.mark.parametrize("role", OUTSIDERS)
def test_searching_for_part2_words_finds_nothing_for_outsiders(role, decision, world, client_for):
    client = client_for(world.users[role])
    response = client.get(reverse("funding:register"), {"q": SECRET})
    assert "/funding/decisions/MD2628/" not in response.content.decode()
    export = client.get(reverse("funding:register_export"), {"q": SECRET}).getvalue().decode()
    assert "MD2628" not in export


@pytest.mark.parametrize("role", INSIDERS)
def test_gla_officers_see_part2_on_every_path(role, decision, world, client_for):
    client = client_for(world.users[role])
    paths = _paths(decision)
    for name in ("page", "pdf", "export"):
        assert SECRET.encode() in _body(client.get(paths[name])), name
    listed = client.get(reverse("funding:decision_list"), {"q": SECRET}).content.decode()
    assert "/funding/decisions/MD2628/" in listed


@pytest.mark.parametrize("role", OUTSIDERS)
def test_drafts_are_invisible_to_outsiders(role, world, client_for):
    draft = DecisionFactory(reference_code="MD2800")
    DocumentFactory(decision=draft, kind=DocumentKind.APPENDIX)
    client = client_for(world.users[role])
    assert client.get(reverse("funding:decision_detail", kwargs={"code": "MD2800"})).status_code == 404
    assert client.get(reverse("funding:decision_pdf", kwargs={"code": "MD2800"})).status_code == 404
    document = draft.documents.get()
    assert client.get(reverse("funding:document_download", kwargs={"pk": document.pk})).status_code == 404
    assert "MD2800" not in client.get(reverse("funding:register_export")).getvalue().decode()
    found = client.get(reverse("funding:register"), {"q": "MD2800"}).content.decode()
    assert "/funding/decisions/MD2800/" not in found and "0 signed decisions" in found


def test_register_filter_choices_do_not_hint_at_drafts(client):
    from partnership.models import OrganisationKind
    from tests.factories.partnership import OrganisationFactory

    secret_funder = OrganisationFactory(name="Undisclosed Foundation", kind=OrganisationKind.FUNDER)
    LineFactory(decision=DecisionFactory(), source_organisation=secret_funder, financial_year=2031)
    LineFactory(decision=SignedDecisionFactory(), financial_year=2020)
    page = client.get(reverse("funding:register")).content.decode()
    assert "Home Office" in page and "2020/21" in page
    assert "Undisclosed Foundation" not in page and "2031/32" not in page
