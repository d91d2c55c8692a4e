"""The money rules, one write at a time: grants in a round never exceed its budget; a round's
budget never exceeds what its decisions' expenditure lines give it; a line never gives out more
than its amount. Each refused write leaves the database as it was."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from esol.models import Project, ProjectStatus, Round, RoundFunding
from esol.services import projects as project_services
from esol.services import rounds as services
from funding.models import DecisionStatus
from tests.factories.esol import GranteeFactory, ProjectFactory, RoundFactory, funded_round, spending_line
from tests.factories.funding import DecisionFactory, LineFactory

pytestmark = pytest.mark.django_db

ROUND = {"name": "ESOL Plus Arts", "purpose": "Creative approaches", "barriers": "Confidence",
         "status": "open"}


def _award(round_, grant, **fields):
    return project_services.project_create(
        round_=round_, title=fields.pop("title", "Photography and creative writing"),
        lead_organisation=GranteeFactory(), grant_awarded=Decimal(grant), starts_on=dt.date(2020, 9, 1),
        ends_on=dt.date(2021, 7, 31), **fields)


# --- rule 1: grants within the budget --------------------------------------------------------

def test_grants_up_to_the_budget_are_awarded_and_one_penny_more_is_refused():
    round_ = funded_round("100000.00")
    _award(round_, "60000.00")
    _award(round_, "40000.00", title="Second project")
    with pytest.raises(ValidationError) as refused:
        _award(round_, "0.01", title="Third project")
    assert "more than its budget of £100,000.00" in str(refused.value)
    assert Project.objects.filter(round=round_).count() == 2
    assert services.awarded_total(round_) == Decimal("100000.00")


def test_raising_a_grant_past_the_budget_is_refused_and_the_grant_kept():
    round_ = funded_round("50000.00")
    project = _award(round_, "30000.00")
    _award(round_, "20000.00", title="Other")
    with pytest.raises(ValidationError):
        project_services.project_update(project=project, grant_awarded=Decimal("30000.01"))
    assert Project.objects.get(pk=project.pk).grant_awarded == Decimal("30000.00")


def test_a_withdrawn_project_gives_its_grant_back_to_the_round():
    round_ = funded_round("50000.00")
    project = _award(round_, "50000.00")
    project_services.project_update(project=project, status=ProjectStatus.WITHDRAWN)
    _award(round_, "50000.00", title="Replacement")
    assert services.awarded_total(round_) == Decimal("50000.00")


def test_lowering_the_budget_below_the_grants_is_refused():
    round_ = funded_round("50000.00")
    _award(round_, "45000.00")
    with pytest.raises(ValidationError) as refused:
        services.round_update(round_=round_, budget=Decimal("44999.99"))
    assert "more than its budget" in str(refused.value)
    assert Round.objects.get(pk=round_.pk).budget == Decimal("50000.00")


def test_a_round_without_a_budget_awards_nothing():
    round_ = RoundFactory(budget=None)
    with pytest.raises(ValidationError) as refused:
        _award(round_, "1.00")
    assert "no budget recorded" in str(refused.value)


def test_a_grant_outside_the_rounds_range_is_refused():
    round_ = funded_round("100000.00", grant_min=Decimal("10000.00"), grant_max=Decimal("30000.00"))
    with pytest.raises(ValidationError, match="at most £30,000.00"):
        _award(round_, "30000.01")
    with pytest.raises(ValidationError, match="at least £10,000.00"):
        _award(round_, "9999.99")
    assert _award(round_, "30000.00").grant_awarded == Decimal("30000.00")


# --- rule 2: the budget within its decisions' lines ------------------------------------------

def test_a_round_is_created_with_its_budget_taken_from_a_line():
    line = spending_line("25000.00")
    round_ = services.round_create(line=line, budget=Decimal("25000.00"), **ROUND)
    assert services.funded_total(round_) == Decimal("25000.00")


def test_a_budget_with_no_line_behind_it_is_refused():
    with pytest.raises(ValidationError) as refused:
        services.round_create(budget=Decimal("25000.00"), **ROUND)
    assert "more than its funding decisions' lines give it (£0.00)" in str(refused.value)
    assert not Round.objects.exists()


def test_a_budget_beyond_its_lines_is_refused_on_change():
    round_ = funded_round("25000.00")
    with pytest.raises(ValidationError):
        services.round_update(round_=round_, budget=Decimal("25000.01"))
    services.round_funding_add(round_=round_, line=spending_line("10000.00"), amount=Decimal("10000.00"))
    assert services.round_update(round_=round_, budget=Decimal("35000.00")).budget == Decimal("35000.00")


def test_a_line_never_gives_out_more_than_its_amount():
    line = spending_line("100000.00")
    funded_round("75000.00", line=line)
    second = RoundFactory()
    with pytest.raises(ValidationError) as refused:
        services.round_funding_add(round_=second, line=line, amount=Decimal("25000.01"))
    assert "rounds would be given £100,000.01" in str(refused.value)
    services.round_funding_add(round_=second, line=line, amount=Decimal("25000.00"))
    assert services.given_out(line) == Decimal("100000.00")


def test_removing_funding_the_budget_needs_is_refused():
    round_ = funded_round("25000.00")
    funding = round_.funding.get()
    with pytest.raises(ValidationError):
        services.round_funding_remove(funding=funding)
    assert RoundFunding.objects.filter(pk=funding.pk).exists()


def test_only_a_signed_decisions_expenditure_funds_a_round():
    round_ = RoundFactory()
    draft_line = spending_line("1000.00", decision=DecisionFactory(status=DecisionStatus.DRAFT))
    with pytest.raises(ValidationError, match="not signed"):
        services.round_funding_add(round_=round_, line=draft_line, amount=Decimal("1.00"))
    income = LineFactory(decision=spending_line().decision)
    with pytest.raises(ValidationError, match="expenditure line"):
        services.round_funding_add(round_=round_, line=income, amount=Decimal("1.00"))


def test_the_database_refuses_what_one_row_can_tell():
    round_ = RoundFactory()
    for bad in ({"budget": Decimal("0")}, {"grant_min": Decimal("20"), "grant_max": Decimal("10")}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Round.objects.filter(pk=round_.pk).update(**bad)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(grant_awarded=Decimal("0.00"))
