"""The GLA's April-March financial year (partnership.common.financial_years), shared by resettlement
offers and funding lines."""

import datetime as dt

import pytest

from partnership.common import financial_years


@pytest.mark.parametrize(("start", "label"), [
    (2020, "2020/21"), (2025, "2025/26"), (2009, "2009/10"),
    (1999, "1999/00"), (2099, "2099/00"), (2100, "2100/01"),  # the century turns in the short year
    (None, ""),
])
def test_label(start, label):
    assert financial_years.label(start) == label


@pytest.mark.parametrize(("day", "year"), [
    (dt.date(2026, 3, 31), 2025), (dt.date(2026, 4, 1), 2026),  # the boundary: 31 March / 1 April
    (dt.date(2026, 1, 1), 2025), (dt.date(2026, 12, 31), 2026),
    (dt.date(2000, 3, 31), 1999), (dt.date(2100, 4, 1), 2100),
    (dt.date(2024, 2, 29), 2023),
])
def test_year_of_runs_april_to_march(day, year):
    assert financial_years.year_of(day) == year


def test_choices_keep_the_order_given_with_an_optional_blank_first():
    assert financial_years.choices([2026, 2025]) == [(2026, "2026/27"), (2025, "2025/26")]
    assert financial_years.choices(range(2098, 2100), blank="Choose a year") == [
        ("", "Choose a year"), (2098, "2098/99"), (2099, "2099/00")]
    assert financial_years.choices([]) == []

