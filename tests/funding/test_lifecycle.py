"""Draft -> awaiting signature -> signed (or withdrawn); a signed decision is fixed on every
edit path, through the services and through the pages; a new decision can supersede it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from funding import services
from funding.models import (
    Decision,
    DecisionItem,
    DecisionRelation,
    DecisionStatus,
    DocumentKind,
    Line,
    LineDirection,
    Milestone,
    RelationKind,
    Risk,
)
from tests.factories.funding import (
    DecisionFactory,
    DecisionItemFactory,
    DocumentFactory,
    LineFactory,
    MilestoneFactory,
    RiskFactory,
    SignedDecisionFactory,
    home_office,
    pdf_bytes,
)
from tests.factories.partnership import gla_officer

pytestmark = pytest.mark.django_db
SIGNED_ON = dt.date(2020, 9, 1)


def _pdf(content=None, name="signed.pdf"):
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content, content_type="application/pdf")


def _awaiting():
    decision = DecisionFactory()
    DecisionItemFactory(decision=decision)
    LineFactory(decision=decision, confirmed_in_writing=True, confirmed_on=dt.date(2020, 6, 1))
    return services.decision_submit(decision=decision)


def test_draft_to_awaiting_signature_to_signed():
    officer = gla_officer()
    decision = _awaiting()
    assert decision.status == DecisionStatus.AWAITING_SIGNATURE
    signed = services.decision_sign(decision=decision, date_signed=SIGNED_ON, signed_pdf=_pdf(), by=officer)
    assert (signed.status, signed.date_signed) == (DecisionStatus.SIGNED, SIGNED_ON)
    document = signed.documents.get(kind=DocumentKind.SIGNED)
    assert document.content_type == "application/pdf"
    assert document.file.read().startswith(b"%PDF-")


def test_submitting_needs_decision_items():
    with pytest.raises(ValidationError, match="decision item"):
        services.decision_submit(decision=DecisionFactory())


def test_only_a_decision_awaiting_signature_can_be_signed():
    with pytest.raises(ValidationError, match="awaiting signature"):
        services.decision_sign(decision=DecisionFactory(), date_signed=SIGNED_ON, signed_pdf=_pdf(), by=gla_officer())


def test_signing_needs_a_date_not_in_the_future_and_a_pdf():
    decision = _awaiting()
    with pytest.raises(ValidationError, match="Enter the date"):
        services.decision_sign(decision=decision, date_signed=None, signed_pdf=_pdf(), by=gla_officer())
    with pytest.raises(ValidationError, match="future"):
        services.decision_sign(decision=decision, date_signed=dt.date.today() + dt.timedelta(days=2),
                               signed_pdf=_pdf(), by=gla_officer())
    with pytest.raises(ValidationError, match="its content is not a PDF file"):
        services.decision_sign(decision=decision, date_signed=SIGNED_ON, by=gla_officer(),
                               signed_pdf=_pdf(b"MZ\x90\x00 not a pdf at all", name="trojan.pdf"))
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_SIGNATURE and not decision.documents.exists()


def test_database_requires_a_date_for_a_signed_decision_and_no_date_otherwise():
    decision = DecisionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(status=DecisionStatus.SIGNED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(date_signed=SIGNED_ON)


def test_database_keeps_one_signed_document_per_decision():
    decision = SignedDecisionFactory()
    DocumentFactory(decision=decision, kind=DocumentKind.SIGNED)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(decision=decision, kind=DocumentKind.SIGNED)


def test_withdraw_from_draft_but_never_a_signed_decision():
    withdrawn = services.decision_withdraw(decision=DecisionFactory(), reason="Covered elsewhere")
    assert withdrawn.status == DecisionStatus.WITHDRAWN
    with pytest.raises(ValidationError, match="supersedes"):
        services.decision_withdraw(decision=SignedDecisionFactory(), reason="Changed our minds")


@pytest.fixture
def signed():
    decision = SignedDecisionFactory()
    item = DecisionItemFactory(decision=decision)
    line = LineFactory(decision=decision)
    risk = RiskFactory(decision=decision)
    milestone = MilestoneFactory(decision=decision)
    document = DocumentFactory(decision=decision)
    return decision, item, line, risk, milestone, document


SERVICE_EDITS = {
    "decision fields": lambda d, **p: services.decision_update(decision=d, title="Rewritten"),
    "add a line": lambda d, **p: services.line_save(line=Line(
        decision=d, direction=LineDirection.INCOME, amount=Decimal("1.00"), financial_year=2020,
        source_organisation=home_office(), purpose="Extra")),
    "change a line": lambda d, line, **p: services.line_save(line=_changed(line, amount=Decimal("1.00"))),
    "remove a line": lambda d, line, **p: services.line_delete(line=line),
    "add a risk": lambda d, **p: services.part_save(part=Risk(decision=d, description="New", mitigations="x",
                                                               probability=1, impact=1), decision=d),
    "change a risk": lambda d, risk, **p: services.part_save(part=_changed(risk, probability=4), decision=d),
    "remove a risk": lambda d, risk, **p: services.part_delete(part=risk, decision=d),
    "add a milestone": lambda d, **p: services.part_save(part=Milestone(decision=d, activity="New", timeline="2021"),
                                                         decision=d),
    "remove a milestone": lambda d, milestone, **p: services.part_delete(part=milestone, decision=d),
    "change an item": lambda d, item, **p: services.part_save(part=_changed(item, text="Changed"), decision=d),
    "add a relation": lambda d, **p: services.part_save(part=DecisionRelation(
        from_decision=d, to_decision=DecisionFactory(), kind=RelationKind.RELATED), decision=d),
    "add a document": lambda d, **p: services.document_add(decision=d, title="Another", uploaded_file=_pdf(),
                                                           is_confidential=False, by=None),
    "remove a document": lambda d, document, **p: services.document_delete(document=document),
    "submit again": lambda d, **p: services.decision_submit(decision=d),
}


def _changed(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj


@pytest.mark.parametrize("edit", SERVICE_EDITS, ids=list(SERVICE_EDITS))
def test_no_service_changes_a_signed_decision(edit, signed):
    decision, item, line, risk, milestone, document = signed
    before = _snapshot(decision)
    with pytest.raises(ValidationError):
        SERVICE_EDITS[edit](decision, item=item, line=line, risk=risk, milestone=milestone, document=document)
    assert _snapshot(decision) == before


def _snapshot(decision):
    decision = Decision.objects.get(pk=decision.pk)
    return (decision.title, decision.status, decision.date_signed,
            sorted(Line.objects.filter(decision=decision).values_list("pk", "amount")),
            sorted(Risk.objects.filter(decision=decision).values_list("pk", "probability")),
            sorted(Milestone.objects.filter(decision=decision).values_list("pk", "activity")),
            sorted(DecisionItem.objects.filter(decision=decision).values_list("pk", "text")),
            sorted(decision.documents.values_list("pk", flat=True)),
            sorted(decision.relations_out.values_list("pk", flat=True)))


def _page_edits(decision, item, line, risk, milestone, document):
    code = decision.reference_code
    url = lambda name, **kw: reverse(f"funding:{name}", kwargs={"code": code, **kw})  # noqa: E731
    return [
        (url("decision_edit"), {"reference_code": code, "title": "Rewritten", "decision_type": "mayor",
                                "decision_by_name": "A", "decision_by_title": "B"}),
        (url("part_add", kind="lines"), {"direction": "income", "amount": "5", "financial_year": "2020",
                                         "source_organisation": line.source_organisation_id, "purpose": "x"}),
        (url("part_edit", kind="lines", pk=line.pk), {"direction": "income", "amount": "5", "financial_year": "2020",
                                                      "source_organisation": line.source_organisation_id,
                                                      "purpose": "x"}),
        (url("part_delete", kind="lines", pk=line.pk), {}),
        (url("part_add", kind="risks"), {"description": "x", "mitigations": "y", "probability": "4", "impact": "4"}),
        (url("part_edit", kind="risks", pk=risk.pk), {"description": "x", "mitigations": "y", "probability": "4",
                                                      "impact": "4"}),
        (url("part_delete", kind="risks", pk=risk.pk), {}),
        (url("part_add", kind="milestones"), {"activity": "x", "timeline": "y"}),
        (url("part_edit", kind="milestones", pk=milestone.pk), {"activity": "x", "timeline": "y"}),
        (url("part_delete", kind="milestones", pk=milestone.pk), {}),
        (url("part_add", kind="items"), {"number": "9", "text": "x"}),
        (url("part_edit", kind="items", pk=item.pk), {"number": "9", "text": "x"}),
        (url("part_delete", kind="items", pk=item.pk), {}),
        (url("part_add", kind="relations"), {"kind": "related", "to_reference_code": DecisionFactory().reference_code}),
        (url("part_add", kind="documents"), {"title": "x", "file": _pdf()}),
        (url("part_delete", kind="documents", pk=document.pk), {}),
        (url("decision_submit"), {}),
        (url("decision_return"), {}),
        (url("decision_sign"), {"date_signed": "2020-09-02", "signed_pdf": _pdf()}),
        (url("decision_withdraw"), {"reason": "x"}),
    ]


def test_no_page_changes_a_signed_decision(signed, client_for, world):
    decision = signed[0]
    client = client_for(world.users["gla_officer"])
    before = _snapshot(decision)
    for url, data in _page_edits(*signed):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("funding:decision_detail", kwargs={"code": decision.reference_code})
        assert _snapshot(decision) == before, url
    page = client.get(reverse("funding:decision_detail", kwargs={"code": decision.reference_code}))
    assert "can no longer be changed" in page.content.decode()


def test_a_new_decision_supersedes_a_signed_one(client_for, world):
    old = SignedDecisionFactory(reference_code="MD2628")
    client = client_for(world.users["gla_officer"])
    response = client.post(reverse("funding:decision_create") + "?supersedes=MD2628", {
        "reference_code": "md 2900", "title": "LSMP 2020/21 (revised)", "decision_type": "mayor",
        "decision_by_name": "Sadiq Khan", "decision_by_title": "Mayor of London"})
    assert response.status_code == 302
    new = Decision.objects.get(reference_code="MD2900")
    assert DecisionRelation.objects.get(from_decision=new).to_decision == old
    # Both ends show the link; the old decision is live until the new one is signed.
    old_page = client.get(reverse("funding:decision_detail", kwargs={"code": "MD2628"})).content.decode()
    assert "Superseded by" in old_page and "MD2900" in old_page
    assert Decision.objects.live().filter(pk=old.pk).exists()
    Decision.objects.filter(pk=new.pk).update(status=DecisionStatus.SIGNED, date_signed=SIGNED_ON)
    assert not Decision.objects.live().filter(pk=old.pk).exists()


def test_relations_show_from_both_ends(client_for, world):
    md2628, md2461 = SignedDecisionFactory(reference_code="MD2628"), SignedDecisionFactory(reference_code="MD2461")
    DecisionRelation.objects.create(from_decision=md2628, to_decision=md2461, kind=RelationKind.PREVIOUS_YEAR)
    client = client_for(None)
    page = client.get(reverse("funding:decision_detail", kwargs={"code": "MD2628"})).content.decode()
    assert "Previous year&#x27;s decision" in page and "MD2461" in page
    page = client.get(reverse("funding:decision_detail", kwargs={"code": "MD2461"})).content.decode()
    assert "Following year&#x27;s decision" in page and "MD2628" in page


def test_a_relation_to_itself_is_refused_by_the_database():
    decision = DecisionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionRelation.objects.create(from_decision=decision, to_decision=decision, kind=RelationKind.RELATED)
