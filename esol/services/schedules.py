"""A project's schedule of monitoring returns, made from its dates and reporting frequency:
monthly or quarterly periods (quarters of the GLA's financial year: April-June, July-September,
October-December, January-March) and a final return for the whole project, or the final return
only. A period return is due ten working days after its period ends, the final one twenty.

The officer may move a return's dates, add an ad hoc return, and make the schedule again after
changing the frequency or the dates: returns nobody has started are replaced, the rest are kept."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.common.working_days import add_working_days
from partnership.search.services import search_index, search_remove

from ..models import MonitoringReturn, Project, ReportingFrequency, ReturnKind, ReturnStatus

PERIOD_RETURN_WORKING_DAYS = 10
FINAL_RETURN_WORKING_DAYS = 20
# Quarters of the financial year start in these months.
QUARTER_START_MONTHS = (1, 4, 7, 10)
ANSWER_FIELDS = ("learners_enrolled", "learners_completed", "learners_progressed", "learning_hours", "spend")


@dataclass(frozen=True)
class ScheduledReturn:
    kind: str
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date


def _month_end(day: dt.date) -> dt.date:
    first_of_next = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return first_of_next - dt.timedelta(days=1)


def _quarter_end(day: dt.date) -> dt.date:
    start_month = max(month for month in QUARTER_START_MONTHS if month <= day.month)
    return _month_end(day.replace(day=1, month=start_month + 2))


def schedule_for(*, starts_on: dt.date, ends_on: dt.date, frequency: str) -> list[ScheduledReturn]:
    """The returns a project with these dates and this frequency owes, in order."""
    periods = []
    if frequency != ReportingFrequency.FINAL:
        period_end_of = _month_end if frequency == ReportingFrequency.MONTHLY else _quarter_end
        start = starts_on
        while start <= ends_on:
            end = min(period_end_of(start), ends_on)
            periods.append(ScheduledReturn(ReturnKind.PERIODIC, start, end,
                                           add_working_days(end, PERIOD_RETURN_WORKING_DAYS)))
            start = end + dt.timedelta(days=1)
    periods.append(ScheduledReturn(ReturnKind.FINAL, starts_on, ends_on,
                                   add_working_days(ends_on, FINAL_RETURN_WORKING_DAYS)))
    return periods


def _untouched(monitoring_return: MonitoringReturn) -> bool:
    """A draft nobody has started: no answer, no step, no case study, no evidence."""
    return (monitoring_return.status == ReturnStatus.DRAFT
            and all(getattr(monitoring_return, name) is None for name in ANSWER_FIELDS)
            and not monitoring_return.progress and not monitoring_return.barriers
            and not monitoring_return.transitions.exists()
            and not monitoring_return.case_studies.exists()
            and not monitoring_return.evidence.exists())


def schedule_generate(*, project: Project) -> int:
    """Makes the project's schedule match its dates and frequency; returns how many returns it added."""
    with transaction.atomic():
        current = Project.objects.select_for_update().get(pk=project.pk)
        wanted = schedule_for(starts_on=current.starts_on, ends_on=current.ends_on,
                              frequency=current.reporting_frequency)
        wanted_keys = {(item.kind, item.period_start, item.period_end) for item in wanted}
        existing = {}
        for monitoring_return in current.returns.exclude(kind=ReturnKind.AD_HOC):
            key = (monitoring_return.kind, monitoring_return.period_start, monitoring_return.period_end)
            if key not in wanted_keys and _untouched(monitoring_return):
                search_remove(monitoring_return)
                monitoring_return.delete()
            else:
                existing[key] = monitoring_return
        added = 0
        for item in wanted:
            if (item.kind, item.period_start, item.period_end) not in existing:
                search_index(MonitoringReturn.objects.create(
                    project=current, kind=item.kind, period_start=item.period_start, period_end=item.period_end,
                    due_on=item.due_on))
                added += 1
    return added


def _check_dates(*, period_start: dt.date, period_end: dt.date, due_on: dt.date) -> None:
    if period_end < period_start:
        raise ValidationError({"period_end": "The period cannot end before it starts."})
    if due_on < period_start:
        raise ValidationError({"due_on": "A return cannot be due before its period starts."})


def return_dates_change(*, monitoring_return: MonitoringReturn, period_start: dt.date, period_end: dt.date,
                        due_on: dt.date) -> MonitoringReturn:
    """The officer moves a return's period or due date (an accepted return's dates are fixed)."""
    _check_dates(period_start=period_start, period_end=period_end, due_on=due_on)
    with transaction.atomic():
        current = MonitoringReturn.objects.select_for_update().get(pk=monitoring_return.pk)
        if current.status == ReturnStatus.ACCEPTED:
            raise ValidationError("An accepted return's dates are fixed.")
        current.period_start, current.period_end, current.due_on = period_start, period_end, due_on
        current.full_clean()
        current.save(update_fields=["period_start", "period_end", "due_on", "updated_at"])
    return current


def return_ad_hoc_create(*, project: Project, period_start: dt.date, period_end: dt.date,
                         due_on: dt.date) -> MonitoringReturn:
    _check_dates(period_start=period_start, period_end=period_end, due_on=due_on)
    with transaction.atomic():
        current = Project.objects.select_for_update().get(pk=project.pk)
        monitoring_return = MonitoringReturn.objects.create(
            project=current, kind=ReturnKind.AD_HOC, period_start=period_start, period_end=period_end, due_on=due_on)
        search_index(monitoring_return)
        return monitoring_return
