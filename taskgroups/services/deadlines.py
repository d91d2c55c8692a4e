"""Reading a workplan deadline written in words ("by September 2011") as a date.

The rule, in order:
1. Every "<month> <year>" in the text (full or short month names: "by Dec 2011") is read as the
   last day of that month; when there are several ("in June 2011 and December 2011"), the
   action is due on the LATEST of them (31 December 2011). It stays one action: the wording is
   kept beside the date, so the earlier milestone is not lost, and an action is done once.
2. Otherwise a financial year ("in 2011/12", "2011-12") is read as its last day, 31 March 2012.
3. Otherwise a date written out (2011-09-30, 30/09/2011) is that date.
4. Otherwise the deadline is not read (blank, "ongoing", "Coordinate ..."): the action is due at
   the end of the workplan's period, and the import preview lists it so the officer knows.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(\d{4})\b",
                        re.IGNORECASE)
FINANCIAL_YEAR = re.compile(r"\b(\d{4})\s*[/-]\s*(\d{2}|\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
UK_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Deadline:
    text: str
    due_on: dt.date | None
    how: str  # "month", "months" (the latest of several), "financial year", "date", or "" (not read)

    @property
    def was_read(self) -> bool:
        return self.due_on is not None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _plausible(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def deadline_read(text: str) -> Deadline:
    text = " ".join((text or "").split())
    months = [_month_end(int(year), MONTHS[name.lower()]) for name, year in MONTH_YEAR.findall(text)
              if _plausible(int(year))]
    if months:
        return Deadline(text, max(months), "months" if len(months) > 1 else "month")
    for match in (ISO_DATE.search(text), UK_DATE.search(text)):
        if match:
            parts = [int(part) for part in match.groups()]
            year, month, day = parts if match.re is ISO_DATE else (parts[2], parts[1], parts[0])
            try:
                if _plausible(year):
                    return Deadline(text, dt.date(year, month, day), "date")
            except ValueError:
                pass
    financial = FINANCIAL_YEAR.search(text)
    if financial:
        start, end = int(financial.group(1)), financial.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year == start + 1 and _plausible(start):
            return Deadline(text, dt.date(start + 1, 3, 31), "financial year")
    return Deadline(text, None, "")


def period_end(last_year: int) -> dt.date:
    """The last day of a workplan whose last financial year starts in last_year."""
    return dt.date(last_year + 1, 3, 31)
