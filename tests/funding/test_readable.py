"""A decision page a person can find their way round: a contents list, the money summed up at the
top, "Not recorded" instead of £0.00; the register with totals and a chart of signed spending by
stream and year (HTML and CSS bars, with a table of the same figures)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from funding.models import Decision, LineDirection
from funding.selectors import NO_STREAM, register_totals, signed_spend_chart
from funding.templatetags.funding_tags import bar_percent, recorded_pounds
from tests.factories.funding import FundingStreamFactory, LineFactory, SignedDecisionFactory

pytestmark = pytest.mark.django_db


def test_recorded_pounds_and_bar_percent():
    assert recorded_pounds(Decimal("154000")) == "£154,000.00"
    assert recorded_pounds(Decimal("0.00")) == "Not recorded"
    assert recorded_pounds(None) == "Not recorded"
    assert bar_percent(Decimal("50"), Decimal("200")) == 26 or bar_percent(Decimal("50"), Decimal("200")) == 24
    assert bar_percent(Decimal("200"), Decimal("200")) == 100
    assert bar_percent(Decimal("1"), Decimal("100000")) == 2  # never invisible
    assert bar_percent(Decimal("0"), Decimal("100")) == 0


def _spending_decision(code="MD2628", stream=None, year=2020, income="154000.00", spend="184000.00"):
    decision = SignedDecisionFactory(reference_code=code, funding_stream=stream)
    if income:
        LineFactory(decision=decision, amount=Decimal(income), financial_year=year)
    LineFactory(decision=decision, direction=LineDirection.EXPENDITURE, amount=Decimal(spend), financial_year=year,
                source_organisation=None, source_budget="Social Integration budget")
    return decision


def test_the_contents_list_leads_to_every_section(client):
    decision = _spending_decision()
    page = client.get(reverse("funding:decision_detail", args=[decision.reference_code])).content.decode()
    contents = page.split('id="contents-heading"', 1)[1].split("</nav>", 1)[0]
    targets = re.findall(r'href="#([^"]+)"', contents)
    assert len(targets) >= 15
    for target in targets:
        assert f'id="{target}"' in page, target
    # The money comes first, before the key information and the long text.
    assert page.index('id="money"') < page.index('id="key-information"') < page.index('id="part-1"')


def test_the_summary_at_the_top_sums_the_money_and_says_what_was_not_recorded(client):
    decision = _spending_decision(income=None)
    page = client.get(reverse("funding:decision_detail", args=[decision.reference_code])).content.decode()
    assert 'id="summary-income">Not recorded<' in page
    assert 'id="summary-expenditure">£184,000.00<' in page
    assert "<strong>Not recorded</strong>" in page  # the total income of the totals table
    assert "£0.00" not in page


def test_the_register_shows_not_recorded_and_totals_of_every_page(client):
    _spending_decision("MD1001", income=None, spend="100.00")
    _spending_decision("MD1002", income="500.00", spend="400.00")
    page = client.get(reverse("funding:register")).content.decode()
    assert "£0.00" not in page and "Not recorded" in page
    assert 'id="register-income">£500.00<' in page
    assert 'id="register-expenditure">£500.00<' in page


def test_register_totals_follow_the_filters(client):
    _spending_decision("MD1001", income="100.00", spend="100.00", year=2019)
    _spending_decision("MD1002", income="500.00", spend="400.00", year=2020)
    page = client.get(reverse("funding:register") + "?q=MD1002").content.decode()
    assert 'id="register-income">£500.00<' in page


def test_register_totals_and_chart_from_the_selectors():
    lsmp = FundingStreamFactory(short_name="LSMP", name="Home Office LSMP grant")
    _spending_decision("MD1001", stream=lsmp, year=2019, spend="155000.00")
    _spending_decision("MD1002", stream=lsmp, year=2020, spend="184000.00")
    _spending_decision("ADD1003", stream=None, year=2020, income=None, spend="25000.00")
    signed = Decision.objects.signed()
    assert register_totals(signed).expenditure == Decimal("364000.00")
    assert register_totals(signed).income == Decimal("308000.00")
    chart = signed_spend_chart(signed)
    assert [(s.stream, [(b.year, b.amount) for b in s.bars]) for s in chart.streams] == [
        ("Home Office LSMP grant", [("2019/20", Decimal("155000.00")), ("2020/21", Decimal("184000.00"))]),
        (NO_STREAM, [("2020/21", Decimal("25000.00"))]),
    ]
    assert chart.most == Decimal("184000.00")


def test_the_chart_is_bars_with_a_table_of_the_same_figures(client):
    lsmp = FundingStreamFactory(short_name="LSMP", name="Home Office LSMP grant")
    _spending_decision("MD1001", stream=lsmp, year=2019, spend="92000.00")
    _spending_decision("MD1002", stream=lsmp, year=2020, spend="184000.00")
    page = client.get(reverse("funding:register")).content.decode()
    chart = page.split('id="spend-heading"', 1)[1].split("</section>", 1)[0]
    # The bars are hidden from screen readers, which read the table instead; no style attribute.
    assert 'class="lsmp-bar-chart" aria-hidden="true"' in chart and "style=" not in chart
    assert "lsmp-bar-chart__bar--100" in chart and "lsmp-bar-chart__bar--50" in chart
    table = chart.split("<table", 1)[1]
    assert "Home Office LSMP grant" in table and "£92,000.00" in table and "£184,000.00" in table


def test_the_register_query_count_stays_flat_with_the_chart(client, django_assert_max_num_queries):
    for n in range(12):
        _spending_decision(f"MD{2000 + n}", year=2018 + n % 3, spend="10.00")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("funding:register")).status_code == 200
