"""The esol demo: the facts' rounds, budgets, windows and decisions; the three projects with their
real dates; invented values marked; the demo accounts sign in with their roles; the money rules
hold; a second run changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from esol.models import BoroughEsolContacts, MonitoringReturn, Project, Provision, Round, RoundFunding
from esol.services.rounds import awarded_total, check_budget_funded, check_grants_within_budget, funded_total
from funding.models import Decision, DecisionStatus
from partnership.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(monkeypatch, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-1")
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)


def test_the_rounds_are_the_facts(seeded):
    childcare = Round.objects.get(name="ESOL Plus Childcare")
    assert (childcare.budget, childcare.opens_on, childcare.closes_on, childcare.closing_time) == (
        Decimal("80000.00"), dt.date(2018, 3, 9), dt.date(2018, 4, 16), dt.time(16, 0))
    employers = Round.objects.get(name="ESOL Plus Employers")
    assert (employers.budget, employers.grant_max, employers.closes_on) == (None, Decimal("20000.00"),
                                                                            dt.date(2018, 4, 23))
    arts = Round.objects.get(name="ESOL Plus Arts")
    assert (arts.budget, arts.grant_min, arts.grant_max) == (Decimal("100000.00"), Decimal("10000.00"),
                                                             Decimal("30000.00"))
    add2388 = RoundFunding.objects.get(round=arts, line__decision__reference_code="ADD2388")
    assert add2388.amount == Decimal("25000.00")
    assert add2388.line.decision.status == DecisionStatus.SIGNED
    capacity = Round.objects.get(name="ESOL London Capacity Fund")
    assert capacity.budget == Decimal("200907.00")
    assert capacity.funding.get().line.decision.reference_code == "ADD2666"
    assert "DEMO AMOUNT" in Decision.objects.get(reference_code="MD2461").lines.get(
        purpose="ESOL Plus programme").description


def test_the_projects_have_their_real_dates_and_marked_demo_grants(seeded):
    poplar = Project.objects.get(lead_organisation__name="Poplar HARCA")
    assert (poplar.round.name, poplar.starts_on, poplar.ends_on) == ("ESOL Plus Childcare", dt.date(2018, 7, 1),
                                                                     dt.date(2019, 7, 31))
    assert [b.name for b in poplar.boroughs.all()] == ["Tower Hamlets"]
    sutton = Project.objects.get(lead_organisation__name="Sutton College")
    assert (sutton.starts_on, sutton.ends_on) == (dt.date(2018, 11, 1), dt.date(2019, 3, 31))
    arts = Project.objects.get(lead_organisation__name="Learning Unlimited")
    assert arts.round.name == "ESOL Plus Arts"
    assert [p.name for p in arts.partners.all()] == ["Fotosynthesis"]
    assert all("DEMO" in project.notes for project in Project.objects.all())


def test_the_money_rules_hold(seeded):
    for round_ in Round.objects.all():
        check_budget_funded(round_)
        check_grants_within_budget(round_)
    arts = Round.objects.get(name="ESOL Plus Arts")
    assert (awarded_total(arts), funded_total(arts)) == (Decimal("25000.00"), Decimal("100000.00"))


def test_invented_returns_and_entries_are_marked(seeded):
    assert MonitoringReturn.objects.count() and not MonitoringReturn.objects.filter(is_demo=False).exists()
    assert Provision.objects.count() and not Provision.objects.filter(is_demo=False).exists()
    assert not BoroughEsolContacts.objects.filter(is_demo=False).exists()
    today = timezone.localdate()
    assert MonitoringReturn.objects.missing(today).filter(project__lead_organisation__name="Learning Unlimited")
    assert MonitoringReturn.objects.submitted_late().exists()
    assert Provision.objects.not_checked_since(today - dt.timedelta(days=365)).count() == 1


@pytest.mark.parametrize(("email", "page"), [
    ("grantee@example.org", "esol:return_list"), ("poplar@example.org", "esol:project_list"),
    ("provider@example.org", "esol:provision_manage")])
def test_the_demo_accounts_sign_in_and_reach_their_pages(seeded, client, email, page):
    assert client.post(reverse("login"), {"username": email, "password": "a-demo-password-1"}).status_code == 302
    assert client.get(reverse(page)).status_code == 200


def test_the_grantee_sees_only_learning_unlimiteds_project(seeded, client):
    client.force_login(User.objects.get(email="grantee@example.org"))
    body = client.get(reverse("esol:project_list")).content.decode()
    assert "Photography and creative writing with Fotosynthesis" in body
    assert "Poplar HARCA" not in body and "Sutton College" not in body


def test_a_second_run_changes_nothing(seeded):
    counts = [model.objects.count() for model in (Round, RoundFunding, Project, MonitoringReturn, Provision)]
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    assert [model.objects.count() for model in (Round, RoundFunding, Project, MonitoringReturn, Provision)] == counts
