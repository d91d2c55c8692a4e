"""What counts in the figures: accepted returns only; a project's accepted final return once there
is one (it covers the whole project), otherwise its accepted period returns added up; never an ad
hoc return; never a withdrawn project; and a project serving two boroughs counts in both."""

import datetime as dt
from decimal import Decimal

import pytest

from esol.models import ProjectStatus, ReturnKind, ReturnStatus
from esol.selectors.figures import project_figures, round_figures
from tests.factories.esol import ProjectFactory, funded_round, submitted_return
from tests.factories.partnership import BoroughFactory

pytestmark = pytest.mark.django_db

Q1 = {"period_start": dt.date(2026, 4, 1), "period_end": dt.date(2026, 6, 30)}
Q2 = {"period_start": dt.date(2026, 7, 1), "period_end": dt.date(2026, 9, 30)}
WHOLE = {"period_start": dt.date(2026, 4, 1), "period_end": dt.date(2027, 3, 31)}


def _enrolled(row) -> int:
    return row.measure("enrolled").achieved


def test_period_returns_add_up_until_the_final_return_is_accepted():
    project = ProjectFactory()
    submitted_return(project=project, status=ReturnStatus.ACCEPTED, learners_enrolled=30, spend=Decimal("100"), **Q1)
    submitted_return(project=project, status=ReturnStatus.ACCEPTED, learners_enrolled=12, spend=Decimal("50"), **Q2)
    submitted_return(project=project, status=ReturnStatus.SUBMITTED, learners_enrolled=99, kind=ReturnKind.FINAL,
                     **WHOLE)
    submitted_return(project=project, status=ReturnStatus.ACCEPTED, learners_enrolled=500, kind=ReturnKind.AD_HOC,
                     **Q1)
    row = project_figures(project)
    assert (_enrolled(row), row.spend, row.accepted_returns) == (42, Decimal("150.00"), 3)
    final = project.returns.get(kind=ReturnKind.FINAL)
    final.status = ReturnStatus.ACCEPTED
    final.save()
    row = project_figures(project)
    assert (_enrolled(row), row.spend) == (99, Decimal("10000.00"))
    assert row.measure("enrolled").percent == 99  # of a target of 100


def test_a_round_by_project_by_borough_and_in_all():
    round_ = funded_round("1000000.00")
    camden, hackney = BoroughFactory(name="Camden"), BoroughFactory(name="Hackney")
    both = ProjectFactory(round=round_, title="Both boroughs", target_enrolled=100)
    both.boroughs.add(camden, hackney)
    one = ProjectFactory(round=round_, title="Camden only", target_enrolled=50, target_completed=None)
    one.boroughs.add(camden)
    gone = ProjectFactory(round=round_, title="Withdrawn", status=ProjectStatus.WITHDRAWN)
    for project, enrolled in ((both, 40), (one, 10), (gone, 70)):
        submitted_return(project=project, status=ReturnStatus.ACCEPTED, learners_enrolled=enrolled)
    figures = round_figures(round_)
    assert [(row.label, _enrolled(row)) for row in figures.by_project] == [("Both boroughs", 40), ("Camden only", 10)]
    assert [(row.label, _enrolled(row), row.measure("enrolled").target) for row in figures.by_borough] == [
        ("Camden", 50, 150), ("Hackney", 40, 100)]
    assert (_enrolled(figures.total), figures.total.grant) == (50, Decimal("80000.00"))
    # A target nobody set is not a zero: only the set ones are added.
    assert figures.total.measure("completed").target == 80
