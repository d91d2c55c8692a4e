"""Round pages: the money rules answer on the form, beside the field; the figures and their CSV;
a signed decision's page lists the rounds it funds with what they were given and have awarded."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from esol.models import ReturnStatus, Round, RoundFunding
from tests.factories.esol import ProjectFactory, funded_round, spending_line, submitted_return
from tests.factories.funding import SignedDecisionFactory

pytestmark = pytest.mark.django_db

ROUND_FORM = {"name": "ESOL Plus Arts", "purpose": "Creative approaches to learning English",
              "barriers": "Confidence", "status": "open"}


def test_a_budget_without_a_decision_line_is_refused_beside_the_field(world, client_for):
    response = client_for(world.users["gla_officer"]).post(reverse("esol:round_create"),
                                                           {**ROUND_FORM, "budget": "100,000"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose the decision line that funds this budget" in body
    assert 'value="100,000"' in body  # nothing typed is lost
    assert not Round.objects.exists()


def test_a_round_is_created_with_its_funding_in_pounds_and_pence(world, client_for):
    line = spending_line("25000.00")
    response = client_for(world.users["gla_officer"]).post(reverse("esol:round_create"), {
        **ROUND_FORM, "budget": "£25,000.00", "line": line.pk, "grant_min": "10000", "grant_max": "30000"})
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert round_.budget == Decimal("25000.00") and round_.grant_max == Decimal("30000.00")
    assert RoundFunding.objects.get(round=round_).amount == Decimal("25000.00")


def test_more_than_the_line_is_refused_on_the_form(world, client_for):
    line = spending_line("25000.00")
    response = client_for(world.users["gla_officer"]).post(reverse("esol:round_create"), {
        **ROUND_FORM, "budget": "25000.01", "line": line.pk})
    assert response.status_code == 200
    assert "rounds would be given £25,000.01" in response.content.decode()
    assert not Round.objects.exists()


def test_taking_away_the_funding_the_budget_needs_says_why(world, client_for):
    round_ = funded_round("5000.00")
    funding = round_.funding.get()
    response = client_for(world.users["gla_officer"]).post(
        reverse("esol:round_funding_remove", args=[round_.pk, funding.pk]), follow=True)
    assert "more than its funding decisions&#x27; lines give it" in response.content.decode()
    assert RoundFunding.objects.filter(pk=funding.pk).exists()


def test_figures_and_their_csv_count_accepted_returns_only(world, client_for):
    round_ = funded_round("100000.00", name="ESOL Plus Childcare")
    project = ProjectFactory(round=round_, title="Poplar HARCA crèche classes", grant_awarded=Decimal("40000.00"),
                             target_enrolled=100, target_completed=80)
    project.boroughs.add(world.camden)
    submitted_return(project=project, status=ReturnStatus.ACCEPTED, learners_enrolled=30,
                     spend=Decimal("10000.00"))
    submitted_return(project=project, status=ReturnStatus.SUBMITTED, learners_enrolled=99,
                     period_start="2026-07-01", period_end="2026-09-30")
    client = client_for(world.users["gla_officer"])
    body = client.get(reverse("esol:round_figures", args=[round_.pk])).content.decode()
    assert "30 of 100 (30%)" in body
    assert "£10,000.00 of £40,000.00 (25%)" in body
    assert "<svg" in body and "style=" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]
    rows = list(csv.reader(io.StringIO(client.get(reverse("esol:round_figures_export", args=[round_.pk]))
                                       .getvalue().decode().lstrip("\ufeff"))))
    assert rows[1][:7] == ["Project", "Poplar HARCA crèche classes", "40000.00", "10000.00", "1", "100", "30"]
    assert [row[:2] for row in rows[2:]] == [["Borough", "Camden"], ["Round", "All of ESOL Plus Childcare"]]


def test_the_decision_page_lists_the_rounds_it_funds(world, client, client_for):
    decision = SignedDecisionFactory(reference_code="ADD2388")
    line = spending_line("25000.00", decision=decision, purpose="ESOL Plus Arts")
    round_ = funded_round("25000.00", line=line, name="ESOL Plus Arts")
    ProjectFactory(round=round_, grant_awarded=Decimal("20000.00"))
    url = reverse("funding:decision_detail", args=["ADD2388"])
    public = client.get(url).content.decode()
    assert "ESOL Plus rounds this decision funds" in public
    assert "ESOL Plus Arts" in public and "£20,000.00" in public and "£25,000.00 given to rounds" in public
    assert f"/esol/rounds/{round_.pk}/" not in public  # the round's page is the GLA's
    officer = client_for(world.users["gla_officer"]).get(url).content.decode()
    assert f'href="/esol/rounds/{round_.pk}/"' in officer
    round_page = client_for(world.users["gla_officer"]).get(reverse("esol:round_detail", args=[round_.pk]))
    assert 'href="/funding/decisions/ADD2388/"' in round_page.content.decode()


def test_a_decision_funding_nothing_shows_no_esol_section(client):
    SignedDecisionFactory(reference_code="MD2628")
    assert "ESOL Plus rounds" not in client.get(reverse("funding:decision_detail", args=["MD2628"])).content.decode()


def test_the_round_forms_offer_lines_with_money_left_newest_first_and_bounded(world, client_for):
    import re

    from esol.selectors.rounds import FUNDABLE_LINES_SHOWN
    from funding.models import Line

    given_out = spending_line("25000.00", purpose="Given out in full")
    funded_round("25000.00", line=given_out)
    half = spending_line("40000.00", purpose="Half given")
    funded_round("20000.00", line=half)
    Line.objects.bulk_create([Line(decision=half.decision, direction=half.direction, amount=Decimal("1000.00"),
                                   financial_year=half.financial_year, source_budget="Social Integration budget",
                                   purpose=f"More line {n}") for n in range(FUNDABLE_LINES_SHOWN)])
    html = client_for(world.users["gla_officer"]).get(reverse("esol:round_create")).content.decode()
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', html)
    assert len(options) == FUNDABLE_LINES_SHOWN
    labels = " ".join(label for _, label in options)
    assert "Given out in full" not in labels
    assert "£20,000.00 left of £40,000.00" in labels
