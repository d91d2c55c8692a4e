"""A decision awaiting signature is fixed like a signed one, on every service and every page,
until a GLA officer returns it to draft with a reason; then it can be changed, and it must be
submitted for signature again before it can be signed."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from funding import services
from funding.models import Decision, DecisionStatus
from tests.factories.funding import (
    DecisionFactory,
    DecisionItemFactory,
    DocumentFactory,
    LineFactory,
    MilestoneFactory,
    RiskFactory,
)
from tests.factories.partnership import gla_officer
from tests.funding.test_lifecycle import SERVICE_EDITS, _page_edits, _pdf, _snapshot

pytestmark = pytest.mark.django_db

LOCKED_WORDS = "is awaiting signature and cannot be changed. To change it, return it to draft"
# The moves an awaiting decision may still make: they are not edits (tested on their own).
LIFECYCLE_MOVES = ("/return-to-draft/", "/sign/", "/withdraw/")


def _submitted():
    decision = DecisionFactory(reference_code="MD2800")
    DecisionItemFactory(decision=decision)
    LineFactory(decision=decision, confirmed_in_writing=True, confirmed_on=dt.date(2020, 6, 1))
    return services.decision_submit(decision=decision)


@pytest.fixture
def awaiting():
    decision = _submitted()
    return (decision, decision.items.get(), decision.lines.get(), RiskFactory(decision=decision),
            MilestoneFactory(decision=decision), DocumentFactory(decision=decision))


CONTENT_EDITS = [name for name in SERVICE_EDITS if name != "submit again"]


@pytest.mark.parametrize("edit", CONTENT_EDITS, ids=CONTENT_EDITS)
def test_no_service_changes_a_decision_awaiting_signature(edit, awaiting):
    decision, item, line, risk, milestone, document = awaiting
    before = _snapshot(decision)
    with pytest.raises(services.DecisionLocked, match=LOCKED_WORDS):
        SERVICE_EDITS[edit](decision, item=item, line=line, risk=risk, milestone=milestone, document=document)
    assert _snapshot(decision) == before


def test_an_awaiting_decision_is_not_submitted_twice(awaiting):
    with pytest.raises(ValidationError, match="Only a draft"):
        services.decision_submit(decision=awaiting[0])


def _edit_pages(awaiting):
    return [(url, data) for url, data in _page_edits(*awaiting)
            if not any(url.endswith(move) for move in LIFECYCLE_MOVES)]


def test_the_edit_paths_cover_every_part(awaiting):
    urls = [url for url, _data in _edit_pages(awaiting)]
    assert len(urls) == 17  # the decision form, 15 part pages, submit
    for kind in ("lines", "risks", "milestones", "items", "relations", "documents"):
        assert any(f"/{kind}/" in url for url in urls), kind


def test_no_page_changes_a_decision_awaiting_signature(awaiting, client_for, world):
    decision = awaiting[0]
    client = client_for(world.users["gla_officer"])
    detail = reverse("funding:decision_detail", kwargs={"code": decision.reference_code})
    before = _snapshot(decision)
    for url, data in _edit_pages(awaiting):
        for response in (client.get(url), client.post(url, data)):
            if response.status_code == 405:  # submit is POST only
                continue
            assert response.status_code == 302, url
            assert response["Location"] == detail, url
            said = [str(m) for m in get_messages(response.wsgi_request)]
            assert any(LOCKED_WORDS in m or "Only a draft" in m for m in said), (url, said)
        assert _snapshot(decision) == before, url
    page = client.get(detail).content.decode()
    assert "awaiting signature and cannot be changed" in page
    assert "Edit the decision" not in page and "Add a risk" not in page
    assert reverse("funding:decision_return", kwargs={"code": decision.reference_code}) in page


def test_return_to_draft_needs_a_reason_and_records_it():
    officer = gla_officer()
    decision = _submitted()
    with pytest.raises(ValidationError) as refused:
        services.decision_return_to_draft(decision=decision, reason="   ", by=officer)
    assert refused.value.message_dict == {"reason": ["Say why the decision goes back to draft."]}
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.AWAITING_SIGNATURE

    returned = services.decision_return_to_draft(decision=decision, reason="The grant amount changed", by=officer)
    assert (returned.status, returned.returned_to_draft_reason) == (DecisionStatus.DRAFT, "The grant amount changed")
    latest = returned.history.order_by("-history_date", "-history_id").first()
    assert (latest.status, latest.returned_to_draft_reason, latest.history_user) == (
        DecisionStatus.DRAFT, "The grant amount changed", officer)


@pytest.mark.parametrize("status", [DecisionStatus.DRAFT, DecisionStatus.SIGNED, DecisionStatus.WITHDRAWN])
def test_only_a_decision_awaiting_signature_returns_to_draft(status):
    decision = DecisionFactory(status=status, date_signed=dt.date(2020, 9, 1) if status == "signed" else None)
    with pytest.raises(ValidationError, match="Only a decision awaiting signature"):
        services.decision_return_to_draft(decision=decision, reason="Because", by=None)
    assert Decision.objects.get(pk=decision.pk).status == status


def test_after_return_it_can_be_changed_and_must_be_submitted_again():
    decision = services.decision_return_to_draft(decision=_submitted(), reason="Add a risk", by=None)
    services.decision_update(decision=decision, title="Rewritten")
    with pytest.raises(ValidationError, match="Only a decision awaiting signature can be signed"):
        services.decision_sign(decision=decision, date_signed=dt.date(2020, 9, 1), signed_pdf=_pdf(), by=None)
    assert services.decision_submit(decision=decision).status == DecisionStatus.AWAITING_SIGNATURE


def _return_url(decision):
    return reverse("funding:decision_return", kwargs={"code": decision.reference_code})


def test_return_page_explains_a_missing_reason(client_for, world):
    decision = _submitted()
    response = client_for(world.users["gla_officer"]).post(_return_url(decision), {"reason": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: " in page and "govuk-error-summary" in page
    assert page.count("Say why the decision goes back to draft") == 2  # the summary and beside the field
    assert 'id="id_reason_1_error"' in page
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.AWAITING_SIGNATURE


def test_return_page_keeps_what_was_typed(client_for, world):
    decision = _submitted()
    typed = "The Home Office changed the grant. " * 60  # longer than the 2,000 characters allowed
    response = client_for(world.users["gla_officer"]).post(_return_url(decision), {"reason": typed})
    page = response.content.decode()
    assert "Reason must be 2,000 characters or fewer" in page
    assert typed.strip() in page
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.AWAITING_SIGNATURE


def test_return_page_makes_the_decision_a_draft_again(client_for, world):
    decision = _submitted()
    client = client_for(world.users["gla_officer"])
    response = client.post(_return_url(decision), {"reason": "The grant amount changed"})
    detail = reverse("funding:decision_detail", kwargs={"code": decision.reference_code})
    assert (response.status_code, response["Location"]) == (302, detail)
    page = client.get(detail).content.decode()
    assert "MD2800 is a draft again" in page and "Returned to draft because" in page
    assert "The grant amount changed" in page and "Edit the decision" in page
    latest = Decision.history.filter(id=decision.pk).order_by("-history_date", "-history_id").first()
    assert latest.history_user == world.users["gla_officer"]
    edit = client.post(reverse("funding:part_add", kwargs={"code": "MD2800", "kind": "risks"}),
                       {"description": "Late letter", "mitigations": "Ask early", "probability": "2", "impact": "2"})
    assert edit.status_code == 302 and decision.risks.count() == 1
    sign = client.get(reverse("funding:decision_sign", kwargs={"code": "MD2800"}))
    assert sign.status_code == 302
    assert any("submit it for signature first" in str(m) for m in get_messages(sign.wsgi_request))


def test_returning_a_draft_or_a_signed_decision_is_refused_on_the_page(client_for, world):
    client = client_for(world.users["gla_officer"])
    draft = DecisionFactory()
    response = client.get(_return_url(draft))
    assert response.status_code == 302
    assert any("is a draft already" in str(m) for m in get_messages(response.wsgi_request))
    signed = DecisionFactory(status="signed", date_signed=dt.date(2020, 9, 1))
    response = client.post(_return_url(signed), {"reason": "Because"})
    assert response.status_code == 302
    assert any("can no longer be changed" in str(m) for m in get_messages(response.wsgi_request))
    assert Decision.objects.get(pk=signed.pk).status == DecisionStatus.SIGNED
