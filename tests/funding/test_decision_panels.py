"""Other apps add sections to a decision's page through funding.decision_panels, so funding
imports none of them: a registered section shows when its context function has something to say."""

import pytest
from django.urls import reverse

from funding import decision_panels
from tests.factories.funding import SignedDecisionFactory

pytestmark = pytest.mark.django_db


def test_a_registered_section_shows_only_when_it_has_something_to_say(client, monkeypatch):
    monkeypatch.setattr(decision_panels, "_panels", [])
    decision_panels.register_decision_panel(
        "esol/rounds/_decision_panel.html",
        lambda decision, user: None if decision.reference_code == "MD2628" else {
            "lines": [], "given_total": 0, "show_round_links": False})
    SignedDecisionFactory(reference_code="MD2628")
    SignedDecisionFactory(reference_code="ADD2388")
    assert "ESOL Plus rounds" not in client.get(reverse("funding:decision_detail", args=["MD2628"])).content.decode()
    assert "ESOL Plus rounds" in client.get(reverse("funding:decision_detail", args=["ADD2388"])).content.decode()


def test_registering_twice_adds_one_section(monkeypatch):
    monkeypatch.setattr(decision_panels, "_panels", [])

    def context(decision, user):
        return {}

    decision_panels.register_decision_panel("x.html", context)
    decision_panels.register_decision_panel("x.html", context)
    assert len(decision_panels._panels) == 1
