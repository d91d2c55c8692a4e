"""Working days in England and Wales: weekends and bank holidays excluded.

The bank holidays come from govuk-bank-holidays' BUNDLED copy of GOV.UK's list
(use_cached_holidays=True): the library would otherwise download the list on every start,
and a form submission must never wait on, or fail with, a call to another site. The bundled
list is refreshed by upgrading the package (0.19 knows the holidays up to the end of 2028)."""

import logging
from datetime import date, timedelta
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays

logger = logging.getLogger(__name__)
DIVISION = BankHolidays.ENGLAND_AND_WALES


@cache
def bank_holidays() -> BankHolidays:
    return BankHolidays(use_cached_holidays=True)


@cache
def last_known_year() -> int:
    return max(holiday["date"].year for holiday in bank_holidays().get_holidays(division=DIVISION))


def is_working_day(day: date) -> bool:
    if day.year > last_known_year():
        logger.warning("no bank holidays known for %s: upgrade govuk-bank-holidays", day.year)
    return bank_holidays().is_work_day(day, division=DIVISION)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself is never counted)."""
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def previous_working_day(day: date) -> date:
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date) -> date:
    return add_working_days(day, 1)
