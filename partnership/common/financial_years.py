"""The GLA's financial year runs 1 April to 31 March and is named by the calendar year it starts
in: the year starting 1 April 2020 is 2020, shown "2020/21". Resettlement offers and funding
lines both store that start year; each app keeps its own allowed range next to its model."""

import datetime as dt
from collections.abc import Iterable


def label(start_year: int | None) -> str:
    """2020 -> "2020/21"; 2099 -> "2099/00". No year (None) is an empty label."""
    if start_year is None:
        return ""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def year_of(day: dt.date) -> int:
    """The financial year a day falls in: 31 March 2026 is in 2025, 1 April 2026 in 2026."""
    return day.year if day.month >= 4 else day.year - 1


def choices(years: Iterable[int], *, blank: str | None = None) -> list[tuple]:
    """(year, label) pairs for a select, in the order given, after a ("", blank) option if asked."""
    options = [(year, label(year)) for year in years]
    return [("", blank), *options] if blank is not None else options
