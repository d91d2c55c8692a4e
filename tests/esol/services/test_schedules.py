"""A project's schedule of returns, from its dates and reporting frequency; the officer's dates
and ad hoc returns; making the schedule again keeps every return someone has started."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from esol.models import MonitoringReturn, ReportingFrequency, ReturnKind, ReturnStatus
from esol.services import schedules
from tests.factories.esol import ProjectFactory

pytestmark = pytest.mark.django_db


def _periods(items):
    return [(item.kind, item.period_start, item.period_end) for item in items]


def test_quarterly_returns_follow_the_financial_years_quarters_then_a_final_one():
    # Poplar HARCA's pilot: July 2018 to July 2019.
    items = schedules.schedule_for(starts_on=dt.date(2018, 7, 1), ends_on=dt.date(2019, 7, 31),
                                   frequency=ReportingFrequency.QUARTERLY)
    assert _periods(items) == [
        ("periodic", dt.date(2018, 7, 1), dt.date(2018, 9, 30)),
        ("periodic", dt.date(2018, 10, 1), dt.date(2018, 12, 31)),
        ("periodic", dt.date(2019, 1, 1), dt.date(2019, 3, 31)),
        ("periodic", dt.date(2019, 4, 1), dt.date(2019, 6, 30)),
        ("periodic", dt.date(2019, 7, 1), dt.date(2019, 7, 31)),
        ("final", dt.date(2018, 7, 1), dt.date(2019, 7, 31)),
    ]
    # Ten working days after 30 September 2018 (a Sunday): Friday 12 October.
    assert items[0].due_on == dt.date(2018, 10, 12)
    # Twenty working days after 31 July 2019, the August bank holiday (26th) skipped: 29 August.
    assert items[-1].due_on == dt.date(2019, 8, 29)


def test_monthly_returns_start_mid_month_and_final_only_is_one_return():
    monthly = schedules.schedule_for(starts_on=dt.date(2018, 11, 15), ends_on=dt.date(2019, 3, 31),
                                     frequency=ReportingFrequency.MONTHLY)
    assert _periods(monthly)[:2] == [("periodic", dt.date(2018, 11, 15), dt.date(2018, 11, 30)),
                                     ("periodic", dt.date(2018, 12, 1), dt.date(2018, 12, 31))]
    assert len(monthly) == 6  # November to March, then the final return
    final = schedules.schedule_for(starts_on=dt.date(2018, 11, 1), ends_on=dt.date(2019, 3, 31),
                                   frequency=ReportingFrequency.FINAL)
    assert _periods(final) == [("final", dt.date(2018, 11, 1), dt.date(2019, 3, 31))]


def test_making_the_schedule_again_keeps_started_returns_and_replaces_the_rest():
    project = ProjectFactory(starts_on=dt.date(2026, 4, 1), ends_on=dt.date(2027, 3, 31),
                             reporting_frequency=ReportingFrequency.QUARTERLY)
    assert schedules.schedule_generate(project=project) == 5
    assert schedules.schedule_generate(project=project) == 0  # nothing new the second time
    started = project.returns.order_by("period_start").first()
    started.learners_enrolled = 4
    started.save()
    project.reporting_frequency = ReportingFrequency.FINAL
    project.save()
    schedules.schedule_generate(project=project)
    kept = list(project.returns.order_by("kind", "period_start").values_list("kind", "period_start"))
    assert kept == [("final", dt.date(2026, 4, 1)), ("periodic", dt.date(2026, 4, 1))]


def test_the_officer_moves_a_due_date_and_adds_an_ad_hoc_return():
    project = ProjectFactory()
    schedules.schedule_generate(project=project)
    first = project.returns.order_by("due_on").first()
    moved = schedules.return_dates_change(monitoring_return=first, period_start=first.period_start,
                                          period_end=first.period_end, due_on=dt.date(2026, 8, 1))
    assert MonitoringReturn.objects.get(pk=moved.pk).due_on == dt.date(2026, 8, 1)
    extra = schedules.return_ad_hoc_create(project=project, period_start=dt.date(2026, 4, 1),
                                           period_end=dt.date(2026, 5, 31), due_on=dt.date(2026, 6, 15))
    assert extra.kind == ReturnKind.AD_HOC
    with pytest.raises(ValidationError):
        schedules.return_ad_hoc_create(project=project, period_start=dt.date(2026, 5, 1),
                                       period_end=dt.date(2026, 4, 1), due_on=dt.date(2026, 6, 1))


def test_an_accepted_returns_dates_are_fixed():
    project = ProjectFactory()
    schedules.schedule_generate(project=project)
    accepted = project.returns.first()
    MonitoringReturn.objects.filter(pk=accepted.pk).update(
        status=ReturnStatus.ACCEPTED, learners_enrolled=1, learners_completed=1, learners_progressed=1,
        learning_hours=1, spend=1, progress="Done", submitted_at="2026-07-01T10:00:00Z")
    accepted.refresh_from_db()
    with pytest.raises(ValidationError, match="fixed"):
        schedules.return_dates_change(monitoring_return=accepted, period_start=accepted.period_start,
                                      period_end=accepted.period_end, due_on=dt.date(2026, 9, 1))
